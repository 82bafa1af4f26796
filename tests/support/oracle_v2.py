"""The AWS CLI v2 as a test oracle, in a process of its own.

v1 and v2 both import as ``awscli``, so v2 never runs in the test process: the
v2 venv (``.venv-awscli2`` beside ``.venv``, built from
``../shared/oracles/awscli-v2`` by its ``setup`` on first use, as
``scripts/test`` does) runs ``oracle_v2_server.py``, one process per test
process, and each request gets a fresh driver there. Both CLIs read the
models of the botocore the project pins.
"""

import contextlib
import contextvars
import functools
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / ".venv-awscli2"
SETUP = ROOT.parent / "shared" / "oracles" / "awscli-v2" / "setup"
_SERVER = Path(__file__).with_name("oracle_v2_server.py")


class OracleUnavailable(RuntimeError):
    """The v2 oracle could not be built or started (a test that needs it fails)."""


@dataclass(frozen=True)
class Result:
    exit_code: int
    stdout: str
    stderr: str


@dataclass(frozen=True)
class Capture:
    exit_code: int
    #: What v2 handed to its operation caller (None if it never got there), as
    #: JSON: blobs ``{"$bytes": base64}``, open files ``{"$file": path}``,
    #: timestamps ``{"$datetime": iso}``.
    params: dict[str, Any] | None
    stdout: str
    stderr: str


@dataclass(frozen=True)
class ServiceCommands:
    #: ``{command: class name}``: ``ServiceOperation`` for model operations.
    kinds: dict[str, str]
    #: Commands the service page documents.
    documented: tuple[str, ...]
    has_wait: bool
    waiters: tuple[str, ...]


def botocore_data_dir() -> str:
    import botocore

    return os.path.join(os.path.dirname(os.path.abspath(botocore.__file__)), "data")


def ensure_built() -> Path:
    """Build the v2 venv unless it is complete for this botocore (``setup`` is
    idempotent and returns at once then). Returns the venv."""
    if not SETUP.exists():
        raise OracleUnavailable(
            f"the AWS CLI v2 oracle is missing: {SETUP} (a checkout needs ../shared beside it)"
        )
    done = subprocess.run(
        [str(SETUP), str(VENV), botocore_data_dir()], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise OracleUnavailable(f"building the AWS CLI v2 oracle failed: {done.stderr.strip()[-2000:]}")
    return VENV


#: The caller's environment variables the oracle's process gets.
_PASSED_ON = ("PATH", "HOME", "TMPDIR", "LANG", "LC_ALL", "LC_CTYPE", "SYSTEMROOT")


class _Server:
    def __init__(self, venv: Path) -> None:
        read, write = os.pipe()
        env = {
            # The caller's environment less what the CLI may read (AWS_*: the server sets its
            # own) and what it need not: v2 copies the environment once per command of its
            # table (some 420) in every request, so each variable costs.
            **{name: os.environ[name] for name in _PASSED_ON if name in os.environ},
            "PYTHONPATH": str(venv / "cli"),
            "AWS_DATA_PATH": str(venv / "models"),
            "PYTHONHASHSEED": "0",
        }
        self._process = subprocess.Popen(
            [str(venv / "bin" / "python"), str(_SERVER), str(write)],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            pass_fds=(write,),
            env=env,
            # Not the caller's folder, which a test may be about to remove.
            cwd=str(ROOT),
            text=True,
            encoding="utf-8",
        )
        os.close(write)
        self._answers: IO[str] = os.fdopen(read, "r", encoding="utf-8")
        self._lock = threading.Lock()

    def ask(self, **request: Any) -> Any:
        assert self._process.stdin is not None
        request.update(_REQUEST_SETTINGS.get())
        with self._lock:
            self._process.stdin.write(json.dumps(request) + "\n")
            self._process.stdin.flush()
            line = self._answers.readline()
        if not line:
            raise OracleUnavailable(f"the AWS CLI v2 oracle stopped (exit {self._process.poll()})")
        answer = json.loads(line)
        if "error" in answer:
            raise RuntimeError(f"AWS CLI v2 oracle: {answer['error']} (request {request})")
        return answer["ok"]


#: What requests made inside ``without_aws2_hooks`` and ``without_aws2_legacy_lists`` add.
_REQUEST_SETTINGS: contextvars.ContextVar[dict[str, Any]] = contextvars.ContextVar(
    "request_settings", default={}
)


@contextlib.contextmanager
def _settings(**settings: Any) -> Iterator[None]:
    token = _REQUEST_SETTINGS.set({**_REQUEST_SETTINGS.get(), **settings})
    try:
        yield
    finally:
        _REQUEST_SETTINGS.reset(token)


@contextlib.contextmanager
def without_aws2_hooks(skipped: Sequence[tuple[str, str]]) -> Iterator[None]:
    """Requests made inside run on drivers that never register these ``(event, handler)`` hooks:
    v2 as its model alone would make it, to tell a difference its hand-written customisations
    cause from one that is ours."""
    with _settings(without_hooks=[list(hook) for hook in skipped]):
        yield


@contextlib.contextmanager
def without_aws2_legacy_lists() -> Iterator[None]:
    """Requests made inside read and document no argument in v2's legacy list syntax
    (``aws2_legacy_list_arguments``): shorthand, as the model alone would have it."""
    with _settings(legacy_lists=False):
        yield


@functools.cache
def _server() -> _Server:
    return _Server(ensure_built())


def run_aws2(argv: Sequence[str], validate_stub: bool = True, data_paths: Sequence[str] = ()) -> Result:
    """``aws2 ARGV``: exit code, stdout, stderr (``validate_stub``: see ``run_aws``; ``data_paths``:
    extra model folders)."""
    answer = _server().ask(
        op="run", argv=list(argv), validate_stub=validate_stub, data_paths=[str(path) for path in data_paths]
    )
    return Result(answer["exit_code"], answer["stdout"], answer["stderr"])


def capture_aws2(
    argv: Sequence[str], cwd: str | None = None, home: str | None = None, validate_stub: bool = True
) -> Capture:
    """``aws2 ARGV`` with nothing sent: the parameters it hands to its operation caller.
    ``cwd`` and ``home``: the folder it runs in and its ``HOME`` (the server's otherwise);
    ``validate_stub``: see ``run_aws2``."""
    answer = _server().ask(op="capture", argv=list(argv), cwd=cwd, home=home, validate_stub=validate_stub)
    return Capture(answer["exit_code"], answer["params"], answer["stdout"], answer["stderr"])


def aws2_page(service: str, *subcommands: str) -> str:
    """The html-target RST of ``aws2 <service> [<subcommand>...] help``, unnormalised."""
    return str(_server().ask(op="page", path=[service, *subcommands])["page"])


def aws2_service_commands(service: str) -> ServiceCommands:
    answer = _server().ask(op="commands", service=service)
    return ServiceCommands(
        answer["kinds"], tuple(answer["documented"]), answer["has_wait"], tuple(answer["waiters"])
    )


def aws2_hooks(service: str) -> tuple[tuple[str, str], ...]:
    """``(event name, handler name)`` of every handler v2 registers while it builds the service's
    command table and its commands' argument tables: its hand-written hooks among them."""
    return tuple(
        (str(event), str(handler)) for event, handler in _server().ask(op="hooks", service=service)["hooks"]
    )


def aws2_legacy_list_arguments(service: str, operation: str) -> tuple[str, ...]:
    """The arguments of ``aws2 SERVICE OPERATION`` that v2 reads and documents in its hand-written
    legacy syntax for a list of one-member structures (``--instances InstanceId1 InstanceId2``)."""
    return tuple(_server().ask(op="legacy_lists", path=[service, operation])["arguments"])


def aws2_arguments(*path: str) -> tuple[tuple[str, str, str | None, str], ...]:
    """``(name, class name, member it sets or None, documentation)`` of each argument of ``aws2 PATH``."""
    rows = _server().ask(op="arguments", path=list(path))["arguments"]
    return tuple(
        (str(name), str(kind), member, str(documentation)) for name, kind, member, documentation in rows
    )


@functools.cache
def _global_synopsis_block() -> str:
    """v2's global options' Synopsis lines as its pages print them (see ``doc_oracle``)."""
    text = str(_server().ask(op="global_synopsis")["text"])
    return "".join(f"  {line.strip()}\n" for line in text.splitlines() if line.strip())


def aws2_own_options(*path: str) -> dict[str, str]:
    """The documentation of the options v2 adds to ``aws2 PATH`` itself (``cli-input-json``,
    ``generate-cli-skeleton``, the paging options), by name, as its pages print it."""
    return dict(_server().ask(op="own_options", path=list(path))["options"])


#: The options whose texts are v2's own: the v2 pages here describe them in other words (see
#: ``generator.clirules.options``), so the comparison sets both pages' texts aside.
OWN_TEXT_OPTIONS = {
    "cli-input-json": "``--cli-input-json`` | ``--cli-input-yaml`` (string)\n",
    "generate-cli-skeleton": "``--generate-cli-skeleton`` (string)\n",
}
SET_ASIDE = "(the CLI's own text)\n"


def _set_aside(page: str, heading: str, text: str | None) -> str:
    """The line after ``heading`` replaced by ``SET_ASIDE``; when ``text`` is given, that line
    must be it (the oracle's page)."""
    start = page.find(heading)
    if start < 0:
        return page
    start += len(heading)
    end = page.index("\n", start) + 1
    if text is not None:
        assert page[start:end] == text + "\n", (page[start:end], text)
    return page[:start] + SET_ASIDE + page[end:]


def normalise_v2(page: str, own_options: dict[str, str] | None = None) -> str:
    """A v2 page, or ours, normalised as ``doc_oracle.normalise`` does (v2's global options);
    then the text of each option in ``OWN_TEXT_OPTIONS`` set aside. Give ``own_options``
    (``aws2_own_options``) for the oracle's page: each set-aside text must be v2's."""
    from .doc_oracle import normalise

    page = normalise(page, _global_synopsis_block())
    for name, heading in OWN_TEXT_OPTIONS.items():
        page = _set_aside(page, heading, None if own_options is None else own_options.get(name))
    return page


if __name__ == "__main__":  # scripts: python -m tests.support.oracle_v2 ARGV... runs aws2 in-process style
    result = run_aws2(sys.argv[1:])
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    sys.exit(result.exit_code)
