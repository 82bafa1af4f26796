"""Artifact-by-artifact comparison with the AWS CLI v2, for any service (``scripts/conformance
--cli-version 2``).

Compared: the skeletons (JSON input, YAML input, JSON output), the reference pages
(operations, the service page, the ``wait`` pages) and the parsers (the v1 parser corpus's
small sample, ``parsers_v2.difference``) that ``--cli-version 2`` renders, against what
``aws2`` prints (``oracle_v2``). Where ours differs, the reason is looked up in v2 at run
time, not in a list kept here: v2 has no such command, or a hand-written one (its command
table's class), or its argument table departs from the model (an argument of another class
than the model's and the ones v2 adds to every command, a member with no argument of its
name, or a member's argument documented otherwise than the model documents the member):
then the outcome is "customized" and names what v2 changed; otherwise "mismatch".
"""

import json
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from generator.cli import main as generate
from generator.model.ir import Operation, Service
from generator.model.names import python_identifier
from generator.pages.content import member_documentation
from generator.pipeline.service import load

from .conformance import Outcome, first_difference
from .conformance_calls import SMALL_CORPUS
from .modeldata import minimal_document
from .oracle_v2 import (
    aws2_arguments,
    aws2_own_options,
    aws2_page,
    aws2_service_commands,
    normalise_v2,
    run_aws2,
)

#: Argument classes v2 derives from the model, and those it adds to every command of a kind.
MODEL_ARGUMENTS = frozenset({"CLIArgument", "ListArgument", "BooleanArgument"})
STANDARD_ARGUMENTS = frozenset(
    {
        "CliInputJSONArgument",
        "CliInputYAMLArgument",
        "GenerateCliSkeletonArgument",
        "PageArgument",
        "StreamingOutputArgument",
    }
)
KINDS = ("skeleton-input", "skeleton-yaml", "skeleton-output", "page", "service-page", "parser")


def argument_customisation(service: Service, operation: Operation) -> str:
    """How v2's arguments for ``operation`` depart from the model ('' when they do not)."""
    arguments = aws2_arguments(service.cli_name, operation.cli_name)
    members = {m.name: m for m in service.shape(operation.input).members} if operation.input else {}
    found = []
    for name, kind, member, documentation in arguments:
        if kind not in MODEL_ARGUMENTS | STANDARD_ARGUMENTS:
            found.append(f"--{name} ({kind})")
        elif member in members and documentation != member_documentation(service, members[member]):
            found.append(f"--{name} documented in v2's own words")
    names = {name for name, _, _, _ in arguments}
    found += [f"no --{m.cli_name}" for m in members.values() if m.cli_name not in names]
    return ", ".join(found)


class _Judge:
    def __init__(self, service: Service) -> None:
        self.service = service
        self.commands = aws2_service_commands(service.cli_name)

    def command_customisation(self, operation: Operation) -> str:
        kind = self.commands.kinds.get(operation.cli_name)
        if kind is None:
            return "v2 has no such command"
        if kind != "ServiceOperation":
            return f"v2's command is hand-written ({kind})"
        return ""

    def outcome(self, operation: Operation | None, kind: str, compare: Callable[[], str | None]) -> Outcome:
        name = operation.cli_name if operation else "(service page)"
        service = self.service.name
        if operation is not None:
            command = self.command_customisation(operation)
            if command:
                return Outcome(service, name, kind, "customized", command)
        difference = compare()
        if difference is None:
            return Outcome(service, name, kind, "identical")
        if operation is not None:
            arguments = argument_customisation(self.service, operation)
            if arguments:
                return Outcome(
                    service, name, kind, "customized", f"{difference}; v2's arguments: {arguments}"[:400]
                )
        return Outcome(service, name, kind, "mismatch", difference[:400])


def _difference(ours: str, theirs: str) -> str | None:
    return None if ours == theirs else first_difference(ours, theirs).replace("awscli", "aws2")


def _skeleton_outcomes(
    judge: _Judge, tree: Path, operation: Operation, kinds: tuple[str, ...]
) -> Iterator[Outcome]:
    service = judge.service
    folder = tree / "skeletons" / service.name
    if operation.streaming_output:
        return
    command = [service.cli_name, operation.cli_name, "--generate-cli-skeleton"]
    document = minimal_document(service, operation.input)
    output_argv = [*command, "output"]
    if document:
        output_argv += ["--cli-input-json", json.dumps(document), "--cli-binary-format", "raw-in-base64-out"]
    cases = {
        "skeleton-input": ("input.json", command, True),
        "skeleton-yaml": ("input.yaml", [*command, "yaml-input"], True),
        "skeleton-output": ("output.json", output_argv, False),
    }
    for kind, (suffix, argv, validate) in cases.items():
        if kind not in kinds:
            continue

        def compare(suffix: str = suffix, argv: list[str] = argv, validate: bool = validate) -> str | None:
            theirs = run_aws2(argv, validate_stub=validate)
            if theirs.exit_code != 0:
                return f"aws2 exit {theirs.exit_code}: {theirs.stderr.strip()[:200]}"
            path = folder / f"{operation.cli_name}.{suffix}"
            # No file where the CLI prints nothing (an output skeleton of no members).
            return _difference(path.read_text(encoding="utf-8") if path.exists() else "", theirs.stdout)

        yield judge.outcome(operation, kind, compare)


def _page_outcome(judge: _Judge, tree: Path, operation: Operation) -> Outcome:
    service = judge.service
    path = tree / "docs" / service.name / f"{operation.cli_name}.rst"

    def compare() -> str | None:
        theirs = normalise_v2(
            aws2_page(service.cli_name, operation.cli_name),
            aws2_own_options(service.cli_name, operation.cli_name),
        )
        return _difference(normalise_v2(path.read_text(encoding="utf-8")), theirs)

    return judge.outcome(operation, "page", compare)


def _parser_outcome(judge: _Judge, tree: Path, operation: Operation, files: Path) -> Outcome:
    """The first command line of the corpus's small sample where our v2 parser and aws2 part."""
    from .parser_corpus import corpus
    from .parsers_v2 import difference

    package = f"{tree.name}.{python_identifier(judge.service.name)}"
    if str(tree.parent) not in sys.path:
        sys.path.insert(0, str(tree.parent))

    def compare() -> str | None:
        cases = corpus(judge.service, operation, files)
        for argv in (cases[index] for index in SMALL_CORPUS):
            found = difference(judge.service, operation, package, argv)
            if found is not None:
                return f"{' '.join(argv)[:120]}: {found}"
        return None

    return judge.outcome(operation, "parser", compare)


def _without_entries(page: str, names: set[str]) -> str:
    """A service page without the toctree entries of these commands."""
    return "".join(
        line
        for line in page.splitlines(keepends=True)
        if not (line.startswith("  ") and line.strip().removesuffix("/index") in names)
    )


def _service_page_outcome(judge: _Judge, tree: Path) -> Outcome:
    """v2's page less its hand-written commands against ours; where they differ, ours less
    the operations v2 has no command for is compared again (v2 drops event-stream ones)."""
    service = judge.service
    commands = judge.commands
    model = {operation.cli_name for operation in service.operations} | (
        {"wait"} if commands.has_wait else set()
    )
    cli_only = set(commands.documented) - model
    dropped = {operation.cli_name for operation in service.operations} - set(commands.kinds)
    theirs = _without_entries(normalise_v2(aws2_page(service.cli_name)), cli_only)
    ours = normalise_v2((tree / "docs" / service.name / "index.rst").read_text(encoding="utf-8"))
    difference = _difference(ours, theirs)
    if difference is None:
        return Outcome(service.name, "(service page)", "service-page", "identical")
    if dropped and _difference(_without_entries(ours, dropped), theirs) is None:
        reason = f"{difference}; v2 has no command for: {', '.join(sorted(dropped))}"
        return Outcome(service.name, "(service page)", "service-page", "customized", reason[:400])
    return Outcome(service.name, "(service page)", "service-page", "mismatch", difference[:400])


def service_outcomes(name: str, tree: Path, kinds: tuple[str, ...], every: int = 1) -> list[Outcome]:
    service = load(name)
    judge = _Judge(service)
    operations = service.operations[::every] if len(service.operations) > 100 else service.operations
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory() as folder:
        files = Path(folder)
        (files / "text").write_text("from a file\n")
        (files / "bytes").write_bytes(b"\x00\x01binary\xff")
        for operation in operations:
            outcomes += _skeleton_outcomes(judge, tree, operation, kinds)
            if "page" in kinds:
                outcomes.append(_page_outcome(judge, tree, operation))
            if "parser" in kinds:
                outcomes.append(_parser_outcome(judge, tree, operation, files))
    if "service-page" in kinds:
        outcomes.append(_service_page_outcome(judge, tree))
    return outcomes


def generated_outcomes(name: str, folder: Path, kinds: tuple[str, ...], every: int = 1) -> list[Outcome]:
    """Generate ``name`` for CLI v2 into a folder of its own under ``folder`` and compare it."""
    with tempfile.TemporaryDirectory(dir=folder) as own:
        # A package name of its own: a worker compares several services' parsers.
        tree = Path(own) / f"v2tree_{python_identifier(name)}"
        code = generate(
            ["--service", name, "--cli-version", "2", "--out", str(tree), "--quiet", "--jobs", "1"]
        )
        if code != 0:
            return [Outcome(name, "(service)", "service", "mismatch", f"generator exit {code}")]
        return service_outcomes(name, tree, kinds, every)
