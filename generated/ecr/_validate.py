"""Request validation with the rules and messages of botocore's ParamValidator.

Shapes come from the operation module's table: ``name -> (type, min, detail,
required, trait)``; see ``_cli.Operation``.
"""

_VALID_TYPES = {
    "string": "<class 'str'>",
    "integer": "<class 'int'>",
    "long": "<class 'int'>",
    "float": "<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>",
    "double": "<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>",
    "boolean": "<class 'bool'>",
    "list": "<class 'list'>, <class 'tuple'>",
    "structure": "<class 'dict'>",
    "map": "<class 'dict'>",
    "blob": "<class 'bytes'>, <class 'bytearray'>, file-like object",
    "timestamp": "<class 'datetime.datetime'>, timestamp-string",
}
_DOCUMENT_TYPES = (
    "<class 'str'>, <class 'int'>, <class 'bool'>, <class 'float'>, <class 'list'>, <class 'dict'>"
)


def _is_decimal(value) -> bool:
    return type(value).__name__ == "Decimal" and type(value).__module__ == "decimal"


def _type_ok(kind: str, value) -> bool:
    if kind == "string":
        return isinstance(value, str)
    if kind in ("integer", "long"):
        return isinstance(value, int)
    if kind in ("float", "double"):
        return isinstance(value, (float, int)) or _is_decimal(value)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "list":
        return isinstance(value, (list, tuple))
    if kind in ("structure", "map"):
        return isinstance(value, dict)
    if kind == "blob":
        return isinstance(value, (bytes, bytearray, str)) or hasattr(value, "read")
    if kind == "timestamp":
        return _is_timestamp(value)
    return True


def _is_timestamp(value) -> bool:
    if type(value).__name__ == "datetime":
        return True
    if isinstance(value, (int, float)):
        return True
    if not isinstance(value, str):
        return False
    from ._timestamps import parses_as_timestamp

    return parses_as_timestamp(value)


class _Validator:
    def __init__(self, shapes) -> None:
        self.shapes = shapes
        self.errors: list = []

    def check(self, value, shape_name: str, name: str) -> None:
        kind, low, detail, required, trait = self.shapes[shape_name]
        if trait == "document":
            self._document(value, name)
            return
        if not _type_ok(kind, value):
            self.errors.append(
                f"Invalid type for parameter {name or 'input'}, value: {value}, "
                f"type: {type(value)}, valid types: {_VALID_TYPES[kind]}"
            )
            return
        if kind == "structure":
            self._structure(value, detail, required, trait == "union", name)
        elif kind == "list":
            self._length(value, low, name)
            for index, item in enumerate(value):
                self.check(item, detail, f"{name}[{index}]")
        elif kind == "map":
            key_shape, value_shape = detail
            for key, item in value.items():
                self.check(key, key_shape, f"{name} (key: {key})")
                self.check(item, value_shape, f"{name}.{key}")
        elif kind == "string":
            self._length(value, low, name)
        elif kind in ("integer", "long", "float", "double"):
            if low is not None and value < low:
                self.errors.append(
                    f"Invalid value for parameter {name}, value: {value}, valid min value: {low}"
                )

    def _length(self, value, low, name: str) -> None:
        if low is not None and len(value) < low:
            self.errors.append(
                f"Invalid length for parameter {name}, value: {len(value)}, valid min length: {low}"
            )

    def _structure(self, value: dict, members, required, union: bool, name: str) -> None:
        where = name or "input"
        names = [member for member, _ in members]
        if union:
            if not value:
                self.errors.append(
                    f"Must set one of the following keys for tagged unionstructure {where}: {', '.join(names)}."
                )
            elif len(value) > 1:
                self.errors.append(
                    f"Invalid number of parameters set for tagged union structure {where}. "
                    f"Can only set one of the following keys: {', '.join(names)}."
                )
        for member in required:
            if member not in value:
                self.errors.append(f'Missing required parameter in {where}: "{member}"')
        targets = dict(members)
        for key in value:
            if key not in targets:
                self.errors.append(
                    f'Unknown parameter in {where}: "{key}", must be one of: {", ".join(names)}'
                )
        for key, item in value.items():
            if key in targets:
                self.check(item, targets[key], f"{name}.{key}" if name else key)

    def _document(self, value, name: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                self._document(item, key)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                self._document(item, f"{name}[{index}]")
        elif not isinstance(value, (str, int, bool, float)):
            self.errors.append(
                f"Invalid type for document parameter {name}, value: {value}, "
                f"type: {type(value)}, valid types: {_DOCUMENT_TYPES}"
            )


def validate_params(params, shapes, root: str) -> list:
    """botocore's verdict on ``params`` for the input shape ``root``: its message lines."""
    validator = _Validator(shapes)
    validator.check(params, root, "")
    return validator.errors
