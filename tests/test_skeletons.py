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
    ours = (tree / "skeletons" / service.name / f"{operation.cli_name}.output.json").read_text()
    argv = _output_argv(service, operation)
    theirs = run_aws(argv, validate_stub=False)
    assert theirs.exit_code == 0, theirs.stderr
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


def test_every_ecr_operation_has_both_skeletons():
    names = sorted(p.name for p in (GENERATED / "skeletons" / "ecr").iterdir())
    expected = sorted(f"{op.cli_name}.{kind}.json" for op in ECR.operations for kind in ("input", "output"))
    assert len(ECR.operations) == 58
    assert names == expected


@pytest.mark.parametrize("name", OTHER_SERVICES)
def test_other_services_skeletons_equal_awscli(name, other_trees):
    service, tree = other_trees[name]
    for operation in service.operations:
        if operation.streaming_output:
            assert not (tree / "skeletons" / name / f"{operation.cli_name}.input.json").exists()
            continue
        _assert_input_matches(service, operation, tree)
        _assert_output_matches(service, operation, tree)
