"""Artifact kinds: each module turns the IR of one service into files.

A kind exposes ``render(service, operations, renderer, cli)`` yielding
``(relative path, text)`` pairs for one major version of the AWS CLI; paths use
``/`` and are relative to that version's tree. A kind with files that span
services (an index, a catalog) also exposes ``render_index(entries, renderer)``,
given every rendered service's ``ServiceEntry`` in name order.

``KINDS`` says which kinds each version's tree has: the schemas and strict
validators are one set, in the v1 tree (both versions read the same documents).
"""

from collections.abc import Iterator, Sequence
from types import ModuleType

from generator.clirules.versions import CliVersion
from generator.model.ir import Operation, Service, ServiceEntry
from generator.pages import artifact as docs
from generator.python import parser_modules as parsers
from generator.python import validator_modules as strict
from generator.render import Renderer
from generator.schemas import artifact as schemas
from generator.skeletons import artifact as skeletons

KINDS: dict[int, tuple[ModuleType, ...]] = {
    1: (skeletons, parsers, docs, schemas, strict),
    2: (skeletons, parsers, docs),
}


def render_service(
    service: Service, operations: Sequence[Operation], renderer: Renderer, cli: CliVersion
) -> Iterator[tuple[str, str]]:
    for kind in KINDS[cli.number]:
        yield from kind.render(service, operations, renderer, cli)


def render_index(
    entries: Sequence[ServiceEntry], renderer: Renderer, cli: CliVersion
) -> Iterator[tuple[str, str]]:
    for kind in KINDS[cli.number]:
        if hasattr(kind, "render_index"):
            yield from kind.render_index(entries, renderer)
