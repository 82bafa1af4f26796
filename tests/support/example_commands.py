"""The examples of botocore's ``examples-1`` models and the command lines our
pages give for them, run through awscli (v1) and our parsers.

The examples are read here from botocore's files directly, not through the
generator's loader, so that the IR's copy is checked too.
"""

import datetime
import shlex
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.model.ir import Operation, Service

from .capture import OpenFile, capture_aws

_INTEGERS = {"integer", "long"}
_FLOATS = {"float", "double"}


@dataclass(frozen=True)
class ModelExample:
    operation: str
    #: Position among the operation's examples.
    index: int
    title: str
    input: dict[str, Any]
    output: dict[str, Any]


def model_examples(service: str) -> list[ModelExample]:
    """The examples botocore ships for ``service`` (none: an empty list)."""
    from botocore.exceptions import DataNotFoundError
    from botocore.session import get_session

    loader = get_session().get_component("data_loader")
    try:
        data = loader.load_service_model(service, "examples-1")
    except DataNotFoundError:
        return []
    return [
        ModelExample(name, index, example.get("title", ""), example.get("input") or {}, example.get("output") or {})
        for name, examples in sorted(data.get("examples", {}).items())
        for index, example in enumerate(examples)
    ]


def services_with_examples() -> list[str]:
    from botocore.session import get_session

    loader = get_session().get_component("data_loader")
    return [name for name in loader.list_available_services("service-2") if model_examples(name)]


def argv_of(command: str) -> list[str]:
    """The words a POSIX shell makes of a command as a page shows it (lines
    continued with a backslash), without the leading ``aws``."""
    words = shlex.split(command.replace("\\\n", " "))
    assert words[0] == "aws", command
    return words[1:]


def as_the_model_reads(service: Service, shape_name: str | None, value: Any) -> Any:
    """An example's value with top-level and shorthand-able scalars as the
    model types them: a number given as a string (s3's ``"MaxKeys": "2"``)
    is a number once the CLI has read it from a command line."""
    if shape_name is None:
        return value
    shape = service.shape(shape_name)
    if shape.type == "structure" and isinstance(value, Mapping):
        members = {m.name: m.target for m in shape.members}
        return {k: as_the_model_reads(service, members.get(k), v) for k, v in value.items()}
    if shape.type == "list" and isinstance(value, list) and shape.member is not None:
        return [as_the_model_reads(service, shape.member.target, item) for item in value]
    if shape.type == "map" and isinstance(value, Mapping) and shape.value is not None:
        return {k: as_the_model_reads(service, shape.value.target, v) for k, v in value.items()}
    if isinstance(value, str):
        try:
            if shape.type in _INTEGERS:
                return int(value)
            if shape.type in _FLOATS:
                return float(value)
        except ValueError:
            return value
        if shape.type == "boolean" and value.lower() in ("true", "false"):
            return value.lower() == "true"
    return value


def comparable(value: Any) -> Any:
    """Parameters as compared: timestamps and open files by their text."""
    if isinstance(value, Mapping):
        return {k: comparable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [comparable(v) for v in value]
    if isinstance(value, OpenFile):
        return value.name
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return value


def awscli_outcome(command: str) -> tuple[int, Any, str]:
    """awscli's exit code, the parameters it hands over (None if none) and its stderr."""
    capture = capture_aws(argv_of(command))
    return capture.exit_code, None if capture.params is None else comparable(capture.params), capture.stderr


def expected_params(service: Service, operation: Operation, example_input: dict[str, Any]) -> Any:
    return comparable(as_the_model_reads(service, operation.input, example_input))


def cases(service: Service) -> Iterator[tuple[Operation, ModelExample]]:
    for example in model_examples(service.name):
        yield service.operation(example.operation), example


def page_commands(page: str) -> list[str]:
    """The example command lines of a page, in order, as a reader would copy
    them (the literal blocks of the Examples section that start with ``aws``)."""
    if "\n========\nExamples\n========\n" not in page:
        return []
    section = page.split("\n========\nExamples\n========\n", 1)[1].split("\n======\nOutput\n======\n", 1)[0]
    commands = []
    lines = section.splitlines()
    for index, line in enumerate(lines):
        if line.startswith("    aws ") and lines[index - 1] == "":
            block = []
            for text in lines[index:]:
                if not text.strip():
                    break
                block.append(text[4:])
            commands.append("\n".join(block))
    return commands


@dataclass(frozen=True)
class Verdict:
    #: "identical", "customized" (awscli's command departs from the model: it
    #: is not checked against awscli), "invalid" (the example lacks a
    #: required member, and both CLIs refuse it) or "mismatch".
    status: str
    reason: str = ""


def _files_for_streams(service: Service, operation: Operation, example_input: Mapping[str, Any], folder: Path) -> None:
    """A file for each streamed blob the example names (the CLI opens it)."""
    if not operation.input:
        return
    for member in service.shape(operation.input).members:
        value = example_input.get(member.name)
        if isinstance(value, str) and service.streamed_blob(member):
            path = folder / value
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("example body\n")


def check_example(
    service: Service,
    operation: Operation,
    example: ModelExample,
    command: str,
    package: str | None,
    customisation: str,
    folder: Path,
) -> Verdict:
    """Run ``command`` through awscli (unless ``customisation`` says its
    command departs from the model) and our parser in ``package`` (if any),
    in ``folder`` as the working directory, and compare what each would send
    with the example's input."""
    import contextlib
    import os

    from .argv import run_ours

    expected = expected_params(service, operation, example.input)
    argv = argv_of(command)
    missing = missing_required(service, operation, example.input)
    if argv[:2] != [service.cli_name, operation.cli_name]:
        return Verdict("mismatch", f"the command line calls {argv[:2]}")
    _files_for_streams(service, operation, example.input, folder)
    previous = os.getcwd()
    os.chdir(folder)
    try:
        if package is not None:
            ours = run_ours(package, operation, argv[2:])
            if missing and ours.exit_code != 0 and "required" in ours.stderr:
                pass  # the example lacks a required member: both must refuse it
            elif ours.exit_code != 0 or comparable(ours.params) != expected:
                return Verdict("mismatch", f"our parser: exit {ours.exit_code}, {ours.stderr[-200:]!r}, {comparable(ours.params)!r:.300}")
        if customisation:
            return Verdict("customized", customisation)
        with contextlib.redirect_stdout(None):
            code, params, stderr = awscli_outcome(command)
    finally:
        os.chdir(previous)
    if missing:
        if code != 0 and params is None and "required" in stderr:
            return Verdict("invalid", f"the example lacks required {', '.join(missing)}; both refuse it")
        return Verdict("mismatch", f"the example lacks required {missing}, yet awscli exits {code}")
    if isinstance(params, dict) and "PaginationConfig" in params:
        rest = {key: value for key, value in params.items() if key != "PaginationConfig"}
        if rest == expected:
            return Verdict("customized", f"awscli adds its own paging: {params['PaginationConfig']}")
    if params != expected:
        return Verdict("mismatch", f"awscli: exit {code}, {stderr.strip()[-200:]!r}, {params!r:.300}")
    return Verdict("identical")


def missing_required(service: Service, operation: Operation, example_input: Mapping[str, Any]) -> list[str]:
    """Required top-level members the example leaves out (cloud9, pricing)."""
    if not operation.input:
        return []
    return [
        member.name
        for member in service.shape(operation.input).members
        if member.required and member.name not in example_input
    ]


def awscli_departures(service: Service) -> dict[str, str]:
    """CLI name -> how awscli's command departs from the model ('' where it
    does not): commands it lacks or writes by hand, renamed or added options."""
    from .conformance import argument_customisation
    from .oracle import cli_service

    cli = cli_service(service.cli_name)
    departures = {}
    for operation in service.operations:
        command = cli.commands.get(operation.cli_name)
        if command is None:
            departures[operation.cli_name] = "awscli has no such command"
        elif command.kind != "ServiceOperation":
            departures[operation.cli_name] = f"awscli's command is hand-written ({command.kind})"
        else:
            departures[operation.cli_name] = argument_customisation(service, operation, command)
    return departures
