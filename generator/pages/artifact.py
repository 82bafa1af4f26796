"""``docs/<service>/<cli-name>.rst``, ``docs/<service>/index.rst`` and ``docs/index.rst``:
the AWS CLI's reference pages, without its meta block, global options and examples.

A service with waiters also gets the CLI's ``wait`` pages where the CLI's own
doc tree has them: ``docs/<service>/wait/index.rst`` and one
``docs/<service>/wait/<waiter>.rst`` per waiter.
"""

from collections.abc import Iterator, Sequence

from generator.clirules.versions import CliVersion
from generator.markup.rst import encodable
from generator.model.ir import Operation, Service, ServiceEntry
from generator.render import Renderer

from .content import operation_page, rendered_waiters, service_page, wait_page, waiter_page


def render(
    service: Service, operations: Sequence[Operation], renderer: Renderer, cli: CliVersion
) -> Iterator[tuple[str, str]]:
    folder = f"docs/{service.name}"
    for operation in operations:
        text = renderer.render("docs/operation.rst.jinja", page=operation_page(service, operation, cli))
        yield f"{folder}/{operation.cli_name}.rst", encodable(text)
    waiters = rendered_waiters(service, operations)
    page = service_page(service, operations, waiters)
    yield f"{folder}/index.rst", encodable(renderer.render("docs/group.rst.jinja", page=page))
    if page.unlisted:
        yield f"{folder}/unlisted.rst", renderer.render("docs/unlisted.rst.jinja", page=page)
    if waiters:
        text = renderer.render("docs/group.rst.jinja", page=wait_page(service, waiters))
        yield f"{folder}/wait/index.rst", encodable(text)
    for waiter in waiters:
        text = renderer.render("docs/operation.rst.jinja", page=waiter_page(service, waiter, cli))
        yield f"{folder}/wait/{waiter.cli_name}.rst", encodable(text)


def render_index(entries: Sequence[ServiceEntry], renderer: Renderer) -> Iterator[tuple[str, str]]:
    yield "docs/index.rst", renderer.render("docs/index.rst.jinja", services=entries)
