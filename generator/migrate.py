"""``python -m generator.migrate -- aws <service> <operation> ARGS...``: what changes for a
command line when it moves from AWS CLI v1 to v2, offline.

Both generated parsers of the operation (v1's and v2's) read the same command line; the
check prints one line per difference and sends nothing:

- ``exit code: 0 -> 255`` where the exit codes differ (v2 fails where v1 succeeded, or the
  other way round, or fails with another code);
- ``request: sent -> not sent`` where only one of them gets as far as handing the request to
  its operation caller;
- ``<member path>: <v1 value> -> <v2 value>`` for each parameter v2 would send otherwise (a
  URL no longer downloaded, a file read where v1 took the text literally...). Nothing is
  downloaded: where v1 would read a value from a URL, its value shows as ``(the body of
  <url>)``.

A parser "sends" the parameters it would hand to the CLI's operation caller, before
botocore's validation and v2's base64 decoding of blobs (a blob given as text is then the
same text under both: v2 fails on it, which shows as the exit code).

Exit codes: 0 no difference; 1 differences (printed to stdout); 2 a command line this check
cannot read (no ``aws <service> <operation>``, an unknown service or operation).

The parsers come from a cache folder (``$XDG_CACHE_HOME/aws-cli-artifacts/migrate``, or
``--cache DIR``), keyed by the generator's own fingerprint: the first check of an operation
generates that one operation for both versions there (about a second), later ones import it.
Generating the real parsers, rather than rendering them in memory, keeps the check running
exactly the code ``python -m generator`` ships, and lets it import them like any package.

May import: the generator's model, pipeline and CLI (to generate), and the parsers' runtime (its
global options).
"""

import argparse
import base64
import contextlib
import importlib
import io
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import GeneratorError, InputError
from generator.model.builder import CLI_SERVICE_NAMES
from generator.model.ir import Operation, Service
from generator.model.names import python_identifier

_MODEL_NAMES = {cli: model for model, cli in CLI_SERVICE_NAMES.items()}


@dataclass(frozen=True)
class Outcome:
    """One parser's reading of a command line."""

    exit_code: int
    #: The parameters handed to the operation caller, in a comparable form (blobs as
    #: ``{"$bytes": base64}``, open files as ``{"$file": path}``); None: not handed over.
    params: Any


def default_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "aws-cli-artifacts" / "migrate"


def resolve(cli_service: str, cli_operation: str) -> tuple[Service, Operation]:
    """The model service and operation ``aws <cli_service> <cli_operation>`` runs."""
    from generator.pipeline.service import load

    try:
        service = load(_MODEL_NAMES.get(cli_service, cli_service))
    except GeneratorError as exc:
        raise InputError(f"unknown service {cli_service!r}: {exc}") from None
    try:
        operation = service.operation(cli_operation)
    except KeyError:
        raise InputError(f"{cli_service} has no operation {cli_operation!r}") from None
    if operation.cli_name != cli_operation:
        raise InputError(
            f"{cli_service} has no operation {cli_operation!r} (did you mean {operation.cli_name}?)"
        )
    return service, operation


def parser_modules(service: Service, operation: Operation, cache: Path) -> tuple[Any, Any]:
    """The v1 and v2 parser modules of ``operation``, generated into ``cache`` on first use."""
    from generator.cli import main as generate
    from generator.pipeline.cache import generator_fingerprint

    root = cache / generator_fingerprint()[:16]
    package = python_identifier(service.name)
    modules = []
    for version in (1, 2):
        tree = f"v{version}_{package}_{operation.py_name}"
        if not (root / tree / package / f"{operation.py_name}.py").exists():
            root.mkdir(parents=True, exist_ok=True)
            argv = ["--cli-version", str(version), "--service", service.name, "--operation", operation.name]
            code = generate([*argv, "--out", str(root / tree), "--quiet", "--jobs", "1", "--no-cache"])
            if code != 0:
                raise GeneratorError(
                    f"generating the v{version} parser of {operation.cli_name} failed (exit {code})"
                )
        if str(root) not in sys.path:
            sys.path.insert(0, str(root))
        modules.append(importlib.import_module(f"{tree}.{package}.{operation.py_name}"))
    return modules[0], modules[1]


def comparable(value: Any) -> Any:
    """Parameters as plain data: blobs ``{"$bytes": base64}``, open files ``{"$file": path}``
    (closed here)."""
    if isinstance(value, dict):
        return {key: comparable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [comparable(item) for item in value]
    if isinstance(value, (bytes, bytearray)):
        return {"$bytes": base64.b64encode(bytes(value)).decode("ascii")}
    if hasattr(value, "read") and isinstance(getattr(value, "name", None), str):
        value.close()
        return {"$file": value.name}
    return value


@contextlib.contextmanager
def _offline(module: Any) -> Iterator[None]:
    """No download: v1 reads an ``http(s)://`` value from the URL; here its value is a stand-in
    for the body, which is never the URL itself (v2 takes the URL as the value)."""
    paramfile: Any = importlib.import_module(f"{module.__package__}._paramfile")
    fetch = paramfile.fetch
    paramfile.fetch = lambda url: f"(the body of {url})"
    try:
        yield
    finally:
        paramfile.fetch = fetch


def outcome(module: Any, argv: Sequence[str]) -> Outcome:
    """How ``module``'s parser reads ``argv``: its exit code (with its output swallowed), and
    the parameters it hands over, which its CLI does before validating them."""
    operation = module.OPERATION
    argv = list(argv)
    with contextlib.ExitStack() as stack:
        stack.enter_context(_offline(module))
        stack.enter_context(contextlib.redirect_stdout(io.StringIO()))
        stack.enter_context(contextlib.redirect_stderr(io.StringIO()))
        try:
            module.parse_args(argv)
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        params = None
        try:
            if not operation.asks_for_help(argv):
                built, _, skeleton, _ = operation.build(argv)
                if skeleton not in ("input", "yaml-input"):
                    params = comparable(built)
        except (SystemExit, Exception):  # the parser refused the line before handing it over
            params = None
    return Outcome(code, params)


def _paths(v1: Any, v2: Any, path: str = "") -> list[str]:
    """Where two parameter trees part, one ``path: v1 -> v2`` line each."""
    special = {"$bytes", "$file"}
    if isinstance(v1, dict) and isinstance(v2, dict) and not special & (v1.keys() | v2.keys()):
        lines = []
        for key in [*v1, *(k for k in v2 if k not in v1)]:
            a, b = v1.get(key, "(absent)"), v2.get(key, "(absent)")
            if a != b:
                lines += _paths(a, b, f"{path}.{key}" if path else key)
        return lines
    if isinstance(v1, list) and isinstance(v2, list) and len(v1) == len(v2):
        return [line for i, (a, b) in enumerate(zip(v1, v2)) for line in _paths(a, b, f"{path}[{i}]")]
    return [f"{path or '(parameters)'}: {v1!r} -> {v2!r}"]


def differences(v1: Outcome, v2: Outcome) -> list[str]:
    lines = []
    if v1.exit_code != v2.exit_code:
        lines.append(f"exit code: {v1.exit_code} -> {v2.exit_code}")
    if v1.params != v2.params:
        if v1.params is None or v2.params is None:
            sent = {True: "sent", False: "not sent"}
            lines.append(f"request: {sent[v1.params is not None]} -> {sent[v2.params is not None]}")
        else:
            lines += _paths(v1.params, v2.params)
    return lines


def _globals_last(words: list[str]) -> list[str]:
    """The words with the global options written before the service moved to the end, where
    the parsers read them as the CLI does anywhere."""
    from generator.python.runtime._cli import GLOBAL_OPTIONS, GLOBAL_OPTIONS_V2

    takes_value = {
        option for option, kwargs in (*GLOBAL_OPTIONS, *GLOBAL_OPTIONS_V2) if "action" not in kwargs
    }
    before: list[str] = []
    while words and words[0].startswith("--"):
        option = words.pop(0)
        before.append(option)
        if option in takes_value and words:
            before.append(words.pop(0))
    return [*words, *before]


def check(words: Sequence[str], cache: Path | None = None) -> list[str]:
    """The differences for ``aws <service> <operation> ARGS`` (``words``, with or without the
    leading ``aws``); raises ``InputError`` for a line it cannot read."""
    words = list(words)
    if words[:1] == ["aws"]:
        words = words[1:]
    words = _globals_last(words)
    if len(words) < 2:
        raise InputError("give the command line: aws <service> <operation> [options]")
    service, operation = resolve(words[0], words[1])
    v1, v2 = parser_modules(service, operation, cache or default_cache())
    return differences(outcome(v1, words[2:]), outcome(v2, words[2:]))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator.migrate",
        description="What changes for an AWS CLI command line from v1 to v2: one line per "
        "difference (exit code, request parameters), nothing sent. Exit 0: none; 1: differences; "
        "2: a command line it cannot read.",
        usage="python -m generator.migrate [--cache DIR] -- aws <service> <operation> [options]",
    )
    parser.add_argument(
        "--cache",
        type=Path,
        help="where the parsers are generated (default: %(default)s)",
        default=default_cache(),
    )
    parser.add_argument("words", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    words = args.words[1:] if args.words[:1] == ["--"] else args.words
    try:
        lines = check(words, args.cache)
    except GeneratorError as exc:
        print(f"python -m generator.migrate: {exc}", file=sys.stderr)
        return exc.exit_code
    for line in lines:
        print(line)
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main())
