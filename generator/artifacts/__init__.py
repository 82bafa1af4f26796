"""Artifact kinds: each module turns the IR of one service into files.

A kind exposes ``render(service, operations, renderer)`` yielding
``(relative path, text)`` pairs; paths use ``/`` and are relative to the
output directory.
"""

from collections.abc import Iterator, Sequence

from ..ir import Operation, Service
from ..render import Renderer
from . import schemas, skeletons, strict

KINDS = (skeletons, schemas, strict)


def render_service(
    service: Service, operations: Sequence[Operation], renderer: Renderer
) -> Iterator[tuple[str, str]]:
    for kind in KINDS:
        yield from kind.render(service, operations, renderer)
