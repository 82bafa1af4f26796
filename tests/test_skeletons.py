"""Skeletons, byte for byte against ``aws ... --generate-cli-skeleton``."""

import json
from pathlib import Path

import pytest

from generator.model.ir import Operation, Service
from generator.pipeline.service import load

from .support.modeldata import minimal_document
from .support.oracle import run_aws
from .support.paths import GENERATED, OTHER_SERVICES

ECR = load("ecr", "2015-09-21")


def _output_argv(service: Service, operation: Operation) -> list[str]:
    argv = [service.name, operation.cli_name, "--generate-cli-skeleton", "output"]
    document = minimal_document(service, operation.input)
    if document:
        argv += ["--cli-input-json", json.dumps(document)]
    return argv


def _assert_input_matches(service: Service, operation: Operation, tree: Path) -> None:
    ours = (tree / "skeletons" / service.name / f"{operation.cli_name}.input.json").read_text()
    theirs = run_aws([service.name, operation.cli_name, "--generate-cli-skeleton"])
    assert theirs.exit_code == 0, theirs.stderr
    assert ours == theirs.stdout


def _assert_output_matches(service: Service, operation: Operation, tree: Path) -> None:
    path = tree / "skeletons" / service.name / f"{operation.cli_name}.output.json"
    argv = _output_argv(service, operation)
    theirs = run_aws(argv, validate_stub=False)
    assert theirs.exit_code == 0, theirs.stderr
    if not path.exists():
        # The CLI prints nothing: there is no JSON to write.
        assert theirs.stdout == ""
        return
    ours = path.read_text()
    assert ours.strip()
    assert ours == theirs.stdout
    checked = run_aws(argv)
    if checked.exit_code != 0:
        # The one allowed difference: the CLI rejects its own stub response.
        assert checked.exit_code == 255
        assert checked.stderr.lstrip().startswith("Parameter validation failed:"), checked.stderr
        assert checked.stdout == ""


@pytest.mark.parametrize("operation", ECR.operations, ids=lambda op: op.cli_name)
def test_ecr_input_skeleton_equals_awscli(operation):
    _assert_input_matches(ECR, operation, GENERATED)


@pytest.mark.parametrize("operation", ECR.operations, ids=lambda op: op.cli_name)
def test_ecr_output_skeleton_equals_awscli(operation):
    _assert_output_matches(ECR, operation, GENERATED)


def test_every_ecr_operation_has_an_input_skeleton_and_no_other_file():
    names = {p.name for p in (GENERATED / "skeletons" / "ecr").iterdir()}
    inputs = {f"{op.cli_name}.input.json" for op in ECR.operations}
    outputs = {f"{op.cli_name}.output.json" for op in ECR.operations}
    assert len(ECR.operations) == 58
    assert inputs <= names <= inputs | outputs
    # Some operations print nothing (tag-resource): the tests above hold each
    # missing file to the CLI's empty output.
    assert len(names & outputs) < len(outputs)


def test_no_generated_json_file_is_empty():
    paths = sorted(GENERATED.rglob("*.json"))
    assert len(paths) > 100
    for path in paths:
        json.loads(path.read_text(encoding="utf-8"))


#: ECR's operations whose output has no member: the CLI prints no output skeleton.
WITHOUT_OUTPUT = [op for op in ECR.operations if op.output is None or not ECR.shape(op.output).members]


@pytest.mark.parametrize("operation", WITHOUT_OUTPUT, ids=lambda op: op.cli_name)
def test_ecr_parser_prints_no_output_skeleton_where_awscli_prints_none(operation):
    from .support.argv import run_ours

    argv = _output_argv(ECR, operation)[2:]
    theirs = run_aws(_output_argv(ECR, operation), validate_stub=False)
    ours = run_ours("generated.ecr", operation, argv)
    assert (ours.exit_code, ours.stdout) == (theirs.exit_code, theirs.stdout) == (0, "")


@pytest.mark.parametrize("name", OTHER_SERVICES)
def test_other_services_skeletons_equal_awscli(name, other_trees):
    service, tree = other_trees[name]
    for operation in service.operations:
        if operation.streaming_output:
            assert not (tree / "skeletons" / name / f"{operation.cli_name}.input.json").exists()
            continue
        _assert_input_matches(service, operation, tree)
        _assert_output_matches(service, operation, tree)
