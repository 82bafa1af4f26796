"""Artifact-by-artifact comparison with the AWS CLI v2, for any service (``scripts/conformance
--cli-version 2``).

Compared: the skeletons (JSON input, YAML input, JSON output), the reference pages
(operations, the service page, the ``wait`` pages) and the parsers (the v1 parser corpus's
small sample, ``parsers_v2.difference``) that ``--cli-version 2`` renders, against what
``aws2`` prints (``oracle_v2``). Where ours differs, the reason is looked up in v2 at run
time, not in a list kept here: v2 has no such command, or a hand-written one (its command
table's class), or the difference goes when the comparison runs again on a v2 whose
hand-written hooks for the service are not registered (the hooks its plugin registry and its
tables register, recorded by the oracle) or without its legacy syntax for a list of
one-member structures (on the arguments v2 says it reads so), or its argument table departs from the model (an
argument of another class than the model's and the ones v2 adds to every command, a member with
no argument of its name, or a member's argument documented otherwise than the model documents
the member): then the outcome is "customized" and names what v2 changed; otherwise "mismatch".
A page where v2's RST is no valid RST and ours is, with the same words, counts as identical,
as for v1 (``conformance.written_valid_where_the_cli_is_not``).
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

from .conformance import (
    LATE_EVENTS,
    Outcome,
    first_difference,
    page_difference,
    parting_lines,
    sampled,
    service_hooks,
    written_valid_where_the_cli_is_not,
)
from .conformance_calls import SMALL_CORPUS
from .modeldata import minimal_document
from .parser_corpus import ENDPOINT_ARNS
from .oracle_v2 import (
    aws2_arguments,
    aws2_hooks,
    aws2_legacy_list_arguments,
    aws2_own_options,
    aws2_page,
    aws2_service_commands,
    normalise_v2,
    run_aws2,
    without_aws2_hooks,
    without_aws2_legacy_lists,
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
        self._hooks: tuple[tuple[str, str], ...] | None = None
        #: v2's error where its own hooks break every command of the service (signin's renames
        #: of commands this botocore's model does not have): then everything is compared
        #: without the service's hooks.
        self.broken = ""
        try:
            self.commands = aws2_service_commands(service.cli_name)
        except RuntimeError as exc:
            self.broken = str(exc).removeprefix("AWS CLI v2 oracle: ").split(" (request ")[0]
            with without_aws2_hooks(self.hooks(None, "service-page")):
                self.commands = aws2_service_commands(service.cli_name)

    def hooks(self, operation: Operation | None, kind: str) -> tuple[tuple[str, str], ...]:
        """v2's hooks on this service (on ``operation`` and on all its commands) that can change
        an artifact of ``kind`` (an output skeleton is the stubbed response: ``after-call`` too)."""
        if self._hooks is None:  # asked only where something differs
            self._hooks = aws2_hooks(self.service.cli_name)
        late = LATE_EVENTS - {"after-call"} if kind == "skeleton-output" else LATE_EVENTS
        return service_hooks(self.service, self._hooks, operation, late)

    def without_hooks(self, operation: Operation | None, kind: str, compare: Callable[[], str | None]) -> str:
        """The hooks (named) behind a difference when ``compare`` finds none without them, else ''."""
        hooks = self.hooks(operation, kind)
        if not hooks:
            return ""
        with without_aws2_hooks(hooks):
            try:
                plain = compare()
            except Exception as exc:  # v2 without its hooks may not run at all
                plain = f"crash: {exc!r}"
        if plain is not None:
            return ""
        return ", ".join(sorted({f"{handler} ({event})" for event, handler in hooks}))

    def without_broken_hooks(
        self, operation: Operation | None, kind: str, compare: Callable[[], str | None]
    ) -> Outcome:
        """Where v2's hooks break the service, ours against v2 without them."""
        name = operation.cli_name if operation else "(service page)"
        hooks = self.hooks(None, kind)
        with without_aws2_hooks(hooks):
            difference = compare()
        if difference is not None:
            return Outcome(self.service.name, name, kind, "mismatch", difference[:400])
        named = ", ".join(sorted({f"{handler} ({event})" for event, handler in hooks}))
        reason = (
            f"v2 fails on every command of the service ({self.broken}); identical without its hooks: {named}"
        )
        return Outcome(self.service.name, name, kind, "customized", reason[:400])

    def legacy_lists(self, operation: Operation, compare: Callable[[], str | None]) -> str:
        """The arguments v2 reads in its legacy list syntax, when ``compare`` finds no difference
        without that syntax, else ''."""
        arguments = aws2_legacy_list_arguments(self.service.cli_name, operation.cli_name)
        if not arguments:
            return ""
        with without_aws2_legacy_lists():
            if compare() is not None:
                return ""
        return ", ".join(f"--{name}" for name in arguments)

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
        if self.broken:
            return self.without_broken_hooks(operation, kind, compare)
        difference = compare()
        if difference is None:
            return Outcome(service, name, kind, "identical")
        hooks = self.without_hooks(operation, kind, compare)
        if hooks:
            return Outcome(service, name, kind, "customized", f"{difference}; v2's hooks: {hooks}"[:400])
        legacy = self.legacy_lists(operation, compare) if operation is not None else ""
        if legacy:
            reason = f"{difference}; v2's hand-written legacy list syntax: {legacy}"
            return Outcome(service, name, kind, "customized", reason[:400])
        if operation is not None:
            arguments = argument_customisation(self.service, operation)
            if arguments:
                return Outcome(
                    service, name, kind, "customized", f"{difference}; v2's arguments: {arguments}"[:400]
                )
        return Outcome(service, name, kind, "mismatch", difference[:400])


def _difference(ours: str, theirs: str) -> str | None:
    return None if ours == theirs else _first_spot(ours, theirs)


def _skeleton_outcomes(
    judge: _Judge, tree: Path, operation: Operation, kinds: tuple[str, ...]
) -> Iterator[Outcome]:
    service = judge.service
    folder = tree / "skeletons" / service.name
    if operation.streaming_output:
        return
    command = [service.cli_name, operation.cli_name, "--generate-cli-skeleton"]
    # The output skeleton is v2's stubbed response, after its endpoint rules have read the input:
    # members they read as ARNs get ARN values.
    document = {
        key: ENDPOINT_ARNS.get((service.name, key), value)
        for key, value in minimal_document(service, operation.input).items()
    }
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
        return _page_difference(normalise_v2(path.read_text(encoding="utf-8")), theirs, path.name)

    return judge.outcome(operation, "page", compare)


def _page_difference(ours: str, theirs: str, name: str) -> str | None:
    """None where the pages are equal, or where v2's is no valid RST and ours is, with the same
    words (as for v1); else where they part (the first differing spot), and why where the judge
    can tell: v2's page is the invalid one, or ours only keeps spaces v2 leaves out."""
    if ours == theirs or written_valid_where_the_cli_is_not(theirs, ours, name):
        return None
    spot = _first_spot(ours, theirs)
    if _only_spaces_added(ours, theirs):
        return f"ours keeps a space v2 leaves out (v2 glues two words where a tag it does not know stood): {spot}"
    invalid = page_difference(ours, theirs, name)
    if invalid.startswith("awscli's page is no valid RST"):
        return invalid.split(", ours is: ")[0].replace("awscli", "aws2") + f", ours is: {spot}"
    return spot


def _first_spot(ours: str, theirs: str) -> str:
    """The first line where two texts part, shown around its first differing character."""
    parting = parting_lines(ours, theirs)
    if parting is not None:
        left, right, number = parting
        column = next((i for i, (x, y) in enumerate(zip(left, right)) if x != y), min(len(left), len(right)))
        start = max(column - 40, 0)
        return f"line {number} col {column + 1}: ours {left[start:column + 50]!r}, aws2 {right[start:column + 50]!r}"
    return "line endings or trailing whitespace differ"


def _only_spaces_added(ours: str, theirs: str) -> bool:
    """Every line that differs is v2's with spaces added (and the same lines differ)."""
    a, b = ours.splitlines(), theirs.splitlines()
    pairs = [(x, y) for x, y in zip(a, b) if x != y]
    return (
        len(a) == len(b)
        and bool(pairs)
        and all(len(x) > len(y) and x.replace(" ", "") == y.replace(" ", "") for x, y in pairs)
    )


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
    the operations v2 has no command for is compared again (v2 drops event-stream ones), then
    v2's page without its hooks on the service."""
    service = judge.service
    commands = judge.commands
    model = {operation.cli_name for operation in service.operations} | (
        {"wait"} if commands.has_wait else set()
    )
    folder = tree / "docs" / service.name
    # A sampled run generates some operations (and the waiters, with all of them) only.
    generated = {path.stem for path in folder.glob("*.rst")} | {
        path.name for path in folder.iterdir() if path.is_dir()
    }
    cli_only = (set(commands.documented) - model) | (model - generated)
    dropped = {operation.cli_name for operation in service.operations} - set(commands.kinds) - cli_only
    ours = normalise_v2((folder / "index.rst").read_text(encoding="utf-8"))

    def compare(leave_out: frozenset[str] = frozenset()) -> str | None:
        theirs = _without_entries(normalise_v2(aws2_page(service.cli_name)), cli_only)
        return _page_difference(_without_entries(ours, set(leave_out)), theirs, "index.rst")

    name, kind = "(service page)", "service-page"
    if judge.broken:
        return judge.without_broken_hooks(None, kind, compare)
    difference = compare()
    if difference is None:
        return Outcome(service.name, name, kind, "identical")
    if dropped and compare(frozenset(dropped)) is None:
        reason = f"{difference}; v2 has no command for: {', '.join(sorted(dropped))}"
        return Outcome(service.name, name, kind, "customized", reason[:400])
    hooks = judge.without_hooks(None, "service-page", compare)
    if hooks:
        return Outcome(service.name, name, kind, "customized", f"{difference}; v2's hooks: {hooks}"[:400])
    return Outcome(service.name, name, kind, "mismatch", difference[:400])


def _guarded(service: str, name: str, kind: str, run: Callable[[], list[Outcome]]) -> list[Outcome]:
    """A crash of one comparison is an outcome, not the end of the service's run."""
    try:
        return run()
    except Exception as exc:
        return [Outcome(service, name, kind, "mismatch", f"crash: {exc!r}"[:400])]


def service_outcomes(
    name: str,
    tree: Path,
    kinds: tuple[str, ...] = KINDS,
    every: int = 1,
    above: int = 100,
    operations: tuple[str, ...] = (),
) -> list[Outcome]:
    """Compare one service of ``tree``: ``operations`` (CLI names; all when none), every
    ``every``-th of a service of over ``above`` (the service page less the operations the tree
    lacks)."""
    service = load(name)
    judge = _Judge(service)
    chosen = tuple(op for op in service.operations if not operations or op.cli_name in operations)
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory() as folder:
        files = Path(folder)
        (files / "text").write_text("from a file\n")
        (files / "bytes").write_bytes(b"\x00\x01binary\xff")
        for operation in sampled(chosen, every, above):
            outcomes += _guarded(
                name,
                operation.cli_name,
                "skeleton",
                lambda: list(_skeleton_outcomes(judge, tree, operation, kinds)),
            )
            if "page" in kinds:
                outcomes += _guarded(
                    name, operation.cli_name, "page", lambda: [_page_outcome(judge, tree, operation)]
                )
            if "parser" in kinds:
                outcomes += _guarded(
                    name,
                    operation.cli_name,
                    "parser",
                    lambda: [_parser_outcome(judge, tree, operation, files)],
                )
    if "service-page" in kinds:
        outcomes += _guarded(
            name, "(service page)", "service-page", lambda: [_service_page_outcome(judge, tree)]
        )
    return outcomes


def generated_outcomes(
    name: str, folder: Path, kinds: tuple[str, ...], every: int = 1, above: int = 100
) -> list[Outcome]:
    """Generate ``name`` for CLI v2 into a folder of its own under ``folder`` (only the operations
    compared, when sampling) and compare it."""
    with tempfile.TemporaryDirectory(dir=folder) as own:
        # A package name of its own: a worker compares several services' parsers.
        tree = Path(own) / f"v2tree_{python_identifier(name)}"
        argv = ["--service", name, "--cli-version", "2", "--out", str(tree), "--quiet", "--jobs", "1"]
        operations = load(name).operations
        if every > 1 and len(operations) > above:
            argv += [arg for op in sampled(operations, every, above) for arg in ("--operation", op.cli_name)]
        code = generate(argv)
        if code != 0:
            return [Outcome(name, "(service)", "service", "mismatch", f"generator exit {code}")]
        return service_outcomes(name, tree, kinds, every, above)
