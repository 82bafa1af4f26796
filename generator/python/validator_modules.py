"""``<service>/_strict/<operation>.py``: strict validators compiled from the
input schemas, with the shape checks they share in ``_strict/_shapes.py``."""

from collections.abc import Iterator, Sequence

from generator.clirules.versions import CliVersion
from generator.model.ir import Operation, Service
from generator.render import Renderer

from .black_format import format_python
from .layout import fits
from .parser_modules import service_package
from .validator_compiler import compile_shapes, function_name


def render(
    service: Service, operations: Sequence[Operation], renderer: Renderer, cli: CliVersion
) -> Iterator[tuple[str, str]]:
    # Beside the operation modules, which import ``._strict.<operation>``.
    base = f"{service_package(service)}/_strict"
    module = compile_shapes(service, [operation.input for operation in operations])
    yield f"{base}/__init__.py", renderer.render("python/strict/__init__.py.jinja", service_name=service.name)
    shapes = renderer.render(
        "python/strict/_shapes.py.jinja",
        service_name=service.name,
        constants=module.constants,
        functions=module.functions,
        automata=module.automata,
    )
    # The compiler writes black's layout itself; black is the fallback for the
    # rare line it cannot lay out (names too long even as constants).
    yield f"{base}/_shapes.py", format_python(f"{base}/_shapes.py", shapes) if module.unsure else shapes
    for operation in operations:
        path = f"{base}/{operation.py_name}.py"
        text = renderer.render(
            "python/strict/operation.py.jinja",
            service_name=service.name,
            operation_name=operation.name,
            cli_name=operation.cli_name,
            check=function_name(operation.input),
        )
        yield path, text if all(map(fits, text.splitlines())) else format_python(path, text)
