"""``skeletons/<service>/<cli-name>.input.json`` and ``.output.json``, and for the AWS CLI v2
``.input.yaml`` (``--generate-cli-skeleton yaml-input``)."""

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from generator.clirules.versions import CliVersion
from generator.model.ir import Operation, Service
from generator.render import Renderer

from .documents import input_skeleton, output_skeleton
from .yaml_input import yaml_input_skeleton

#: What each ``CliVersion.skeletons`` entry's template is given, from the operation.
_BUILDERS: dict[str, Callable[[Service, Operation], Any]] = {
    "input": lambda service, operation: input_skeleton(service, operation.input),
    "output": lambda service, operation: output_skeleton(service, operation.output),
    "yaml-input": lambda service, operation: yaml_input_skeleton(service, operation.input),
}


def render(
    service: Service, operations: Sequence[Operation], renderer: Renderer, cli: CliVersion
) -> Iterator[tuple[str, str]]:
    for operation in operations:
        # The CLI offers no skeleton where the output streams to a file.
        if operation.streaming_output:
            continue
        base = f"skeletons/{service.name}/{operation.cli_name}"
        for suffix, template, builder in cli.skeletons:
            yield f"{base}.{suffix}", renderer.render(template, skeleton=_BUILDERS[builder](service, operation))
