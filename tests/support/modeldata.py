"""Test data derived from the IR: minimal valid request documents."""

from typing import Any, cast

from generator.model.ir import Service, Shape


def minimal_document(service: Service, shape_name: str | None) -> dict[str, Any]:
    """The smallest request botocore's validator accepts: required members
    only, each at its minimum length, count or value."""
    if shape_name is None:
        return {}
    return cast(dict[str, Any], _minimal(service, service.shape(shape_name), ()))


def _minimal(service: Service, shape: Shape, seen: tuple[str, ...]) -> Any:
    low = shape.constraints.min
    if shape.type == "structure":
        if shape.document:
            return {}
        members = [m for m in shape.members if m.required]
        if shape.union and not members and shape.members:
            members = [shape.members[0]]
        return {m.name: _minimal(service, service.shape(m.target), seen + (shape.name,)) for m in members}
    if shape.type == "list":
        assert shape.member is not None
        count = int(low or 0)
        return [_minimal(service, service.shape(shape.member.target), seen) for _ in range(count)]
    if shape.type == "map":
        assert shape.key is not None and shape.value is not None
        count = int(low or 0)
        key_shape = service.shape(shape.key.target)
        keys = [_string(key_shape, index) for index in range(count)]
        return {key: _minimal(service, service.shape(shape.value.target), seen) for key in keys}
    if shape.type == "string":
        return _string(shape, 0)
    if shape.type == "blob":
        return "a" * int(low or 1)
    if shape.type in ("integer", "long"):
        return int(low) if low is not None else 1
    if shape.type in ("float", "double"):
        return float(low) if low is not None else 1.0
    if shape.type == "boolean":
        return True
    if shape.type == "timestamp":
        return "2020-01-01T00:00:00Z"
    raise AssertionError(f"no minimal value for {shape.type}")


def _string(shape: Shape, index: int) -> str:
    if shape.constraints.enum:
        return shape.constraints.enum[index % len(shape.constraints.enum)]
    length = max(int(shape.constraints.min or 1), 1)
    return (chr(ord("a") + index % 26) * length)[:length]
