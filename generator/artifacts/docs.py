"""``docs/<service>/<cli-name>.rst``, ``docs/<service>/index.rst`` and ``docs/index.rst``:
the AWS CLI's reference pages, without its meta block, global options and examples."""

from collections.abc import Iterator, Sequence

from ..docpage import operation_page, service_page
from ..htmlrst import encodable
from ..ir import Operation, Service, ServiceEntry
from ..render import Renderer


def render(service: Service, operations: Sequence[Operation], renderer: Renderer) -> Iterator[tuple[str, str]]:
    for operation in operations:
        text = renderer.render("docs/operation.rst.jinja", page=operation_page(service, operation))
        yield f"docs/{service.name}/{operation.cli_name}.rst", encodable(text)
    page = service_page(service, operations)
    yield f"docs/{service.name}/index.rst", encodable(renderer.render("docs/service.rst.jinja", page=page))
    if page.unlisted:
        yield f"docs/{service.name}/unlisted.rst", renderer.render("docs/unlisted.rst.jinja", page=page)


def render_index(entries: Sequence[ServiceEntry], renderer: Renderer) -> Iterator[tuple[str, str]]:
    yield "docs/index.rst", renderer.render("docs/index.rst.jinja", services=entries)
