"""Artifact-by-artifact comparison with the AWS CLI, for any service.

Used by ``scripts/conformance`` (any services, a table and every mismatch
with its reason) and by the sample test that CI runs. Each artifact kind is
compared with its oracle: skeletons and reference pages with awscli's output,
the parsers with the parameters awscli hands to its operation caller, and
``validate(strict=False)`` with botocore's ParamValidator.

Where ours differs, the comparison is run again on an awscli whose
hand-written hooks for that service are not registered (the hooks are
recorded while awscli builds its tables, not kept in a list here): if ours
then equals it, the difference is awscli's customisation, and the outcome says
so and names the hooks.
"""

import difflib
import json
import re
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.cli import main as generate
from generator.clirules.customisations import rules
from generator.model.ir import Operation, Service
from generator.model.names import python_identifier
from generator.pages.check import FULL_PARSE_LIMIT, check_rst
from generator.pipeline.service import load

from .conformance_calls import parser_difference, validation_difference
from .doc_oracle import assert_cli_page_invalid_ours_valid, awscli_page, normalise
from .modeldata import minimal_document
from .oracle import CliCommand, CliService, cli_service, run_aws, without_hooks

#: Lines after the common start over which two texts are aligned to find where they part.
DIFFERENCE_WINDOW = 200

#: Events that fire after the request is validated, or only in botocore's own
#: documentation: hooks on them change nothing these comparisons look at.
LATE_EVENTS = frozenset(
    {
        "after-call",
        "after-call-error",
        "before-call",
        "before-endpoint-resolution",
        "before-send",
        "before-sign",
        "choose-signer",
        "creating-client-class",
        "docs",
        "needs-retry",
        "request-created",
    }
)
#: Argument classes awscli derives from the model, and those it adds to every
#: command of a kind (input JSON, skeletons, paging, streaming output).
MODEL_ARGUMENTS = frozenset({"CLIArgument", "ListArgument", "BooleanArgument"})
#: awscli's classes for ec2's single-Value boolean flags (the table's value-flag rule).
VALUE_FLAGS = frozenset({"PositiveBooleanArgument", "NegativeBooleanParameter"})
STANDARD_ARGUMENTS = frozenset(
    {"CliInputJSONArgument", "GenerateCliSkeletonArgument", "PageArgument", "StreamingOutputArgument"}
)
#: Every kind compared, in report order.
KINDS = ("skeleton-input", "skeleton-output", "page", "service-page", "parser", "validation")


@dataclass(frozen=True)
class Outcome:
    service: str
    operation: str
    kind: str  # the artifact compared: one of KINDS, or "command"
    #: "identical", "customized" (awscli's command is hand-written or its
    #: hooks change it: not the model's), or "mismatch"
    status: str
    reason: str = ""


@dataclass(frozen=True)
class Context:
    """What every comparison of one service needs."""

    service: Service
    tree: Path
    package: str  # import name of the service's generated parsers
    cli: CliService
    files: Path  # a folder with the files the parser corpus names
    corpus: str  # "small" or "full"
    #: CLI name -> how awscli's arguments depart from the model (see argument_customisation)
    changed_arguments: dict[str, str]

    def hooks(self, operation: Operation | None) -> tuple[tuple[str, str], ...]:
        """awscli's hand-written hooks on this service (on ``operation`` and
        on all its commands), less those that cannot matter here."""
        return service_hooks(self.service, self.cli.hooks, operation)


def service_hooks(
    service: Service,
    hooks: Sequence[tuple[str, str]],
    operation: Operation | None,
    late: frozenset[str] = LATE_EVENTS,
) -> tuple[tuple[str, str], ...]:
    """Of a CLI's ``(event, handler)`` hooks, those on ``service`` (on ``operation`` and on all
    its commands; all of the service's without an operation), less those on ``late`` events,
    which cannot matter here."""
    services = {service.name, service.cli_name, service.service_id.replace(" ", "-").lower()}
    found = []
    for event, handler in hooks:
        parts = event.split(".")
        if parts[0] in late or not services & set(parts[1:]):
            continue
        index = next(i for i, part in enumerate(parts) if i and part in services)
        rest = parts[index + 1 : index + 2]
        if not rest or rest[0] == "*" or operation is None or rest[0] in (operation.cli_name, operation.name):
            found.append((event, handler))
    return tuple(dict.fromkeys(found))


def _first_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[0][:200] if lines else "(no output)"


def parting_lines(ours: str, theirs: str) -> tuple[str, str, int] | None:
    """The first line of each text where they part (``"(end)"`` past one's end) and its number
    in ours, aligned over ``DIFFERENCE_WINDOW`` lines after their common start (a page can have
    260,000 lines); None where only line endings or trailing whitespace differ."""
    a, b = ours.splitlines(), theirs.splitlines()
    same = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    window = slice(same, same + DIFFERENCE_WINDOW)
    for tag, i1, _, j1, _ in difflib.SequenceMatcher(None, a[window], b[window], autojunk=False).get_opcodes():
        if tag != "equal":
            i1, j1 = i1 + same, j1 + same
            return (a[i1] if i1 < len(a) else "(end)", b[j1] if j1 < len(b) else "(end)", i1 + 1)
    return None


def first_difference(ours: str, theirs: str) -> str:
    """Where two texts part: the first differing line of each."""
    parting = parting_lines(ours, theirs)
    if parting is not None:
        left, right, number = parting
        return f"line {number}: ours {left[:90]!r}, awscli {right[:90]!r}"
    return "line endings or trailing whitespace differ"


def judged(
    context: Context, operation: Operation | None, kind: str, compare: Callable[[], str | None]
) -> Outcome:
    """Run ``compare`` (a difference, or None); on a difference, run it
    again without awscli's hooks for this service to see whose it is."""
    name = operation.cli_name if operation else "(service page)"
    service = context.service.name
    difference = compare()
    if difference is None:
        return Outcome(service, name, kind, "identical")
    if context.cli.kind != "ServiceCommand":
        return Outcome(
            service,
            name,
            kind,
            "customized",
            f"{difference}; awscli's {context.service.cli_name} command is hand-written ({context.cli.kind})"[
                :400
            ],
        )
    hooks = context.hooks(operation)
    if hooks:
        with without_hooks(hooks):
            try:
                plain = compare()
            except Exception as exc:  # awscli without its hooks may not run at all
                plain = f"crash: {exc!r}"
        if plain is None:
            handlers = ", ".join(sorted({f"{handler} ({event})" for event, handler in hooks}))
            return Outcome(
                service, name, kind, "customized", f"{difference}; awscli's hooks: {handlers}"[:400]
            )
    arguments = context.changed_arguments.get(name)
    if arguments:  # hooks that cannot be undone alone, but the arguments are not the model's
        return Outcome(
            service, name, kind, "customized", f"{difference}; awscli's arguments: {arguments}"[:400]
        )
    return Outcome(service, name, kind, "mismatch", difference[:400])


def skeleton_outcomes(context: Context, operation: Operation) -> Iterator[Outcome]:
    folder = context.tree / "skeletons" / context.service.name
    command = [context.service.cli_name, operation.cli_name]
    if operation.streaming_output:

        def no_skeleton() -> str | None:
            if (folder / f"{operation.cli_name}.input.json").exists():
                return "we write a skeleton for a streaming-output operation"
            theirs = run_aws([*command, "--generate-cli-skeleton"])
            return None if theirs.exit_code == 2 else f"awscli exit {theirs.exit_code}, expected 2 (outfile)"

        yield judged(context, operation, "skeleton-input", no_skeleton)
        return

    def compare(argv: list[str], path: Path, validate_stub: bool) -> Callable[[], str | None]:
        def run() -> str | None:
            theirs = run_aws(argv, validate_stub=validate_stub)
            if theirs.exit_code != 0:
                return f"awscli exit {theirs.exit_code}: {_first_line(theirs.stderr)}"
            # No output skeleton is written where the CLI prints nothing.
            missing = validate_stub is False and not path.exists()
            ours = "" if missing else path.read_text(encoding="utf-8")
            return None if ours == theirs.stdout else first_difference(ours, theirs.stdout)

        return run

    base = folder / operation.cli_name
    yield judged(
        context,
        operation,
        "skeleton-input",
        compare([*command, "--generate-cli-skeleton"], base.with_suffix(".input.json"), True),
    )
    argv = [*command, "--generate-cli-skeleton", "output"]
    document = minimal_document(context.service, operation.input)
    if document:
        argv += ["--cli-input-json", json.dumps(document)]
    yield judged(
        context, operation, "skeleton-output", compare(argv, base.with_suffix(".output.json"), False)
    )


def page_outcomes(context: Context, operation: Operation) -> Iterator[Outcome]:
    path = context.tree / "docs" / context.service.name / f"{operation.cli_name}.rst"

    def compare() -> str | None:
        # Our Examples (from the model) are set aside as the CLI's are.
        ours = normalise(path.read_text(encoding="utf-8"))
        theirs = normalise(awscli_page(context.service.cli_name, operation.cli_name))
        if ours == theirs or written_valid_where_the_cli_is_not(theirs, ours, path.name):
            return None
        return page_difference(ours, theirs, path.name)

    yield judged(context, operation, "page", compare)


def written_valid_where_the_cli_is_not(theirs: str, ours: str, name: str) -> bool:
    """The known difference: the CLI's page fails the page check, ours passes
    with the same words (``assert_cli_page_invalid_ours_valid``). A page too
    large for docutils to parse whole (``FULL_PARSE_LIMIT``: wafv2's output
    documents run to 260,000 lines) is judged section by section: the same
    sections, and each one that differs small enough to parse and judged so."""
    if max(len(theirs), len(ours)) > FULL_PARSE_LIMIT:
        ours_sections, theirs_sections = _SECTION.split(ours), _SECTION.split(theirs)
        if [_title(s) for s in ours_sections] != [_title(s) for s in theirs_sections]:
            return False
        differing = [(x, y) for x, y in zip(ours_sections, theirs_sections) if x != y]
        return bool(differing) and all(
            max(len(x), len(y)) <= FULL_PARSE_LIMIT and written_valid_where_the_cli_is_not(y, x, name)
            for x, y in differing
        )
    try:
        assert_cli_page_invalid_ours_valid(theirs, ours, name)
    except (AssertionError, pytest.fail.Exception):
        return False
    return True


#: Where a page's top-level sections start: the title between two lines of ``=``.
_SECTION = re.compile(r"^(?==+\n[^\n]+\n=+$)", re.MULTILINE)


def _title(section: str) -> str:
    return section.split("\n", 2)[1] if _SECTION.match(section) else ""


def page_difference(ours: str, theirs: str, name: str) -> str:
    """Where two pages part, and whether awscli's is the invalid one: where
    docutils finds errors in the CLI's RST, ours is written valid on purpose."""
    difference = first_difference(ours, theirs)
    try:
        check_rst(name, theirs.encode("utf-8"))
    except ValueError as exc:
        return f"awscli's page is no valid RST ({' '.join(str(exc).split())[:120]}), ours is: {difference}"
    return difference


def _no_parser(context: Context, operation: Operation, kind: str) -> Outcome | None:
    path = context.tree / python_identifier(context.service.name) / f"{operation.py_name}.py"
    if path.exists():
        return None
    arguments = context.changed_arguments.get(operation.cli_name)
    if arguments:  # awscli's own command: it is theirs, not the model's
        reason = f"we generate no parser module; awscli's arguments: {arguments}"[:400]
        return Outcome(context.service.name, operation.cli_name, kind, "customized", reason)
    reason = "we generate no parser module"
    return Outcome(context.service.name, operation.cli_name, kind, "mismatch", reason)


def parser_outcomes(context: Context, operation: Operation) -> Iterator[Outcome]:
    missing = _no_parser(context, operation, "parser")
    if missing:
        yield missing
        return
    yield judged(
        context,
        operation,
        "parser",
        lambda: parser_difference(
            context.service, operation, context.package, context.files, context.corpus == "full"
        ),
    )


def validation_outcomes(context: Context, operation: Operation) -> Iterator[Outcome]:
    missing = _no_parser(context, operation, "validation")
    if missing:
        yield missing
        return
    # botocore is the oracle here, not awscli: its hooks cannot matter.
    difference = validation_difference(context.service, operation, context.package)
    status = "identical" if difference is None else "mismatch"
    yield Outcome(context.service.name, operation.cli_name, "validation", status, difference or "")


def service_page_outcome(context: Context, operations: tuple[Operation, ...]) -> Outcome:
    """The service page, less the two differences that are not the model's:
    the CLI's own commands it lists, and model operations the CLI drops."""
    service = context.service
    path = context.tree / "docs" / service.name / "index.rst"
    ours = path.read_text(encoding="utf-8")
    # The model's commands: its operations, and `wait` when it has waiters.
    model = {operation.cli_name for operation in service.operations} | (
        {"wait"} if service.waiters else set()
    )
    dropped = sorted(model - context.cli.commands.keys())
    # A sampled run generates some operations (and their waiters) only: the rest are not compared.
    generated = {operation.cli_name for operation in operations} | (
        {"wait"} if path.parent.joinpath("wait").is_dir() else set()
    )
    not_generated = model - generated

    def entries(page: str, leave_out: set[str]) -> str:
        head, _, toctree = page.partition(".. toctree::")
        kept = (
            line
            for line in toctree.splitlines(keepends=True)
            if line.strip().removesuffix("/index") not in leave_out
        )
        return head + ".. toctree::" + "".join(kept)

    def compare() -> str | None:
        theirs = normalise(awscli_page(service.cli_name))
        cli_only = {name for name in context.cli.commands if name not in model} | not_generated
        ours_left, theirs_left = entries(ours, set(dropped)), entries(theirs, cli_only)
        if ours_left == theirs_left or written_valid_where_the_cli_is_not(theirs_left, ours_left, path.name):
            return None
        return first_difference(ours_left, theirs_left)

    outcome = judged(context, None, "service-page", compare)
    if outcome.status == "identical" and dropped:
        shown = ", ".join(dropped[:8]) + (", ..." if len(dropped) > 8 else "")
        return Outcome(service.name, outcome.operation, outcome.kind, "customized", f"awscli drops {shown}")
    return outcome


#: Every per-operation artifact kind compared, by the kinds each yields.
CHECKS: dict[str, Callable[[Context, Operation], Iterator[Outcome]]] = {
    "skeleton": skeleton_outcomes,
    "page": page_outcomes,
    "parser": parser_outcomes,
    "validation": validation_outcomes,
}


def argument_customisation(service: Service, operation: Operation, command: CliCommand) -> str:
    """How awscli's argument table departs from the model's members, less what
    the parsers reproduce (generator/clirules/customisations.py); '' if not."""
    members = {m.name: m for m in service.shape(operation.input).members} if operation.input else {}
    cli = rules(service.name, operation.name)
    added = {a.option[2:] for a in cli.added} | {"no-" + a.option[2:] for a in cli.added if a.takes == "flag"}
    reasons = []
    seen = set()
    for argument in command.arguments:
        member = members.get(argument.member or "")
        if argument.kind in MODEL_ARGUMENTS and member is not None:
            seen.add(member.name)
            names = {
                cli.renamed.get(member.name, f"--{member.cli_name}")[2:],
                cli.negatives.get(member.name, f"--no-{member.cli_name}")[2:],
                cli.aliases.get(member.name, f"--{member.cli_name}")[2:],
                member.cli_name,
            }
            if argument.name not in names:
                reasons.append(f"--{argument.name} sets {member.name} (model: --{member.cli_name})")
        elif argument.kind in VALUE_FLAGS and member is not None and cli.value_flags:
            seen.add(member.name)
        elif member is not None and (
            member.name in cli.optional or cli.added and argument.name == member.cli_name
        ):
            # a member awscli reads with a class of its own, next to an added option
            seen.add(member.name)
        elif argument.kind not in STANDARD_ARGUMENTS and argument.name not in added:
            reasons.append(f"adds --{argument.name} ({argument.kind})")
    # A paging option takes the place of a member of its name (acm's MaxItems):
    # the CLI's rule for every paginated command, not a customisation.
    paging = {argument.name for argument in command.arguments if argument.kind == "PageArgument"}
    missing = [
        f"--{m.cli_name}"
        for name, m in members.items()
        if name not in seen and m.cli_name not in paging and name not in cli.replaced
    ]
    if missing:
        reasons.append("removes " + " ".join(missing))
    return "; ".join(reasons)


def sampled(operations: tuple[Operation, ...], every: int, above: int) -> tuple[Operation, ...]:
    """Every ``every``-th operation of a service with more than ``above``."""
    return operations[::every] if every > 1 and len(operations) > above else operations


def generated_outcomes(
    service_name: str, folder: Path, kinds: tuple[str, ...], corpus: str, every: int = 1
) -> list[Outcome]:
    """Generate one service into ``folder`` and compare it (so that each
    service's outcomes are ready as soon as it is done); never raises."""
    try:
        service = load(service_name)
        tree = folder / f"tree_{python_identifier(service.name)}"
        names = tuple(op.cli_name for op in sampled(service.operations, every, 100))
        argv = ["--service", service_name, "--out", str(tree), "-q", "--jobs", "1", "--no-cache"]
        if every > 1:
            argv += [arg for name in names for arg in ("--operation", name)]
        code = generate(argv)
    except Exception as exc:
        return [Outcome(service_name, "(service)", "generation", "mismatch", f"crash: {exc!r}"[:400])]
    if code != 0:
        return [Outcome(service_name, "(service)", "generation", "mismatch", f"generator exit {code}")]
    return service_outcomes(service_name, tree, kinds, corpus, names)


def service_outcomes(
    service_name: str,
    tree: Path,
    kinds: tuple[str, ...] = tuple(CHECKS) + ("service-page",),
    corpus: str = "small",
    operations: tuple[str, ...] = (),
    every: int = 1,
) -> list[Outcome]:
    """Compare the artifacts of one service in ``tree`` (the root of a
    generated tree whose folder name is an importable package name); only
    ``operations`` (CLI names) when given, and then only every ``every``-th
    of a service of over 100. Never raises: a failure is an outcome with its
    reason."""
    try:
        return _service_outcomes(service_name, tree, kinds, corpus, operations, every)
    except Exception as exc:
        return [Outcome(service_name, "(service)", "service", "mismatch", f"crash: {exc!r}"[:400])]


def _service_outcomes(
    service_name: str, tree: Path, kinds: tuple[str, ...], corpus: str, names: tuple[str, ...], every: int
) -> list[Outcome]:
    service = load(service_name)
    if str(tree.parent) not in sys.path:
        sys.path.insert(0, str(tree.parent))
    package = f"{tree.name}.{python_identifier(service.name)}"
    operations = tuple(op for op in service.operations if not names or op.cli_name in names)
    operations = sampled(operations, every, 100)
    outcomes = []
    with tempfile.TemporaryDirectory() as folder:
        files = Path(folder)
        (files / "text").write_text("from a file\n")
        (files / "bytes").write_bytes(b"\x00\x01binary\xff")
        cli = cli_service(service.cli_name)
        changed = {
            op.cli_name: argument_customisation(service, op, cli.commands[op.cli_name])
            for op in operations
            if op.cli_name in cli.commands and cli.commands[op.cli_name].kind == "ServiceOperation"
        }
        context = Context(service, tree, package, cli, files, corpus, changed)
        if "service-page" in kinds:
            outcomes.extend(
                _guarded(context, None, "service-page", lambda: [service_page_outcome(context, operations)])
            )
        for operation in operations:
            command = context.cli.commands.get(operation.cli_name)
            if command is None or command.kind != "ServiceOperation":
                reason = (
                    "awscli has no such command"
                    if command is None
                    else f"awscli's command is hand-written ({command.kind})"
                )
                outcomes.append(Outcome(service.name, operation.cli_name, "command", "customized", reason))
                kept: tuple[str, ...] = ("validation",)  # botocore's validation does not depend on the CLI
            else:
                kept = kinds
                arguments = changed[operation.cli_name]
                if arguments:
                    outcomes.append(
                        Outcome(service.name, operation.cli_name, "command", "customized", arguments)
                    )
            for name, check in CHECKS.items():
                if name in kept:
                    outcomes.extend(
                        _guarded(context, operation, name, lambda: list(check(context, operation)))
                    )
    return outcomes


def _guarded(
    context: Context, operation: Operation | None, kind: str, run: Callable[[], list[Outcome]]
) -> list[Outcome]:
    """A crash of one comparison is an outcome, not the end of the run."""
    try:
        return run()
    except Exception as exc:
        name = operation.cli_name if operation else "(service page)"
        return [Outcome(context.service.name, name, kind, "mismatch", f"crash: {exc!r}"[:400])]
