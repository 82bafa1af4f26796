"""``skeletons/<service>/<cli-name>.input.json`` and ``.output.json``.

No output skeleton where the CLI prints nothing for ``--generate-cli-skeleton
output`` (no output shape, or one without members): a ``.json`` file holds JSON.
"""

from collections.abc import Iterator, Sequence

from generator.model.ir import Operation, Service
from generator.render import Renderer

from .documents import input_skeleton, output_skeleton


def render(
    service: Service, operations: Sequence[Operation], renderer: Renderer
) -> Iterator[tuple[str, str]]:
    for operation in operations:
        # The CLI offers no skeleton where the output streams to a file.
        if operation.streaming_output:
            continue
        base = f"skeletons/{service.name}/{operation.cli_name}"
        yield f"{base}.input.json", renderer.render(
            "skeletons/operation.input.json.jinja",
            skeleton=input_skeleton(service, operation.input),
        )
        output = output_skeleton(service, operation.output)
        if output:
            yield f"{base}.output.json", renderer.render("skeletons/operation.output.json.jinja", skeleton=output)
