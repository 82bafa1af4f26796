"""The IR's derived facts against the AWS CLI's."""

import pytest

from generator.generate import load

from .oracle import outfile_commands


@pytest.mark.parametrize("name", ["s3", "lambda", "glacier", "bedrock-runtime", "kinesis", "ecr"])
def test_outfile_operations_are_the_clis(name):
    service = load(name)
    ours = {op.cli_name for op in service.operations if op.streaming_output}
    assert ours == outfile_commands(service.cli_name)
