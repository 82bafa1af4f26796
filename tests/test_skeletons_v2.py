"""AWS CLI v2 skeletons, byte for byte against ``aws2 ... --generate-cli-skeleton``: the JSON
input and output skeletons, and the YAML input skeleton (``yaml-input``)."""

import json
from pathlib import Path

import pytest

from generator.cli import main
from generator.model.ir import Operation, Service
from generator.pipeline.service import load

from .support.modeldata import minimal_document
from .support.oracle_v2 import run_aws2
from .support.paths import GENERATED_V2, OTHER_SERVICES

ECR = load("ecr", "2015-09-21")


def _skeleton(tree: Path, service: Service, operation: Operation, suffix: str) -> str:
    return (tree / "skeletons" / service.name / f"{operation.cli_name}.{suffix}").read_text(encoding="utf-8")


def _assert_input_matches(service: Service, operation: Operation, tree: Path) -> None:
    theirs = run_aws2([service.name, operation.cli_name, "--generate-cli-skeleton"])
    assert theirs.exit_code == 0, theirs.stderr
    assert _skeleton(tree, service, operation, "input.json") == theirs.stdout


def _assert_yaml_input_matches(service: Service, operation: Operation, tree: Path) -> None:
    theirs = run_aws2([service.name, operation.cli_name, "--generate-cli-skeleton", "yaml-input"])
    assert theirs.exit_code == 0, theirs.stderr
    assert _skeleton(tree, service, operation, "input.yaml") == theirs.stdout


def _assert_output_matches(service: Service, operation: Operation, tree: Path) -> None:
    # v2 prints the output skeleton only once the required options are given. Its blobs in
    # --cli-input-json are base64 text; raw-in-base64-out takes the placeholder as it is
    # (the output skeleton does not depend on the input's values).
    argv = [service.name, operation.cli_name, "--generate-cli-skeleton", "output"]
    document = minimal_document(service, operation.input)
    if document:
        argv += ["--cli-input-json", json.dumps(document), "--cli-binary-format", "raw-in-base64-out"]
    theirs = run_aws2(argv, validate_stub=False)
    assert theirs.exit_code == 0, theirs.stderr
    if not (tree / "skeletons" / service.name / f"{operation.cli_name}.output.json").exists():
        # v2 prints nothing either: there is no JSON to write.
        assert theirs.stdout == ""
        return
    assert _skeleton(tree, service, operation, "output.json") == theirs.stdout
    checked = run_aws2(argv)
    if checked.exit_code != 0:
        # As with v1: the CLI may reject its own stub response; v2 says so with exit 252.
        assert checked.exit_code == 252
        assert "(ParamValidation): Parameter validation failed:" in checked.stderr, checked.stderr
        assert checked.stdout == ""


@pytest.mark.parametrize("operation", ECR.operations, ids=lambda op: op.cli_name)
def test_ecr_input_skeleton_equals_awscli_v2(operation):
    _assert_input_matches(ECR, operation, GENERATED_V2)


@pytest.mark.parametrize("operation", ECR.operations, ids=lambda op: op.cli_name)
def test_ecr_yaml_input_skeleton_equals_awscli_v2(operation):
    _assert_yaml_input_matches(ECR, operation, GENERATED_V2)


@pytest.mark.parametrize("operation", ECR.operations, ids=lambda op: op.cli_name)
def test_ecr_output_skeleton_equals_awscli_v2(operation):
    _assert_output_matches(ECR, operation, GENERATED_V2)


def test_every_ecr_operation_has_both_v2_input_skeletons_and_no_other_file():
    names = {p.name for p in (GENERATED_V2 / "skeletons" / "ecr").iterdir()}
    inputs = {f"{op.cli_name}.{kind}" for op in ECR.operations for kind in ("input.json", "input.yaml")}
    outputs = {f"{op.cli_name}.output.json" for op in ECR.operations}
    assert len(ECR.operations) == 58
    assert inputs <= names <= inputs | outputs
    # Where v2 prints no output skeleton (tag-resource), there is no file; the tests above
    # hold each missing file to v2's empty output.
    assert len(names & outputs) < len(outputs)


@pytest.mark.parametrize("name", OTHER_SERVICES)
def test_other_services_v2_skeletons_equal_awscli_v2(name, other_trees_v2):
    service, tree = other_trees_v2[name]
    for operation in service.operations:
        if operation.streaming_output:
            assert not (tree / "skeletons" / name / f"{operation.cli_name}.input.yaml").exists()
            continue
        _assert_input_matches(service, operation, tree)
        _assert_yaml_input_matches(service, operation, tree)
        _assert_output_matches(service, operation, tree)


def test_yaml_edge_cases_equal_awscli_v2(tmp_path):
    """A fixture model of what the YAML layout turns on: enum values YAML would read as
    something else (quoted), member names likewise, documentation XML cannot parse, CDATA,
    comments, line breaks, empty or blank documentation, the comment gaps after members
    with no comment, and every kind of placeholder (blobs, timestamps, shorts, recursion,
    lists of lists, maps, documents)."""
    from .support.paths import MODELS

    out = tmp_path / "out"
    argv = [
        "--data-path",
        str(MODELS),
        "--service",
        "yamlsvc",
        "--cli-version",
        "2",
        "--out",
        str(out),
        "--quiet",
    ]
    assert main(argv) == 0
    service = load("yamlsvc", data_paths=[str(MODELS)])
    for operation in service.operations:
        for suffix, extra in (("input.yaml", ["yaml-input"]), ("input.json", [])):
            theirs = run_aws2(
                ["yamlsvc", operation.cli_name, "--generate-cli-skeleton", *extra], data_paths=[str(MODELS)]
            )
            assert theirs.exit_code == 0, theirs.stderr
            assert _skeleton(out, service, operation, suffix) == theirs.stdout, suffix
