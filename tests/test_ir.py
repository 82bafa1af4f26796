"""The IR's derived facts against the AWS CLI's."""

import pytest

from generator.pipeline.service import load

from .support.oracle import outfile_commands


@pytest.mark.parametrize("name", ["s3", "lambda", "glacier", "bedrock-runtime", "kinesis", "ecr"])
def test_outfile_operations_are_the_clis(name):
    service = load(name)
    ours = {op.cli_name for op in service.operations if op.streaming_output}
    assert ours == outfile_commands(service.cli_name)


def test_member_traits_are_botocores_shape_for_that_member():
    """botocore lays a member reference's shape traits (apigatewayv2's ExportApi
    puts ``enum`` on two ``__string`` members) over the target for that member."""
    from botocore.session import get_session

    model = get_session().get_service_model("apigatewayv2")
    service = load("apigatewayv2")
    carried = 0
    for operation in service.operations:
        theirs = model.operation_model(operation.name).input_shape
        if operation.input is None:
            continue
        for member in service.shape(operation.input).members:
            shape = service.shape(member.target)
            expected = theirs.members[member.name]
            assert shape.constraints.enum == tuple(getattr(expected, "enum", ())), (operation.name, member.name)
            assert shape.type == expected.type_name
            carried += member.target != theirs.members[member.name].name
    assert carried == 2  # the model's two enums on member references
    # The shared target keeps no member's traits.
    assert service.shape("__string").constraints.enum == ()
