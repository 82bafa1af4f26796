"""Artifact-by-artifact comparison with the AWS CLI, for any service.

Used by ``scripts/conformance`` (any services, a table and every mismatch
with its reason) and by the sample test that CI runs.
"""

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.generate import load
from generator.ir import Operation, Service

from .modeldata import minimal_document
from .oracle import command_kinds, run_aws


@dataclass(frozen=True)
class Outcome:
    service: str
    operation: str
    kind: str  # the artifact compared: "skeleton-input", "skeleton-output", ...
    #: "identical", "customized" (the CLI's command is hand-written, not the
    #: model's), or "mismatch"
    status: str
    reason: str = ""


def _first_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[0][:200] if lines else "(no output)"


def skeleton_outcomes(service: Service, operation: Operation, tree: Path) -> Iterator[Outcome]:
    def outcome(kind: str, ours: str, theirs_code: int, theirs_out: str, theirs_err: str) -> Outcome:
        if theirs_code != 0:
            return Outcome(
                service.name,
                operation.cli_name,
                kind,
                "mismatch",
                f"awscli exit {theirs_code}: {_first_line(theirs_err)}",
            )
        if ours != theirs_out:
            return Outcome(service.name, operation.cli_name, kind, "mismatch", "bytes differ")
        return Outcome(service.name, operation.cli_name, kind, "identical")

    folder = tree / "skeletons" / service.name
    command = [service.cli_name, operation.cli_name]
    if operation.streaming_output:
        theirs = run_aws([*command, "--generate-cli-skeleton"])
        status = "identical" if theirs.exit_code == 2 else "mismatch"
        present = (folder / f"{operation.cli_name}.input.json").exists()
        reason = (
            "" if status == "identical" and not present else "the CLI offers no skeleton for streaming output"
        )
        yield Outcome(
            service.name, operation.cli_name, "skeleton-input", "mismatch" if present else status, reason
        )
        return
    theirs = run_aws([*command, "--generate-cli-skeleton"])
    ours = (folder / f"{operation.cli_name}.input.json").read_text(encoding="utf-8")
    yield outcome("skeleton-input", ours, theirs.exit_code, theirs.stdout, theirs.stderr)
    argv = [*command, "--generate-cli-skeleton", "output"]
    document = minimal_document(service, operation.input)
    if document:
        argv += ["--cli-input-json", json.dumps(document)]
    theirs = run_aws(argv, validate_stub=False)
    ours = (folder / f"{operation.cli_name}.output.json").read_text(encoding="utf-8")
    yield outcome("skeleton-output", ours, theirs.exit_code, theirs.stdout, theirs.stderr)


#: Every artifact kind compared, per operation.
CHECKS: tuple[Callable[[Service, Operation, Path], Iterator[Outcome]], ...] = (skeleton_outcomes,)


def service_outcomes(service_name: str, tree: Path) -> list[Outcome]:
    """Compare every artifact of every operation of one service in ``tree``."""
    service = load(service_name)
    kinds = command_kinds(service.cli_name)
    outcomes = []
    for operation in service.operations:
        kind = kinds.get(operation.cli_name)
        if kind != "ServiceOperation":
            reason = (
                "awscli has no such command" if kind is None else f"awscli's command is hand-written ({kind})"
            )
            outcomes.append(Outcome(service.name, operation.cli_name, "command", "customized", reason))
            continue
        for check in CHECKS:
            try:
                outcomes.extend(check(service, operation, tree))
            except Exception as exc:  # a crash of one comparison is reported, not fatal
                outcomes.append(
                    Outcome(
                        service.name, operation.cli_name, check.__name__, "mismatch", f"crash: {exc!r}"[:200]
                    )
                )
    return outcomes
