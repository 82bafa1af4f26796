"""``schemas/<service>/<cli-name>.input.schema.json`` and ``.output.schema.json``,
``schemas/<service>.pattern-report.json`` (the model patterns no schema
carries) and, over every rendered service, ``schemas/catalog.json``
(SchemaStore's catalog format)."""

from collections.abc import Iterator, Sequence
from typing import Any

from generator.clirules.versions import CliVersion
from generator.model.ir import Operation, Service, ServiceEntry
from generator.patterns.guard import automatic
from generator.patterns.translate import PYTHON_VERSION, UNICODE_VERSION
from generator.render import Renderer

from .documents import ShapeSchemas, operation_schema, patterned

CATALOG_SCHEMA = "https://json.schemastore.org/schema-catalog.json"
DIRECTIONS = ("input", "output")


def schema_path(service: str, operation: str, direction: str) -> str:
    return f"{service}/{operation}.{direction}.schema.json"


def file_match(operation: str, direction: str) -> list[str]:
    """The document names an editor maps to the schema."""
    suffix = "" if direction == "input" else ".output"
    return [f"*.{operation}{suffix}.json", f"{operation}{suffix}.json"]


_DESCRIPTIONS = {
    "input": "The request document of `aws {service} {operation} --cli-input-json file://...`",
    "output": "The JSON that `aws {service} {operation}` prints",
}


def catalog(entries: Sequence[ServiceEntry]) -> dict[str, Any]:
    schemas = []
    for entry in entries:
        for operation in entry.operations:
            for direction in DIRECTIONS:
                schemas.append(
                    {
                        "name": f"aws {entry.name} {operation} ({direction})",
                        "description": _DESCRIPTIONS[direction].format(service=entry.name, operation=operation),
                        "url": schema_path(entry.name, operation, direction),
                        "fileMatch": file_match(operation, direction),
                    }
                )
    return {"$schema": CATALOG_SCHEMA, "version": 1, "schemas": schemas}


def pattern_report(service: Service, operations: Sequence[Operation]) -> dict[str, Any]:
    items = list(patterned(service, operations))
    omitted = []
    for item in items:
        if item.translation.pattern is None:
            fallback = automatic(item.translation.source)
            entry = {"shape": item.shape, "pattern": item.translation.source, "reason": item.translation.reason}
            if fallback.table is None:
                entry["strict"] = "unchecked: " + fallback.reason
            else:
                entry["strict"] = "automaton"
            omitted.append(entry)
    rewritten = [
        {
            "shape": item.shape,
            "pattern": item.translation.source,
            "carried": item.translation.pattern,
            "reason": item.translation.bounded,
        }
        for item in items
        if item.translation.pattern is not None and item.translation.bounded
    ]
    automata = sum(entry["strict"] == "automaton" for entry in omitted)
    return {
        "service": service.name,
        "about": "Model patterns left out of the schemas: those with no faithful form "
        "that both Python's re and JavaScript's RegExp with the u flag read alike, and those a backtracking "
        "engine could take more than linear time on that no rewrite makes safe. The strict validators check "
        "these by a deterministic automaton (strict: automaton) in linear time, or not at all (strict: "
        "unchecked, with the reason). Under rewritten: patterns carried in a form that matches the same texts "
        "in linear time. Counts are of shapes. "
        f"Unicode property classes are expanded from Unicode {UNICODE_VERSION} (Python {PYTHON_VERSION}).",
        "counts": {
            "asWritten": sum(item.translation.pattern is not None and not item.translation.bounded for item in items),
            "rewritten": len(rewritten),
            "automaton": automata,
            "unchecked": len(omitted) - automata,
        },
        "leftOut": omitted,
        "rewritten": rewritten,
    }


def render(
    service: Service, operations: Sequence[Operation], renderer: Renderer, cli: CliVersion
) -> Iterator[tuple[str, str]]:
    shapes = ShapeSchemas(service)
    for operation in operations:
        for direction in DIRECTIONS:
            yield f"schemas/{schema_path(service.name, operation.cli_name, direction)}", renderer.render(
                "schemas/operation.schema.json.jinja", schema=operation_schema(service, operation, direction, shapes)
            )
    yield f"schemas/{service.name}.pattern-report.json", renderer.render(
        "schemas/pattern-report.json.jinja", report=pattern_report(service, operations)
    )


def render_index(entries: Sequence[ServiceEntry], renderer: Renderer) -> Iterator[tuple[str, str]]:
    yield "schemas/catalog.json", renderer.render("schemas/catalog.json.jinja", catalog=catalog(entries))
