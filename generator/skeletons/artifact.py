"""``skeletons/<service>/<cli-name>.input.json`` and ``.output.json``, and for the AWS CLI v2
``.input.yaml`` (``--generate-cli-skeleton yaml-input``).

No output skeleton where the CLI prints nothing for ``--generate-cli-skeleton
output`` (no output shape, or one without members): a ``.json`` file holds JSON.
"""

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from generator.clirules.versions import CliVersion
from generator.model.ir import Operation, Service
from generator.render import Renderer

from .documents import input_skeleton, output_skeleton
from .yaml_input import yaml_input_skeleton

#: What each ``CliVersion.skeletons`` entry's template is given, from the operation;
#: None: the CLI prints nothing, and there is no file.
_BUILDERS: dict[str, Callable[[Service, Operation], Any]] = {
    "input": lambda service, operation: input_skeleton(service, operation.input),
    "output": lambda service, operation: output_skeleton(service, operation.output) or None,
    "yaml-input": lambda service, operation: yaml_input_skeleton(service, operation.input),
}


def skeleton_text(
    service: Service,
    operation: Operation,
    renderer: Renderer,
    builder: str,
    template: str,
    always: bool = False,
) -> str:
    """The text ``--generate-cli-skeleton <builder>`` prints (what its file holds; the parsers
    carry it). ``always``: render even where the CLI prints nothing and there is no file."""
    skeleton = _BUILDERS[builder](service, operation)
    if skeleton is None and always:
        skeleton = output_skeleton(service, operation.output)
    return renderer.render(template, skeleton=skeleton)


def render(
    service: Service, operations: Sequence[Operation], renderer: Renderer, cli: CliVersion
) -> Iterator[tuple[str, str]]:
    for operation in operations:
        # The CLI offers no skeleton where the output streams to a file.
        if operation.streaming_output:
            continue
        base = f"skeletons/{service.name}/{operation.cli_name}"
        for suffix, template, builder in cli.skeletons:
            skeleton = _BUILDERS[builder](service, operation)
            if skeleton is not None:
                yield f"{base}.{suffix}", renderer.render(template, skeleton=skeleton)
