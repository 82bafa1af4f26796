"""``<service>/_strict/<operation>.py``: strict validators compiled from the
input schemas, with the shape checks they share in ``_strict/_shapes.py``."""

from collections.abc import Iterator, Sequence

import black

from ..ir import Operation, Service
from ..names import python_identifier
from ..render import Renderer
from ..strict import compile_shapes, function_name

BLACK_MODE = black.Mode(target_versions={black.TargetVersion.PY311}, line_length=100)


def package(service: Service) -> str:
    return python_identifier(service.name)


def format_python(text: str) -> str:
    return black.format_str(text, mode=BLACK_MODE)


def render(service: Service, operations: Sequence[Operation], renderer: Renderer) -> Iterator[tuple[str, str]]:
    base = f"{package(service)}/_strict"
    module = compile_shapes(service, [operation.input for operation in operations])
    yield f"{base}/__init__.py", format_python(
        renderer.render("python/strict/__init__.py.jinja", service_name=service.name)
    )
    yield f"{base}/_shapes.py", format_python(
        renderer.render(
            "python/strict/_shapes.py.jinja",
            service_name=service.name,
            constants=module.constants,
            functions=module.functions,
        )
    )
    for operation in operations:
        yield f"{base}/{operation.py_name}.py", format_python(
            renderer.render(
                "python/strict/operation.py.jinja",
                service_name=service.name,
                operation_name=operation.name,
                cli_name=operation.cli_name,
                check=function_name(operation.input),
            )
        )
