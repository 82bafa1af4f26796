"""Artifact kinds: each module turns the IR of one service into files.

A kind exposes ``render(service, operations, renderer)`` yielding
``(relative path, text)`` pairs; paths use ``/`` and are relative to the
output directory. A kind with files that span services (an index, a catalog)
also exposes ``render_index(entries, renderer)``, given every rendered
service's ``ServiceEntry`` in name order.
"""

from collections.abc import Iterator, Sequence

from generator.model.ir import Operation, Service, ServiceEntry
from generator.pages import artifact as docs
from generator.python import parser_modules as parsers
from generator.python import validator_modules as strict
from generator.render import Renderer
from generator.schemas import artifact as schemas
from generator.skeletons import artifact as skeletons

KINDS = (skeletons, parsers, docs, schemas, strict)


def render_service(
    service: Service, operations: Sequence[Operation], renderer: Renderer
) -> Iterator[tuple[str, str]]:
    for kind in KINDS:
        yield from kind.render(service, operations, renderer)


def render_index(entries: Sequence[ServiceEntry], renderer: Renderer) -> Iterator[tuple[str, str]]:
    for kind in KINDS:
        if hasattr(kind, "render_index"):
            yield from kind.render_index(entries, renderer)
