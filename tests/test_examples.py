"""Examples from the model's ``examples-1``: in the IR, on the pages, and
their command lines, which awscli (v1) and our parsers must read back as
exactly the example's input.

The CI sample: every ECR example (from the committed pages and parsers) and
one operation per construct of the command line from other services;
scripts/example-commands runs every example of every service.
"""

import dataclasses
import json
from pathlib import Path

import pytest

from generator.cli import main
from generator.model.ir import thaw
from generator.model.names import python_identifier
from generator.pages.examples import command_words
from generator.pipeline.service import load

from .support.paths import GENERATED
from .support.example_commands import (
    argv_of,
    awscli_departures,
    check_example,
    model_examples,
    page_commands,
)

ECR = load("ecr", "2015-09-21")

# One operation per way the command line writes a value, by service:
# shorthand for lists of structures and maps (ecr batch-delete-image, s3
# put-object's metadata), JSON where shorthand has no syntax or cannot write
# the value (s3 put-bucket-cors), lists of scalars (ec2 describe-instances),
# booleans (rds create-db-instance-read-replica; awscli names modify-option-group
# otherwise, so only our parser reads that one), a streamed blob read from a file and a
# value the CLI would fetch as an address, sent in --cli-input-json (iam
# create-open-id-connect-provider's Url), the output file (s3 get-object).
SAMPLE = {
    "s3": ("PutObject", "GetObject", "PutBucketCors"),
    "ec2": ("DescribeInstances", "CreateTags"),
    "rds": ("CreateDBInstanceReadReplica", "ModifyOptionGroup"),
    "iam": ("CreateOpenIDConnectProvider",),
    "autoscaling": ("CreateLaunchConfiguration",),
}


def test_the_ir_holds_the_examples_frozen():
    operation = ECR.operation("BatchDeleteImage")
    [example] = operation.examples
    raw = [e for e in model_examples("ecr") if e.operation == "BatchDeleteImage"]
    assert thaw(example.input) == raw[0].input and thaw(example.output) == raw[0].output
    assert example.title == raw[0].title
    with pytest.raises(TypeError):
        example.input["repositoryName"] = "changed"
    with pytest.raises(dataclasses.FrozenInstanceError):
        example.title = "changed"  # type: ignore[misc]
    counted = sum(len(op.examples) for op in ECR.operations)
    assert counted == len(model_examples("ecr")) > 5


def test_no_examples_leaves_them_out(tmp_path):
    with_examples, without = tmp_path / "with", tmp_path / "without"
    assert main(["--service", "ecr", "--operation", "BatchDeleteImage", "--out", str(with_examples), "-q"]) == 0
    argv = ["--service", "ecr", "--operation", "BatchDeleteImage", "--out", str(without), "-q", "--no-examples"]
    assert main(argv) == 0
    page = "docs/ecr/batch-delete-image.rst"
    assert "\n========\nExamples\n========\n" in (with_examples / page).read_text(encoding="utf-8")
    assert "Examples" not in (without / page).read_text(encoding="utf-8")
    assert load("ecr", examples=False).operation("BatchDeleteImage").examples == ()


def _check_all(service, pages: Path, package: str | None, operations, tmp_path) -> int:
    departures = awscli_departures(service)
    checked = 0
    for operation_name in operations:
        operation = service.operation(operation_name)
        examples = [e for e in model_examples(service.name) if e.operation == operation.name]
        page = (pages / f"{operation.cli_name}.rst").read_text(encoding="utf-8")
        commands = page_commands(page)
        assert len(commands) == len(examples) > 0, operation.cli_name
        for example, command in zip(examples, commands):
            folder = tmp_path / f"{operation.cli_name}-{example.index}"
            folder.mkdir()
            verdict = check_example(
                service, operation, example, command, package, departures[operation.cli_name], folder
            )
            assert verdict.status in ("identical", "customized", "invalid"), (command, verdict.reason)
            checked += verdict.status == "identical"
    return checked


def test_every_ecr_example_command_sends_the_example_input(tmp_path):
    operations = [op.name for op in ECR.operations if op.examples]
    checked = _check_all(ECR, GENERATED / "docs" / "ecr", "generated.ecr", operations, tmp_path)
    assert checked == len(model_examples("ecr"))


@pytest.mark.parametrize("name", sorted(SAMPLE))
def test_sampled_example_commands_send_the_example_input(name, tmp_path):
    import sys

    tree = tmp_path / f"examples_{name}"
    names = [arg for operation in SAMPLE[name] for arg in ("--operation", operation)]
    assert main(["--service", name, *names, "--out", str(tree), "-q", "--jobs", "1"]) == 0
    sys.path.insert(0, str(tmp_path))
    try:
        service = load(name)
        checked = _check_all(service, tree / "docs" / name, f"{tree.name}.{python_identifier(name)}", SAMPLE[name], tmp_path)
    finally:
        sys.path.remove(str(tmp_path))
    assert checked > 0


def test_the_command_line_forms():
    """The rules, on values made up for them (the sample above runs real ones)."""
    s3 = load("s3")
    put = s3.operation("PutObject")
    words = command_words(s3, put, {"Bucket": "b", "Key": "a key", "Body": "f", "Metadata": {"k": "v,w"}})
    assert words == [
        ["aws", "s3api", "put-object"],
        ["--bucket", "b"],
        ["--key", "a key"],
        ["--body", "f"],
        ["--metadata", 'k="v,w"'],
    ]
    # A map key shorthand cannot write: JSON.
    words = command_words(s3, put, {"Bucket": "b", "Key": "k", "Metadata": {"a b": "v"}})
    assert words[-1] == ["--metadata", json.dumps({"a b": "v"})]
    # A value the CLI would fetch (http, file://): in --cli-input-json, as it is.
    words = command_words(s3, put, {"Bucket": "b", "Key": "k", "WebsiteRedirectLocation": "https://x.example/"})
    assert words[-1] == ["--cli-input-json", '{"WebsiteRedirectLocation": "https://x.example/"}']
    assert command_words(s3, s3.operation("GetObject"), {"Bucket": "b", "Key": "k"})[-1] == ["outfile"]
    assert argv_of("aws s3api put-object \\\n    --key 'a key'") == ["s3api", "put-object", "--key", "a key"]


def test_the_global_options_are_awscli_ones():
    from awscli.clidriver import create_clidriver

    from generator.clirules.options import GLOBAL_OPTION_NAMES

    awscli = tuple(f"--{name}" for name in create_clidriver()._get_argument_table())
    assert GLOBAL_OPTION_NAMES == awscli
