"""The ``--generate-cli-skeleton yaml-input`` document of the AWS CLI v2, from the IR.

The same placeholders as the JSON input skeleton (``documents.input_skeleton``),
with what YAML adds: blobs are an empty ``!!binary`` scalar, timestamps a YAML
timestamp, and each structure member carries an end-of-line comment: ``[REQUIRED]``,
the first sentence of its documentation, and ``Valid values are: ...`` for an enum.
Map entries (``KeyName``) carry none.

``YamlMap`` and friends are what the ``yaml`` filter of ``generator.render``
writes out (``generator.skeletons.yaml_text``).
"""

from dataclasses import dataclass
from typing import Union

from generator.markup.text import first_sentence
from generator.model.ir import Member, Service, Shape

EPOCH = "1970-01-01 00:00:00"


@dataclass(frozen=True)
class Binary:
    """An empty blob: ``!!binary ''``."""


@dataclass(frozen=True)
class Timestamp:
    """A YAML timestamp, written plain."""

    text: str


@dataclass(frozen=True)
class YamlEntry:
    key: str
    value: "YamlNode"
    #: The end-of-line comment's text, without ``# `` ('' for none).
    comment: str = ""


@dataclass(frozen=True)
class YamlMap:
    entries: tuple[YamlEntry, ...] = ()


YamlNode = Union[YamlMap, list["YamlNode"], str, int, float, bool, Binary, Timestamp, None]


def yaml_input_skeleton(service: Service, shape_name: str | None) -> YamlMap:
    if shape_name is None:
        return YamlMap()
    value = _value(service, service.shape(shape_name), [])
    assert isinstance(value, YamlMap)
    return value


def member_comment(service: Service, member: Member, required: bool) -> str:
    """``[REQUIRED]``, the documentation's first sentence, the valid values: what is there of
    them, joined by spaces; '' when that leaves only space."""
    shape = service.shape(member.target)
    parts = ["[REQUIRED]"] if required else []
    parts.append(first_sentence(member.documentation or shape.documentation))
    if shape.constraints.enum:
        parts.append(f"Valid values are: {', '.join(shape.constraints.enum)}.")
    comment = " ".join(parts)
    return "" if comment.isspace() or not comment else comment


def _value(service: Service, shape: Shape, stack: list[str]) -> YamlNode:
    stack.append(shape.name)
    try:
        if shape.type == "structure":
            # A structure already being expanded further up is left empty.
            if stack.count(shape.name) > 1:
                return YamlMap()
            required = set(shape.required_names)
            return YamlMap(
                tuple(
                    YamlEntry(
                        member.name,
                        _value(service, service.shape(member.target), stack),
                        member_comment(service, member, member.name in required),
                    )
                    for member in shape.members
                )
            )
        if shape.type == "list":
            assert shape.member is not None
            return [_value(service, service.shape(shape.member.target), stack)]
        if shape.type == "map":
            assert shape.value is not None
            return YamlMap((YamlEntry("KeyName", _value(service, service.shape(shape.value.target), stack)),))
        if shape.type == "string":
            return shape.constraints.enum[0] if shape.constraints.enum else ""
        # As in the JSON skeleton: byte, short and the big number types stay null.
        if shape.type in ("integer", "long"):
            return 0
        if shape.type in ("float", "double"):
            return 0.0
        if shape.type == "boolean":
            return True
        if shape.type == "timestamp":
            return Timestamp(EPOCH)
        if shape.type == "blob":
            return Binary()
        return None
    finally:
        stack.pop()
