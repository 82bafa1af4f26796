"""The parser and validator comparisons of ``tests/conformance.py``: each
returns the first difference from its oracle, or None."""

import functools
import importlib
from pathlib import Path
from typing import Any

from botocore.model import ServiceModel
from botocore.validate import ParamValidator

from generator.model.ir import Operation, Service
from generator.model.loader import load_service

from .argv import run_ours
from .capture import capture_aws
from .documents import full_document
from .modeldata import minimal_document
from .parser_corpus import MAX_ITEMS_WARNING, corpus, error_line

#: The corpus cases the small corpus keeps: the minimal document in
#: shorthand, the full one in shorthand, in JSON and as --cli-input-json, and
#: an unknown option (see ``test_parsers.corpus`` for their order).
SMALL_CORPUS = (0, 1, 2, 3, 7)


def _argv_difference(service: Service, operation: Operation, package: str, argv: list[str]) -> str | None:
    """What ``test_parsers.assert_agrees`` checks, as a reason instead of an assertion."""
    skeleton_output = "--generate-cli-skeleton" in argv and "output" in argv
    theirs = capture_aws([service.cli_name, operation.cli_name, *argv], validate_stub=not skeleton_output)
    ours = run_ours(package, operation, argv)
    shown = " ".join(argv)[:120]
    if "Traceback" in ours.stderr:
        return f"{shown}: our parser crashed: {ours.stderr.strip().splitlines()[-1][:150]}"
    if ours.exit_code != theirs.exit_code:
        if ours.exit_code == 0 and theirs.params is not None and ours.params == theirs.params:
            # awscli parsed the same request and failed on the way to sending it
            # (cloudfront-keyvaluestore: botocore's endpoint rules check an ARN).
            return (
                f"{shown}: the same parameters; awscli then fails after parsing, exit "
                f"{theirs.exit_code} ({error_line(theirs.exit_code, theirs.stderr)[:100]})"
            )
        return (
            f"{shown}: exit {ours.exit_code} ({error_line(ours.exit_code, ours.stderr)[:100]}), "
            f"awscli {theirs.exit_code} ({error_line(theirs.exit_code, theirs.stderr)[:100]})"
        )
    if (MAX_ITEMS_WARNING in ours.stderr) != (MAX_ITEMS_WARNING in theirs.stderr):
        return f"{shown}: the --max-items warning differs"
    if theirs.exit_code == 0:
        if "--generate-cli-skeleton" in argv:
            return None if ours.stdout == theirs.stdout else f"{shown}: the skeleton differs"
        if ours.params != theirs.params:
            return f"{shown}: parameters differ: ours {_short(ours.params)}, awscli {_short(theirs.params)}"
        return None
    mine, reference = error_line(ours.exit_code, ours.stderr), error_line(theirs.exit_code, theirs.stderr)
    return None if mine == reference else f"{shown}: error {mine[:120]!r}, awscli {reference[:120]!r}"


def _short(value: Any) -> str:
    return repr(value)[:300]


def parser_difference(
    service: Service, operation: Operation, package: str, files: Path, full: bool
) -> str | None:
    """The first argv of the model-derived corpus where our parser and awscli part."""
    cases = corpus(service, operation, files)
    if not full:
        cases = [cases[index] for index in SMALL_CORPUS]
    for argv in cases:
        difference = _argv_difference(service, operation, package, argv)
        if difference is not None:
            return difference
    return None


@functools.cache
def _service_model(name: str) -> ServiceModel:
    return ServiceModel(load_service(name).model, name)


_WRONG_TYPE = {
    "string": 5,
    "blob": 5,
    "timestamp": [],
    "boolean": "yes",
    "structure": "x",
    "list": "x",
    "map": "x",
}


def broken_documents(service: Service, operation: Operation) -> list[dict[str, Any]]:
    """Valid documents and documents broken one way each: an unknown member,
    a required member missing, a member of the wrong type."""
    minimal = minimal_document(service, operation.input)
    full = full_document(service, operation.input)
    documents = [minimal, full, {}, {**minimal, "unknownMember": 1}]
    members = service.shape(operation.input).members if operation.input else ()
    for member in members:
        if member.required:
            documents.append({k: v for k, v in minimal.items() if k != member.name})
    for member in members[:8]:
        kind = service.shape(member.target).type
        documents.append({**minimal, member.name: _WRONG_TYPE.get(kind, "not a number")})
    return documents


def validation_difference(service: Service, operation: Operation, package: str) -> str | None:
    """The first document where ``validate(strict=False)`` and botocore's ParamValidator part."""
    module = importlib.import_module(f"{package}.{operation.py_name}")
    shape = _service_model(service.name).operation_model(operation.name).input_shape
    for document in broken_documents(service, operation):
        report = ParamValidator().validate(document, shape).generate_report() if shape is not None else ""
        theirs = report.split("\n") if report else []
        ours = module.validate(document)
        if ours != theirs:
            return f"{_short(document)}: ours {_short(ours)}, botocore {_short(theirs)}"
    return None
