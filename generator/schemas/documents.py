"""JSON Schema (2020-12) documents for an operation's input and output, built
from the IR. The strict validators are compiled from these same documents
(``strict.py``), so the two cannot disagree about a constraint.

Each named shape reachable from the operation is one ``$defs`` entry and is
referred to with ``$ref`` (recursive shapes need nothing more). Members carry
the model's documentation as ``description`` (plain text) and
``markdownDescription`` (for VS Code's hovers), and ``deprecated``.
"""

import urllib.parse
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from generator.markup.text import markdown, plain_text
from generator.model.ir import FLOAT_TYPES, INTEGER_TYPES, Member, Operation, Service, Shape
from generator.patterns.guard import guard
from generator.patterns.translate import Translation
from generator.skeletons.documents import input_skeleton

DIALECT = "https://json-schema.org/draft/2020-12/schema"
# ISO 8601 date or date-time, as the CLI's timestamp parser reads it; an epoch
# number is the other accepted form.
ISO_8601 = (
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}"
    "([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+\\-][0-9]{2}(:?[0-9]{2})?)?)?(?![\\s\\S])"
)


@dataclass(frozen=True)
class LeftOut:
    """A model pattern that no schema carries, and where it comes from."""

    shape: str
    translation: Translation


_BLOB_INPUT_NOTE = (
    "Binary data. The AWS CLI v1 sends this text as it is; the AWS CLI v2 reads it as base64 "
    "text, unless given --cli-binary-format raw-in-base64-out (then as v1 does)."
)
_BLOB_INPUT_MARKDOWN = (
    "Binary data. The AWS CLI v1 sends this text as it is; the AWS CLI v2 reads it as base64 "
    "text, unless given `--cli-binary-format raw-in-base64-out` (then as v1 does)."
)


def _describe(*sources: str) -> dict[str, str]:
    source = next((text for text in sources if text.strip()), "")
    return {"description": plain_text(source), "markdownDescription": markdown(source)}


_DEFS = "#/$defs/"
# What a URI fragment may hold unescaped (RFC 3986), besides letters and digits.
_FRAGMENT_SAFE = "-._~!$&'()*+,;=:@/"


def _ref(name: str) -> dict[str, str]:
    """A ``$ref`` to a shape's ``$defs`` entry: a JSON pointer (``~``, ``/``
    escaped) in a URI fragment (percent-encoded)."""
    pointer = name.replace("~", "~0").replace("/", "~1")
    return {"$ref": _DEFS + urllib.parse.quote(pointer, safe=_FRAGMENT_SAFE)}


def ref_name(ref: str) -> str:
    """The shape name a ``$ref`` written by ``_ref`` points to."""
    pointer = urllib.parse.unquote(ref[len(_DEFS) :])
    return pointer.replace("~1", "/").replace("~0", "~")


def member_schema(member: Member, shape: Shape, fallback: str) -> dict[str, Any]:
    """A property: a reference to its shape, with the member's own notes."""
    schema: dict[str, Any] = {} if member.json_value else _ref(member.target)
    schema.update(_describe(member.documentation, shape.documentation, fallback))
    if member.deprecated or shape.deprecated:
        schema["deprecated"] = True
        message = member.deprecated_message or shape.deprecated_message or "This member is deprecated."
        schema["deprecationMessage"] = plain_text(message)
    return schema


def shape_schema(service: Service, shape: Shape, direction: str) -> dict[str, Any]:
    """The ``$defs`` entry of one shape; ``direction`` is "input" or "output"."""
    schema: dict[str, Any] = {"title": shape.name}
    if shape.documentation:
        schema.update(_describe(shape.documentation))
    limits = shape.constraints
    if shape.document:
        return schema  # any JSON value
    if shape.type == "structure":
        schema["type"] = "object"
        schema["properties"] = {
            m.name: member_schema(m, service.shape(m.target), f"{m.name} ({service.shape(m.target).type})")
            for m in shape.members
        }
        if shape.required_names:
            schema["required"] = list(shape.required_names)
        schema["additionalProperties"] = False
        if shape.union:
            schema["minProperties"] = 1
            schema["maxProperties"] = 1
    elif shape.type == "list":
        assert shape.member is not None
        schema["type"] = "array"
        schema["items"] = _ref(shape.member.target)
        _bounds(schema, limits, "minItems", "maxItems")
    elif shape.type == "map":
        assert shape.key is not None and shape.value is not None
        schema["type"] = "object"
        schema["propertyNames"] = _ref(shape.key.target)
        schema["additionalProperties"] = _ref(shape.value.target)
        _bounds(schema, limits, "minProperties", "maxProperties")
    elif shape.type == "string":
        schema["type"] = "string"
        _bounds(schema, limits, "minLength", "maxLength")
        pattern = _pattern(shape)
        if pattern is not None:
            schema["pattern"] = pattern
        if limits.enum:
            schema["enum"] = list(limits.enum)
    elif shape.type in INTEGER_TYPES or shape.type in FLOAT_TYPES:
        schema["type"] = "integer" if shape.type in INTEGER_TYPES else "number"
        _bounds(schema, limits, "minimum", "maximum")
    elif shape.type == "boolean":
        schema["type"] = "boolean"
    elif shape.type == "timestamp":
        schema["type"] = ["string", "number"]
        if direction == "input":
            schema["pattern"] = ISO_8601
    elif shape.type == "blob":
        schema["type"] = "string"  # base64 text; the model's length limits count bytes
        if direction == "input":
            # The one place where the two CLIs read the same document differently.
            for key, note in (("description", _BLOB_INPUT_NOTE), ("markdownDescription", _BLOB_INPUT_MARKDOWN)):
                schema[key] = f"{schema[key]}\n\n{note}" if schema.get(key) else note
    elif shape.type in ("bigdecimal", "biginteger"):
        schema["type"] = "number"
    return schema


def _bounds(schema: dict[str, Any], limits: Any, low: str, high: str) -> None:
    if limits.min is not None:
        schema[low] = limits.min
    if limits.max is not None:
        schema[high] = limits.max


def _pattern(shape: Shape) -> str | None:
    if shape.constraints.pattern is None:
        return None
    return guard(shape.constraints.pattern).pattern


class ShapeSchemas:
    """Each shape's ``$defs`` entry, built once per direction: a service's
    operations share most of their shapes. The entries are shared, not copied;
    nobody edits them."""

    def __init__(self, service: Service) -> None:
        self.service = service
        self._built: dict[tuple[str, str], dict[str, Any]] = {}

    def __call__(self, name: str, direction: str) -> dict[str, Any]:
        key = (name, direction)
        if key not in self._built:
            self._built[key] = shape_schema(self.service, self.service.shape(name), direction)
        return self._built[key]


def operation_schema(
    service: Service, operation: Operation, direction: str, shapes: ShapeSchemas | None = None
) -> dict[str, Any]:
    root = operation.input if direction == "input" else operation.output
    schema: dict[str, Any] = {
        "$schema": DIALECT,
        "title": f"{service.name} {operation.cli_name} {direction}",
    }
    schema.update(_describe(operation.documentation))
    if root is None:
        schema.update({"type": "object", "additionalProperties": False})
    else:
        schema.update(_ref(root))
    if direction == "input":
        schema["defaultSnippets"] = [
            {
                "label": f"{operation.cli_name} input skeleton",
                "description": f"The document `aws {service.name} {operation.cli_name} --generate-cli-skeleton` prints",
                "body": input_skeleton(service, root),
            }
        ]
    if root is not None:
        entry = shapes or ShapeSchemas(service)
        schema["$defs"] = {name: entry(name, direction) for name in service.reachable(root, into_json_values=False)}
    return schema


def patterned(service: Service, operations: Sequence[Operation]) -> Iterator[LeftOut]:
    """Every model pattern of the operations' shapes, as the schemas carry it
    (``translation.pattern`` None: left out; ``translation.bounded``: rewritten)."""
    names: set[str] = set()
    for operation in operations:
        for root in (operation.input, operation.output):
            if root is not None:
                names.update(service.reachable(root, into_json_values=False))
    for name in sorted(names):
        pattern = service.shape(name).constraints.pattern
        if pattern is not None:
            yield LeftOut(name, guard(pattern))

