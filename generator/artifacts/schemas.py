"""``schemas/<service>/<cli-name>.input.schema.json`` and ``.output.schema.json``,
``schemas/catalog.json`` (SchemaStore's catalog format) and
``schemas/pattern-report.json`` (the model patterns no schema carries)."""

from collections.abc import Iterator, Sequence
from typing import Any

from ..doctext import plain_text
from ..ir import Operation, Service
from ..patterns import PYTHON_VERSION, UNICODE_VERSION
from ..render import Renderer
from ..schema import left_out, operation_schema

CATALOG_SCHEMA = "https://json.schemastore.org/schema-catalog.json"
DIRECTIONS = ("input", "output")


def schema_path(service: Service, operation: Operation, direction: str) -> str:
    return f"{service.name}/{operation.cli_name}.{direction}.schema.json"


def file_match(operation: Operation, direction: str) -> list[str]:
    """The document names an editor maps to the schema."""
    suffix = "" if direction == "input" else ".output"
    return [f"*.{operation.cli_name}{suffix}.json", f"{operation.cli_name}{suffix}.json"]


def catalog(service: Service, operations: Sequence[Operation]) -> dict[str, Any]:
    entries = []
    for operation in operations:
        summary = plain_text(operation.documentation).split("\n\n")[0]
        for direction in DIRECTIONS:
            entries.append(
                {
                    "name": f"aws {service.name} {operation.cli_name} ({direction})",
                    "description": summary,
                    "url": schema_path(service, operation, direction),
                    "fileMatch": file_match(operation, direction),
                }
            )
    return {"$schema": CATALOG_SCHEMA, "version": 1, "schemas": entries}


def pattern_report(service: Service, operations: Sequence[Operation]) -> dict[str, Any]:
    omitted = [
        {"shape": item.shape, "pattern": item.translation.source, "reason": item.translation.reason}
        for item in left_out(service, list(operations))
    ]
    return {
        "service": service.name,
        "about": "Model patterns left out of the schemas and strict validators, because they have no "
        "faithful form that both Python's re and JavaScript's RegExp with the u flag read alike. "
        f"Unicode property classes are expanded from Unicode {UNICODE_VERSION} (Python {PYTHON_VERSION}).",
        "leftOut": omitted,
    }


def render(service: Service, operations: Sequence[Operation], renderer: Renderer) -> Iterator[tuple[str, str]]:
    for operation in operations:
        for direction in DIRECTIONS:
            yield f"schemas/{schema_path(service, operation, direction)}", renderer.render(
                "schemas/operation.schema.json.jinja", schema=operation_schema(service, operation, direction)
            )
    yield "schemas/catalog.json", renderer.render("schemas/catalog.json.jinja", catalog=catalog(service, operations))
    yield "schemas/pattern-report.json", renderer.render(
        "schemas/pattern-report.json.jinja", report=pattern_report(service, operations)
    )
