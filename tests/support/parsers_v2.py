"""Our v2 parsers against AWS CLI v2: the same command line through both, compared.

Shared by ``tests/test_parsers_v2.py``, ``scripts/conformance --cli-version 2`` (its parser
kind) and ``scripts/parsers-v2-corpus``. v2 runs in a process of its own
(``oracle_v2.capture_aws2``); ours runs in-process (``argv.run_ours``).
"""

import functools
import os
import sys
from pathlib import Path
from typing import Any

from generator.cli import main
from generator.model.ir import Operation, Service
from generator.model.names import python_identifier
from generator.pipeline.service import load

from .argv import run_ours
from .migration_oracle import comparable
from .oracle_v2 import capture_aws2
from .parser_corpus import MAX_ITEMS_WARNING
from .real_usage import Case, case_folder, model_name, without_random
from .trees import _root, sampled_operations


def error_text(stderr: str) -> str:
    """What must agree between two v2 failures: the message, without the usage lines around
    it (v2's names ``aws``, ours the module) and the ``--max-items`` warning."""
    lines = []
    for line in stderr.splitlines():
        if line.startswith(("usage: ", "To see help text", "  aws ")) or line == MAX_ITEMS_WARNING:
            continue
        lines.append(line)
    return "\n".join(line for line in lines if line.strip())


def difference(
    service: Service, operation: Operation, package: str, argv: list[str], cwd: str | None = None
) -> str | None:
    """Where our v2 parser departs from aws2 on ``argv`` (the words after the operation);
    None when it does not: the same exit code, and the same parameters (on success) or the
    same message (on failure). ``cwd``: the folder both run in (with ``HOME`` as set here)."""
    # As for v1 (``parser_corpus.assert_agrees``): a stub response that breaks the output
    # shape's own constraints is still printed (ours prints the skeleton).
    skeleton_output = "--generate-cli-skeleton" in argv and "output" in argv
    theirs = capture_aws2(
        [service.cli_name, operation.cli_name, *argv],
        cwd=cwd,
        home=os.environ.get("HOME") if cwd else None,
        validate_stub=not skeleton_output,
    )
    ours = run_ours(package, operation, argv)
    if "Traceback" in ours.stderr:
        return f"ours crashed: {ours.stderr.strip().splitlines()[-1][:200]}"
    # aws2 that hands over its parameters and then fails on the stubbed response (its --query)
    # parsed the line: the parameters are compared.
    if ours.exit_code == 0 and theirs.params is not None and "--query" in argv and theirs.exit_code == 255:
        mine_params: Any = without_random(comparable(ours.params))
        return None if mine_params == without_random(theirs.params) else "parameters differ (--query)"
    if ours.exit_code != theirs.exit_code:
        return (
            f"exit {ours.exit_code}, aws2 {theirs.exit_code}: "
            f"ours {error_text(ours.stderr)[:150]!r}, aws2 {error_text(theirs.stderr)[:150]!r}"
        )
    if (MAX_ITEMS_WARNING in ours.stderr) != (MAX_ITEMS_WARNING in theirs.stderr):
        return "the --max-items warning differs"
    if theirs.exit_code == 0:
        if "--generate-cli-skeleton" in argv:
            return None if ours.stdout == theirs.stdout else "skeletons differ"
        mine: Any = without_random(comparable(ours.params))
        if mine != without_random(theirs.params):
            return f"parameters differ: ours {str(mine)[:200]}, aws2 {str(theirs.params)[:200]}"
        return None
    if error_text(ours.stderr) != error_text(theirs.stderr):
        return (
            f"errors differ: ours {error_text(ours.stderr)[:200]!r}, aws2 {error_text(theirs.stderr)[:200]!r}"
        )
    return None


@functools.cache
def v2_package(service: str, every_operation: bool = False) -> str:
    """The import name of ``service``'s v2 parsers: the committed ``generated.v2.ecr``, else a
    tree of the operations the tests sample (every one with ``every_operation``)."""
    if service == "ecr":
        return "generated.v2.ecr"
    name = python_identifier(service)
    out = _root() / f"tree_v2_{name}{'_all' if every_operation else ''}"
    names: list[str] = []
    if not every_operation:
        names = [arg for op in sampled_operations(service) for arg in ("--operation", op.name)]
    assert main(["--cli-version", "2", "--service", service, "--out", str(out), "--quiet", *names]) == 0
    return f"{out.name}.{name}"


def v2_tree(folder: Path, service: str, operations: tuple[str, ...] = (), prefix: str = "v2") -> str:
    """Generate ``service``'s v2 parsers (only ``operations``, API or CLI names, when given)
    into ``folder`` (on ``sys.path``): the import name of the package, ``<prefix>_<service>``
    (a prefix of its own for each set of trees one test process imports)."""
    package = python_identifier(service)
    out = folder / f"{prefix}_{package}"
    names = [arg for operation in operations for arg in ("--operation", operation)]
    assert main(["--cli-version", "2", "--service", service, "--out", str(out), "--quiet", *names]) == 0
    return f"{out.name}.{package}"


def real_usage_packages(cases: list[Case], folder: Path, prefix: str = "v2") -> dict[str, str]:
    """``{service: import name}`` of v2 parsers for the operations ``cases`` use, generated
    into ``folder``, which goes on ``sys.path`` (``prefix``: as for ``v2_tree``)."""
    wanted: dict[str, set[str]] = {}
    for case in cases:
        wanted.setdefault(model_name(case.service), set()).add(case.operation)
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
    return {
        service: v2_tree(folder, service, tuple(sorted(ops)), prefix)
        for service, ops in sorted(wanted.items())
    }


def real_usage_difference(case: Case, packages: dict[str, str]) -> str | None:
    """``difference`` for one real-usage case, in a folder of its own (``case_folder``);
    made-up caller references compared by their form."""
    service = load(model_name(case.service))
    operation = next((op for op in service.operations if op.cli_name == case.operation), None)
    if operation is None:
        return f"no operation {case.operation} in the model"
    before, _, _, rest = case.parts()
    with case_folder(case) as work:
        return difference(service, operation, packages[service.name], [*rest, *before], cwd=str(work))
