"""Request documents from the IR: every member filled, to a bounded depth."""

from typing import Any, cast

from generator.model.ir import Service, Shape


def full_document(service: Service, shape_name: str | None, depth: int = 4) -> dict[str, Any]:
    """Every member set (recursion cut at ``depth``), each value valid for botocore."""
    if shape_name is None:
        return {}
    return cast(dict[str, Any], _full(service, service.shape(shape_name), depth, "v"))


def _full(service: Service, shape: Shape, depth: int, seed: str) -> Any:
    low = int(shape.constraints.min or 0)
    if shape.type == "structure":
        if shape.document:
            return {"doc": [1, "two", {"three": True}]}
        members = shape.members
        if depth <= 0:
            members = tuple(m for m in members if m.required)
        if shape.union and members:
            members = members[:1]
        return {m.name: _full(service, service.shape(m.target), depth - 1, m.name) for m in members}
    if shape.type == "list":
        assert shape.member is not None
        count = max(low, 2 if depth > 0 else low)
        return [
            _full(service, service.shape(shape.member.target), depth - 1, f"{seed}{i}") for i in range(count)
        ]
    if shape.type == "map":
        assert shape.key is not None and shape.value is not None
        count = max(low, 2 if depth > 0 else low)
        key_shape = service.shape(shape.key.target)
        keys = [_string(key_shape, f"k{i}") for i in range(count)]
        return {key: _full(service, service.shape(shape.value.target), depth - 1, key) for key in keys}
    if shape.type == "string":
        return _string(shape, seed)
    if shape.type == "blob":
        return "blob-" + seed
    if shape.type in ("integer", "long"):
        return max(int(shape.constraints.min or 0), 7)
    if shape.type in ("float", "double"):
        return max(float(shape.constraints.min or 0), 2.5)
    if shape.type == "boolean":
        return True
    if shape.type == "timestamp":
        return "2021-03-04T05:06:07Z"
    raise AssertionError(shape.type)


def _string(shape: Shape, seed: str) -> str:
    if shape.constraints.enum:
        return shape.constraints.enum[0]
    low = int(shape.constraints.min or 1)
    high = int(shape.constraints.max or 64)
    text = (seed * (low // max(len(seed), 1) + 1))[: max(low, min(len(seed), high))]
    return text or "x"
