"""Request validation with the rules and messages of botocore's ParamValidator.

``compile_checker`` turns an operation module's shape table (``name ->
(type, min, detail, required, trait)``, see ``_cli.Operation``) into one
checking function per shape: closures that hold their shape's rules and their
members' functions, so that checking a value does no table look-up and no
dispatch on the type name. It runs once per process, in microseconds, and the
table stays the one compact format the generator writes (formatting generated
code is what generation time goes to).

Each shape gets two functions. ``check(value, name, errors)`` appends
botocore's messages, ``name`` being the parameter's name as botocore builds it
(``.a.b[0]``: a dot before each member). ``ok(value)`` says whether ``check``
would find nothing, without building names: a list or map checks its items
with it first (most of a document sits in lists) and names and reports only
those it rejects. Members and items whose only rule is their type (or a
string's minimum length) are checked inline, without a call.
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
TOO_DEEP = "Invalid parameter: nested too deeply to validate"
# ``str(type(value))`` of the scalar types (it costs more than the rest of a
# message), whose text cannot nest too deeply to print.
_SCALAR_NAMES = {
    str: "<class 'str'>",
    int: "<class 'int'>",
    float: "<class 'float'>",
    bool: "<class 'bool'>",
    bytes: "<class 'bytes'>",
    type(None): "<class 'NoneType'>",
}
# Inline rules: the types whose isinstance() check is botocore's whole rule.
_PLAIN_TYPES = {"string": str, "boolean": bool, "integer": int, "long": int}
_PLAIN_TEXTS = {
    str: _VALID_TYPES["string"],
    bool: _VALID_TYPES["boolean"],
    int: _VALID_TYPES["integer"],
}


def compile_checker(shapes, root: str):
    """``check(params, "", errors)`` for the input shape ``root``: appends
    botocore's message lines for ``params`` to ``errors``.

    Where botocore itself fails with RecursionError (a document nested deeper
    than the interpreter's recursion limit, through a recursive shape), so
    does ``check``; the caller reports ``TOO_DEEP`` instead.
    """
    checkers: dict = {}
    oks: dict = {}
    # Members are bound once every shape has its functions: shapes may be recursive.
    links: list = []
    for name, row in shapes.items():
        make = _document if row[4] == "document" else _MAKERS.get(row[0], _anything)
        checkers[name], oks[name] = make(row, shapes, links)
    for link in links:
        link(checkers, oks)
    return checkers[root]


def _inline_rule(row):
    """What a container checks in place of calling the member's functions: a
    type (isinstance is the whole rule), an int (a string of at least that
    length), or None (call them)."""
    kind, low, _, _, trait = row
    plain = _PLAIN_TYPES.get(kind)
    if trait or plain is None:
        return None
    if low is None or (kind == "string" and low <= 0):
        return plain
    if kind == "string" and low.__class__ is int:
        return low
    return None


def _shown(name) -> str:
    """The name as botocore's report prints it. Every name but a document
    member's starts with the dot of its first member or is the input's ``""``."""
    if not name:
        return "input"
    if name.__class__ is not str:
        return str(name)  # a document's key that is no string
    return name[1:] if name.startswith(".") else name


def _type_error(value, name: str, valid_types: str) -> str:
    kind = type(value)
    text = _SCALAR_NAMES.get(kind)
    if text is not None:
        return (
            f"Invalid type for parameter {name[1:] if name else 'input'}, value: {value}, "
            f"type: {text}, valid types: {valid_types}"
        )
    return (
        f"Invalid type for parameter {name[1:] if name else 'input'}, value: {_text(value)}, "
        f"type: {kind}, valid types: {valid_types}"
    )


def _short(value, name: str, low) -> str:
    return f"Invalid length for parameter {name[1:]}, value: {len(value)}, valid min length: {low}"


def _text(value) -> str:
    """``str(value)`` as botocore prints it, but for values nested too deeply to print."""
    try:
        return str(value)
    except RecursionError:
        return f"<{type(value).__name__} nested too deeply to print>"


def _structure(row, shapes, links):
    _, _, members, required, trait = row
    names = ", ".join(member for member, _ in members)
    known = frozenset(member for member, _ in members)
    size = len(known)
    # member -> inline rule, or else the member's check (ok) function.
    check_rules: dict = {}
    ok_rules: dict = {}

    def link(checkers, oks) -> None:
        for member, shape in members:
            rule = _inline_rule(shapes[shape])
            check_rules[member] = checkers[shape] if rule is None else rule
            ok_rules[member] = oks[shape] if rule is None else rule

    links.append(link)
    union = trait == "union"

    def check(value, name, errors) -> None:
        if not isinstance(value, dict):
            errors.append(_type_error(value, name, _VALID_TYPES["structure"]))
            return
        if union:
            _check_union(value, name, names, errors)
        no_unknown = known.issuperset(value)
        # With every member present and no other key, nothing is missing.
        if not no_unknown or len(value) != size:
            for member in required:
                if member not in value:
                    errors.append(f'Missing required parameter in {_shown(name)}: "{member}"')
            if not no_unknown:
                for key in value:
                    if key not in known:
                        errors.append(
                            f'Unknown parameter in {_shown(name)}: "{key}", must be one of: {names}'
                        )
        for key, item in value.items():
            rule = check_rules.get(key)
            if rule is None:
                continue
            if rule.__class__ is type:
                if not isinstance(item, rule):
                    errors.append(_type_error(item, f"{name}.{key}", _PLAIN_TEXTS[rule]))
            elif rule.__class__ is int:
                if not isinstance(item, str):
                    errors.append(_type_error(item, f"{name}.{key}", _VALID_TYPES["string"]))
                elif len(item) < rule:
                    errors.append(_short(item, f"{name}.{key}", rule))
            else:
                rule(item, f"{name}.{key}", errors)

    def ok(value) -> bool:
        if not isinstance(value, dict) or not known.issuperset(value):
            return False
        if union and len(value) != 1:
            return False
        if len(value) != size:
            for member in required:
                if member not in value:
                    return False
        for key, item in value.items():
            rule = ok_rules[key]
            if rule.__class__ is type:
                if not isinstance(item, rule):
                    return False
            elif rule.__class__ is int:
                if not (isinstance(item, str) and len(item) >= rule):
                    return False
            elif not rule(item):
                return False
        return True

    return check, ok


def _check_union(value: dict, name: str, names: str, errors: list) -> None:
    if not value:
        errors.append(
            f"Must set one of the following keys for tagged unionstructure {_shown(name)}: {names}."
        )
    elif len(value) > 1:
        errors.append(
            f"Invalid number of parameters set for tagged union structure {_shown(name)}. "
            f"Can only set one of the following keys: {names}."
        )


def _list(row, shapes, links):
    _, low, element, _, _ = row
    rule = _inline_rule(shapes[element])
    check_item = item_ok = None

    def link(checkers, oks) -> None:
        nonlocal check_item, item_ok
        check_item, item_ok = checkers[element], oks[element]

    links.append(link)
    low = low if low is not None and low > 0 else None

    def check(value, name, errors) -> None:
        if not isinstance(value, (list, tuple)):
            errors.append(_type_error(value, name, _VALID_TYPES["list"]))
            return
        if low is not None and len(value) < low:
            errors.append(
                f"Invalid length for parameter {_shown(name)}, value: {len(value)}, valid min length: {low}"
            )
        if rule is None:
            for index, item in enumerate(value):
                if not item_ok(item):
                    check_item(item, f"{name}[{index}]", errors)
            return
        # Inline rules; only an item that fails one costs a name.
        if rule.__class__ is type:
            for index, item in enumerate(value):
                if not isinstance(item, rule):
                    errors.append(_type_error(item, f"{name}[{index}]", _PLAIN_TEXTS[rule]))
        else:
            for index, item in enumerate(value):
                if not isinstance(item, str):
                    errors.append(_type_error(item, f"{name}[{index}]", _VALID_TYPES["string"]))
                elif len(item) < rule:
                    errors.append(_short(item, f"{name}[{index}]", rule))

    def ok(value) -> bool:
        if not isinstance(value, (list, tuple)) or low is not None and len(value) < low:
            return False
        if rule is None:
            for item in value:
                if not item_ok(item):
                    return False
        elif rule.__class__ is type:
            for item in value:
                if not isinstance(item, rule):
                    return False
        else:
            for item in value:
                if not (isinstance(item, str) and len(item) >= rule):
                    return False
        return True

    return check, ok


def _map(row, shapes, links):
    key_shape, value_shape = row[2]
    check_key = check_value = key_ok = value_ok = None

    def link(checkers, oks) -> None:
        nonlocal check_key, check_value, key_ok, value_ok
        check_key, check_value = checkers[key_shape], checkers[value_shape]
        key_ok, value_ok = oks[key_shape], oks[value_shape]

    links.append(link)

    def check(value, name, errors) -> None:
        if not isinstance(value, dict):
            errors.append(_type_error(value, name, _VALID_TYPES["map"]))
            return
        for key, item in value.items():
            if not (key_ok(key) and value_ok(item)):
                check_key(key, f"{name} (key: {key})", errors)
                check_value(item, f"{name}.{key}", errors)

    def ok(value) -> bool:
        if not isinstance(value, dict):
            return False
        for key, item in value.items():
            if not (key_ok(key) and value_ok(item)):
                return False
        return True

    return check, ok


def _string(row, shapes, links):
    low = row[1]
    if low is None or low <= 0:
        low = None

    def check(value, name, errors) -> None:
        if not isinstance(value, str):
            errors.append(_type_error(value, name, _VALID_TYPES["string"]))
        elif low is not None and len(value) < low:
            errors.append(_short(value, name, low))

    def ok(value) -> bool:
        return isinstance(value, str) and (low is None or len(value) >= low)

    return check, ok


def _number(row, shapes, links):
    kind, low = row[0], row[1]
    accepts = _is_integer if kind in ("integer", "long") else _is_float
    valid_types = _VALID_TYPES[kind]

    def check(value, name, errors) -> None:
        if not accepts(value):
            errors.append(_type_error(value, name, valid_types))
        elif low is not None and value < low:
            errors.append(
                f"Invalid value for parameter {_shown(name)}, value: {value}, valid min value: {low}"
            )

    def ok(value) -> bool:
        # ``not value < low``: NaN is below no minimum, as in ``check``.
        return accepts(value) and (low is None or not value < low)

    return check, ok


def _is_integer(value) -> bool:
    return isinstance(value, int)


def _is_float(value) -> bool:
    return isinstance(value, (float, int)) or (
        type(value).__name__ == "Decimal" and type(value).__module__ == "decimal"
    )


def _scalar(accepts, kind: str):
    valid_types = _VALID_TYPES[kind]

    def make(row, shapes, links):
        def check(value, name, errors) -> None:
            if not accepts(value):
                errors.append(_type_error(value, name, valid_types))

        return check, accepts

    return make


def _is_boolean(value) -> bool:
    return isinstance(value, bool)


def _is_blob(value) -> bool:
    return isinstance(value, (bytes, bytearray, str)) or hasattr(value, "read")


def _is_timestamp(value) -> bool:
    if type(value).__name__ == "datetime":
        return True
    from ._timestamps import in_datetime_range, parses_as_timestamp

    if isinstance(value, (int, float)):
        return in_datetime_range(value)
    if not isinstance(value, str):
        return False
    return parses_as_timestamp(value)


def _anything(row, shapes, links):
    """Types botocore does not check."""

    def check(value, name, errors) -> None:
        pass

    return check, _always


def _always(value) -> bool:
    return True


def _document(row, shapes, links):
    return _check_document, _document_ok


def _document_ok(value) -> bool:
    if isinstance(value, dict):
        for item in value.values():
            if not _document_ok(item):
                return False
        return True
    if isinstance(value, list):
        for item in value:
            if not _document_ok(item):
                return False
        return True
    return value is None or isinstance(value, (str, int, bool, float))


def _check_document(value, name, errors) -> None:
    if value is None:
        return
    if isinstance(value, dict):
        # botocore names a document's members by their key alone.
        for key, item in value.items():
            _check_document(item, key, errors)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_document(item, f"{name}[{index}]", errors)
    elif not isinstance(value, (str, int, bool, float)):
        errors.append(
            f"Invalid type for document parameter {_shown(name)}, value: {_text(value)}, "
            f"type: {type(value)}, valid types: {_DOCUMENT_TYPES}"
        )


_MAKERS = {
    "structure": _structure,
    "list": _list,
    "map": _map,
    "string": _string,
    "integer": _number,
    "long": _number,
    "float": _number,
    "double": _number,
    "boolean": _scalar(_is_boolean, "boolean"),
    "blob": _scalar(_is_blob, "blob"),
    "timestamp": _scalar(_is_timestamp, "timestamp"),
}
