"""``--generate-cli-skeleton`` documents, computed from the IR.

The input skeleton is what ``aws <service> <op> --generate-cli-skeleton``
prints; the output skeleton is the stub response that ``... output`` prints.
Placeholders follow the AWS CLI: ``""`` for strings (the member name in output
skeletons), ``0``, ``0.0``, ``true``, the epoch for timestamps, ``null`` for
blobs, one element per list, one ``KeyName`` entry per map, and ``{}`` where a
structure recurs into itself. Enums take the model's first value, where the
AWS CLI v1 picks one at random.
"""

from typing import Any, cast

from generator.model.ir import Service, Shape

EPOCH = "1970-01-01T00:00:00"


def input_skeleton(service: Service, shape_name: str | None) -> dict[str, Any]:
    if shape_name is None:
        return {}
    return cast(dict[str, Any], _value(service, service.shape(shape_name), [], "", use_names=False))


def output_skeleton(service: Service, shape_name: str | None) -> dict[str, Any]:
    if shape_name is None:
        return {}
    return cast(dict[str, Any], _value(service, service.shape(shape_name), [], "", use_names=True))


def _value(service: Service, shape: Shape, stack: list[str], name: str, use_names: bool) -> Any:
    stack.append(shape.name)
    try:
        if shape.type == "structure":
            # A structure already being expanded further up is left empty.
            if stack.count(shape.name) > 1:
                return {}
            return {
                member.name: _value(service, service.shape(member.target), stack, member.name, use_names)
                for member in shape.members
            }
        if shape.type == "list":
            assert shape.member is not None
            element_name = shape.member.target if use_names else ""
            return [_value(service, service.shape(shape.member.target), stack, element_name, use_names)]
        if shape.type == "map":
            assert shape.value is not None
            return {"KeyName": _value(service, service.shape(shape.value.target), stack, "", use_names)}
        if shape.type == "string":
            if use_names:
                return name
            return shape.constraints.enum[0] if shape.constraints.enum else ""
        # Only these four number types get a placeholder; the CLI leaves
        # byte, short and the big number types null, and so do we.
        if shape.type in ("integer", "long"):
            return 0
        if shape.type in ("float", "double"):
            return 0.0
        if shape.type == "boolean":
            return True
        if shape.type == "timestamp":
            return EPOCH
        return None
    finally:
        stack.pop()
