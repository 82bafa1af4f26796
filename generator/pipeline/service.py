"""The pipeline: load the model, build the IR, render every artifact, format."""

from collections.abc import Sequence
from pathlib import Path

from generator.clirules.versions import V1, CliVersion
from generator.errors import InputError, close_matches
from generator.model.builder import build_ir
from generator.model.ir import Operation, Service
from generator.model.loader import load_service
from generator.render import Renderer

from .kinds import render_service


def load(
    service: str, api_version: str | None = None, data_paths: Sequence[str | Path] = (), examples: bool = True
) -> Service:
    return build_ir(load_service(service, api_version, data_paths, examples))


def select_operations(service: Service, names: Sequence[str]) -> tuple[Operation, ...]:
    """The named operations (API or CLI names), or all of them when none are named."""
    if not names:
        return service.operations
    selected = []
    for name in names:
        try:
            operation = service.operation(name)
        except KeyError:
            choices = [op.name for op in service.operations] + [op.cli_name for op in service.operations]
            raise InputError(
                f"service {service.name!r} has no operation {name!r}{close_matches(name, choices)}"
            ) from None
        if operation not in selected:
            selected.append(operation)
    return tuple(sorted(selected, key=lambda op: op.name))


def render(
    service: Service,
    operations: Sequence[Operation],
    renderer: Renderer | None = None,
    cli: CliVersion = V1,
) -> dict[str, bytes]:
    """Every artifact of the given operations for one CLI version, as ``{relative path: bytes}``."""
    renderer = renderer or Renderer()
    files: dict[str, bytes] = {}
    try:
        for path, text in render_service(service, operations, renderer, cli):
            if path in files:
                raise InputError(f"two artifacts of service {service.name!r} map to the same file {path!r}")
            files[path] = text.encode("utf-8")
    except RecursionError:
        raise InputError(f"service {service.name!r}: its shapes nest too deeply to render") from None
    return files
