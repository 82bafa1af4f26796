"""Request validation with the rules and messages of botocore's ParamValidator.

``compile_checker`` turns an operation module's shape table (``name ->
(type, min, detail, required, trait)``, see ``_cli.Operation``) into one
checking function per shape: closures that hold their shape's rules and their
members' functions, so that checking a value does no table look-up and no
dispatch on the type name. It runs once per process, in microseconds, and the
table stays the one compact format the generator writes (formatting generated
code is what generation time goes to).

A shape's function ``check(value)`` returns None when the value is valid (the
path most documents take, so it builds nothing: no names, no lists) and
otherwise botocore's findings in botocore's order, each a list ``[path,
before, after]``: the name of the value it is about relative to the value
checked (``.a.b[0]``: a dot before each member) and the message's text either
side of that name. A container puts its member's or item's piece in front of
the paths of the findings it passes on, so that a name is built only for what
is reported, and a value is walked once. A finding inside a document, which
botocore names by its key alone, is a finished message (a str). Strings, the
commonest members and items, are checked in place by their container, without
a call.
"""

# For the type checker only: annotations that use these names are strings,
# since importing typing would add about 2 ms to every command.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, TypeAlias

    from ._cli import Row, Shapes

    #: ``[path, before, after]``, or a finished message (inside a document).
    Finding: TypeAlias = list[str] | str
    #: What a shape's function returns: None when the value is valid.
    Found: TypeAlias = list[Finding] | None
    Check: TypeAlias = Callable[[Any], Found]
    #: Binds a shape's members to their functions once every shape has one.
    Link: TypeAlias = Callable[[dict[str, Check]], None]
    Maker: TypeAlias = Callable[[Row, Shapes, list[Link]], Check]

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
_TYPE = "Invalid type for parameter "


def compile_checker(shapes: "Shapes", root: str) -> "Callable[[Any], list[str]]":
    """``validate(params)``: botocore's message lines for ``params`` against
    the input shape ``root``, none when valid.

    Where botocore itself fails with RecursionError (a document nested deeper
    than the interpreter's recursion limit, through a recursive shape), so
    does ``validate``; the caller reports ``TOO_DEEP`` instead.
    """
    checks: dict[str, Check] = {}
    # Members are bound once every shape has its function: shapes may be recursive.
    links: list[Link] = []
    for name, row in shapes.items():
        make = _TRAITS.get(row[4]) or _MAKERS.get(row[0], _anything)
        checks[name] = make(row, shapes, links)
    for link in links:
        link(checks)
    check = checks[root]

    def validate(params: "Any") -> "list[str]":
        found = check(params)
        lines: list[str] = []
        if found is not None:
            for finding in found:
                # A path is "" (the input) or starts with its first member's dot.
                if finding.__class__ is not str:
                    finding = f"{finding[1]}{finding[0][1:] or 'input'}{finding[2]}"
                lines.append(finding)
        return lines

    return validate


def _under(piece: str, found: "list[Finding]") -> "list[Finding]":
    """``found``, its findings' paths put under a member's or an item's ``piece``."""
    for finding in found:
        if finding.__class__ is list:
            finding[0] = piece + finding[0]
    return found


def _type_error(value: "Any", valid_types: str, path: str = "") -> "list[str]":
    try:
        text = _SCALAR_NAMES[value.__class__]
    except KeyError:
        return [
            path,
            _TYPE,
            f", value: {_text(value)}, type: {type(value)}, valid types: {valid_types}",
        ]
    return [path, _TYPE, f", value: {value}, type: {text}, valid types: {valid_types}"]


def _text(value: object) -> str:
    """``str(value)`` as botocore prints it, but for values nested too deeply to print."""
    try:
        return str(value)
    except RecursionError:
        return f"<{type(value).__name__} nested too deeply to print>"


def _string_error(value: "Any", shortest: "int | float", path: str) -> "list[str]":
    """The finding on ``value``, which is no string of ``shortest`` characters or more."""
    if isinstance(value, str):
        return [
            path,
            "Invalid length for parameter ",
            f", value: {len(value)}, valid min length: {shortest}",
        ]
    text = _SCALAR_NAMES.get(value.__class__)
    if text is None:
        return _type_error(value, _VALID_TYPES["string"], path)
    return [path, _TYPE, f", value: {value}, type: {text}, valid types: <class 'str'>"]


def _inline(row: "Row") -> "int | float | None":
    """The rule a container checks in place of calling a member's or an
    item's function: for a string whose only rule is a minimum length, that
    length (0 for none). Otherwise None: call the function."""
    kind, low = row[0], row[1]
    if kind != "string" or row[4]:
        return None
    return low if low is not None and low > 0 else 0


def _structure(row: "Row", shapes: "Shapes", links: "list[Link]") -> "Check":
    _, _, members, required, trait = row
    names = ", ".join(member for member, _ in members)
    pieces = {member: "." + member for member, _ in members}
    # member -> its inline rule (an int, see _inline) or else its function.
    rules: dict[str, int | float | Check] = {}

    def link(functions: "dict[str, Check]") -> None:
        for member, shape in members:
            inline = _inline(shapes[shape])
            rules[member] = functions[shape] if inline is None else inline

    links.append(link)
    rule_of = rules.get
    union = trait == "union"
    # The member count at which, with no unknown member, none can be missing
    # (nor, in a union, too many): every member, or a union's one.
    complete = len(members) if not union else 1 if not required else -1

    def check(value: "Any") -> "Found":
        if value.__class__ is not dict and not isinstance(value, dict):
            return [_type_error(value, _VALID_TYPES["structure"])]
        errors: Found = None
        unknown: list[str] | None = None
        for key in value:
            rule = rule_of(key)
            if rule is None:
                if unknown is None:
                    unknown = [key]
                else:
                    unknown.append(key)
                continue
            item = value[key]
            if rule.__class__ is int:
                if (item.__class__ is str or isinstance(item, str)) and len(item) >= rule:
                    continue
                if errors is None:
                    errors = [_string_error(item, rule, pieces[key])]
                else:
                    errors.append(_string_error(item, rule, pieces[key]))
                continue
            found = rule(item)  # type: ignore[operator]  # an int rule is checked above
            if found is None:
                continue
            piece = pieces[key]
            for finding in found:
                if finding.__class__ is list:
                    finding[0] = piece + finding[0]
            if errors is None:
                errors = found
            else:
                errors += found
        if unknown is not None or (len(value) != complete and _incomplete(value, required, union)):
            head = _head(value, union, required, unknown, names)
            errors = head if errors is None else head + errors
        return errors

    return check


def _incomplete(value: "dict[Any, Any]", required: "tuple[str, ...]", union: bool) -> bool:
    """Whether a structure with no unknown member misses a required one (or,
    a union, has not exactly one)."""
    for member in required:
        if member not in value:
            return True
    return union


def _head(
    value: "dict[Any, Any]",
    union: bool,
    required: "tuple[str, ...]",
    unknown: "list[str] | None",
    names: str,
) -> "list[Finding]":
    """A structure's findings before its members': the union's count, then
    missing members, then the unknown ones."""
    errors: list[Finding] = []
    if union and len(value) != 1:
        many = "Invalid number of parameters set for tagged union structure "
        none = "Must set one of the following keys for tagged unionstructure "
        keys = f". Can only set one of the following keys: {names}." if value else f": {names}."
        errors.append(["", many if value else none, keys])
    for member in required:
        if member not in value:
            errors.append(["", "Missing required parameter in ", f': "{member}"'])
    if unknown is not None:
        for key in unknown:
            errors.append(["", "Unknown parameter in ", f': "{key}", must be one of: {names}'])
    return errors


def _list(row: "Row", shapes: "Shapes", links: "list[Link]") -> "Check":
    _, low, element, _, _ = row
    low = low if low is not None and low > 0 else 0
    shortest = _inline(shapes[element])
    if shortest is not None:
        return _strings(low, shortest)
    check_item: Check

    def link(functions: "dict[str, Check]") -> None:
        nonlocal check_item
        check_item = functions[element]

    links.append(link)

    def check(value: "Any") -> "Found":
        if value.__class__ is not list and not isinstance(value, (list, tuple)):
            return [_type_error(value, _VALID_TYPES["list"])]
        errors: Found = None if len(value) >= low else [_too_few(value, low)]
        index = -1
        for item in value:
            index += 1
            found = check_item(item)
            if found is not None:
                piece = f"[{index}]"
                for finding in found:
                    if finding.__class__ is list:
                        finding[0] = piece + finding[0]
                if errors is None:
                    errors = found
                else:
                    errors += found
        return errors

    return check


def _strings(low: "int | float", shortest: "int | float") -> "Check":
    """A list's function when its items are strings, checked in place."""

    def check(value: "Any") -> "Found":
        if value.__class__ is not list and not isinstance(value, (list, tuple)):
            return [_type_error(value, _VALID_TYPES["list"])]
        errors: Found = None if len(value) >= low else [_too_few(value, low)]
        for item in value:
            if item.__class__ is not str or len(item) < shortest:
                break
        else:
            return errors
        # Some item breaks the rule: name each one that does.
        errors = errors or []
        for index, item in enumerate(value):
            if not isinstance(item, str) or len(item) < shortest:
                errors.append(_string_error(item, shortest, f"[{index}]"))
        return errors or None  # subclasses of str pass

    return check


def _too_few(value: "Any", low: "int | float") -> "list[str]":
    return ["", "Invalid length for parameter ", f", value: {len(value)}, valid min length: {low}"]


def _map(row: "Row", shapes: "Shapes", links: "list[Link]") -> "Check":
    key_shape, value_shape = row[2]
    check_key: Check
    check_value: Check

    def link(functions: "dict[str, Check]") -> None:
        nonlocal check_key, check_value
        check_key, check_value = functions[key_shape], functions[value_shape]

    links.append(link)

    def check(value: "Any") -> "Found":
        if not isinstance(value, dict):
            return [_type_error(value, _VALID_TYPES["map"])]
        errors: list[Finding] = []
        for key, item in value.items():
            found = check_key(key)
            if found is not None:
                errors += _under(f" (key: {key})", found)
            found = check_value(item)
            if found is not None:
                errors += _under(f".{key}", found)
        return errors or None

    return check


def _string(row: "Row", shapes: "Shapes", links: "list[Link]") -> "Check":
    shortest = _inline(row) or 0

    def check(value: "Any") -> "Found":
        if isinstance(value, str) and len(value) >= shortest:
            return None
        return [_string_error(value, shortest, "")]

    return check


def _number(row: "Row", shapes: "Shapes", links: "list[Link]") -> "Check":
    kind, low = row[0], row[1]
    integral = kind in ("integer", "long")
    valid_types = _VALID_TYPES[kind]

    def check(value: "Any") -> "Found":
        if not (isinstance(value, int) if integral else _is_float(value)):
            return [_type_error(value, valid_types)]
        # ``not value < low``: NaN is below no minimum.
        if low is None or not value < low:
            return None
        return [["", "Invalid value for parameter ", f", value: {value}, valid min value: {low}"]]

    return check


def _is_float(value: object) -> bool:
    return isinstance(value, (float, int)) or (
        type(value).__name__ == "Decimal" and type(value).__module__ == "decimal"
    )


def _scalar(accepts: "Callable[[Any], bool]", kind: str) -> "Maker":
    valid_types = _VALID_TYPES[kind]

    def make(row: "Row", shapes: "Shapes", links: "list[Link]") -> "Check":
        def check(value: "Any") -> "Found":
            if accepts(value):
                return None
            return [_type_error(value, valid_types)]

        return check

    return make


def _is_blob(value: object) -> bool:
    return isinstance(value, (bytes, bytearray, str)) or hasattr(value, "read")


def _is_timestamp(value: object) -> bool:
    if type(value).__name__ == "datetime":
        return True
    from ._timestamps import in_datetime_range, parses_as_timestamp

    if isinstance(value, (int, float)):
        return in_datetime_range(value)
    if not isinstance(value, str):
        return False
    return parses_as_timestamp(value)


def _anything(row: "Row", shapes: "Shapes", links: "list[Link]") -> "Check":
    """Types botocore does not check."""
    return lambda value: None


def _document(row: "Row", shapes: "Shapes", links: "list[Link]") -> "Check":
    return _check_document


def _check_document(value: "Any") -> "Found":
    if value is None:
        return None
    errors: list[Finding] = []
    if isinstance(value, dict):
        for key, item in value.items():
            found = _check_document(item)
            if found is not None:
                # botocore names a document's members by their key alone:
                # their messages are finished here.
                for finding in found:
                    if finding.__class__ is not str:
                        finding = (
                            finding[1]
                            + _shown(f"{key}{finding[0]}" if finding[0] else key)
                            + finding[2]
                        )
                    errors.append(finding)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found = _check_document(item)
            if found is not None:
                errors += _under(f"[{index}]", found)
    elif not isinstance(value, (str, int, bool, float)):
        text = f", value: {_text(value)}, type: {type(value)}, valid types: {_DOCUMENT_TYPES}"
        return [["", "Invalid type for document parameter ", text]]
    return errors or None


def _json_value(row: "Row", shapes: "Shapes", links: "list[Link]") -> "Check":
    """A JSON-value header member: botocore only checks that it encodes to JSON."""
    return _check_json_value


def _check_json_value(value: "Any") -> "Found":
    import json

    try:
        json.dumps(value)
    except (ValueError, TypeError) as exc:
        return [["", "Invalid parameter ", f" must be json serializable: {exc}"]]
    return None


def _shown(name: object) -> str:
    """A document member's name as botocore's report prints it: its key (which
    may be no string, or start with a dot), and the indexes below it."""
    if not name:
        return "input"
    if name.__class__ is not str:
        return str(name)
    return name[1:] if name[0] == "." else name


_MAKERS = {
    "structure": _structure,
    "list": _list,
    "map": _map,
    "string": _string,
    "integer": _number,
    "long": _number,
    "float": _number,
    "double": _number,
    "boolean": _scalar(lambda value: isinstance(value, bool), "boolean"),
    "blob": _scalar(_is_blob, "blob"),
    "timestamp": _scalar(_is_timestamp, "timestamp"),
}
_TRAITS = {"document": _document, "jsonvalue": _json_value}
