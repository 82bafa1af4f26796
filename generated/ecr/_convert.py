"""One option's value -> request data: JSON, shorthand and type conversion,
with the AWS CLI's rules and error messages."""

from ._cli import SCALAR_TYPES, CliError, ParamError, ValidationError

# For the type checker only: annotations that use these names are strings,
# since importing typing would add about 2 ms to every command.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ._cli import Shapes
    from ._shorthand import Value


def _scalar(kind: str, value: "str | bytes") -> "int | float | str | bytes":
    """The CLI's conversion of one string; Python's own errors are its messages."""
    if kind in ("integer", "long", "biginteger"):
        return int(value)
    if kind in ("float", "double", "bigdecimal"):
        return float(value)
    return value


def unpack_plain(shapes: "Shapes", option: str, shape: str, value: "Any") -> "Any":
    kind, _, detail, _, _ = shapes[shape]
    try:
        if kind != "list":
            return _scalar(kind, value)
        if isinstance(value, str) and value.lstrip().startswith("["):
            return parse_json(option, value)
        if isinstance(value, list) and len(value) == 1 and value[0].strip().startswith("["):
            return parse_json(option, value[0])
        member_kind = shapes[detail][0]
        return [_scalar(member_kind, item) for item in value]
    except (ValueError, TypeError) as exc:
        if isinstance(exc, CliError):
            raise
        raise CliError(str(exc)) from None


def unpack_complex(shapes: "Shapes", option: str, shape: str, value: "Any") -> "Any":
    if isinstance(value, (bytes, bytearray)):
        # What the AWS CLI's shorthand parser fails with on fileb:// content.
        raise CliError("'in <string>' requires string as left operand, not int")
    kind, _, detail, _, trait = shapes[shape]
    if trait == "document":
        # A document is JSON, read as it is.
        return parse_json(option, value)
    first = value[0] if isinstance(value, list) and value else value
    looks_like_json = isinstance(first, str) and first.strip().startswith(("[", "{"))
    # The CLI has no shorthand for a list or map of documents either.
    if looks_like_json or _of_documents(shapes, shape):
        return _unpack_json(shapes, option, shape, value)
    if kind == "structure" and len(detail) == 1 and detail[0][0] == "Value":
        # The CLI takes a bare word for a structure of one string named Value.
        if shapes[detail[0][1]][0] == "string" and "=" not in value:
            return {"Value": value}
    from ._paramfile import ParamFileError
    from ._shorthand import ShorthandError, parse_shorthand

    parsed: list[dict[str, Value]] | dict[str, Value]
    try:
        if isinstance(value, list):
            parsed = [parse_shorthand(item) for item in value]
        else:
            parsed = parse_shorthand(value)
    except ShorthandError as exc:
        raise ParamError(option, str(exc), exc.v2) from None
    except ParamFileError as exc:
        raise CliError(str(exc)) from None
    try:
        return _visit(shapes, option, shape, parsed, "")
    except (ValueError, TypeError, AttributeError) as exc:
        raise CliError(str(exc)) from None


def _of_documents(shapes: "Shapes", shape: str) -> bool:
    """A list or map whose elements (through nested lists and maps) are documents."""
    kind, _, detail, _, trait = shapes[shape]
    while kind in ("list", "map"):
        kind, _, detail, _, trait = shapes[detail if kind == "list" else detail[1]]
    return trait == "document"


def _visit(shapes: "Shapes", option: str, shape: str, value: "Any", name: str) -> "Any":
    """Shorthand gives strings; the model says which are numbers, booleans or
    lists. ``name``: the structure member the value is (or is inside of)."""
    kind, _, detail, _, trait = shapes[shape]
    if trait == "document":
        raise ParamError(
            option,
            "Shorthand syntax does not support document types. Use JSON input for "
            f"top-level argument to specify nested parameter: {name}",
        )
    if kind == "structure":
        if isinstance(value, dict):
            for member, target in detail:
                if member in value:
                    value[member] = _visit(shapes, option, target, value[member], member)
        return value
    if kind == "list":
        if not isinstance(value, list):
            return [value]
        return [_visit(shapes, option, detail, item, name) for item in value]
    if kind == "map":
        if isinstance(value, dict):
            for key in value:
                value[key] = _visit(shapes, option, detail[1], value[key], name)
        return value
    if kind == "boolean":
        lowered = value.lower()
        if lowered == "true":
            return True
        if lowered == "false":
            return False
        return value
    return _scalar(kind, value)


def parse_json(option: str, text: "str | bytes") -> "Any":
    import json  # only JSON values need it; a command imports it only then

    try:
        return json.loads(text)
    except ValueError as exc:
        raise ParamError(option, f"Invalid JSON: {exc}\nJSON received: {text!s}") from None


def _unpack_json(shapes: "Shapes", option: str, shape: str, value: "Any") -> "Any":
    kind, _, detail, _, _ = shapes[shape]
    if kind in ("structure", "map"):
        if not value.lstrip().startswith("{"):
            raise ParamError(option, f"Invalid JSON:\n{value}")
        return parse_json(option, value)
    if isinstance(value, str):
        if value.lstrip().startswith("["):
            return parse_json(option, value)
    elif len(value) == 1 and value[0].strip().startswith("["):
        return parse_json(option, value[0])
    member_kind = shapes[detail][0]
    if member_kind in SCALAR_TYPES:
        return [_scalar(member_kind, item) for item in value]
    return [_unpack_json(shapes, option, detail, item) for item in value]


def merge_input_json(params: "dict[str, Any]", text: "str | bytes") -> None:
    """``--cli-input-json``: the document's members join those the options set."""
    from ._paramfile import REMOTE_PREFIXES, ParamFileError, load_paramfile

    try:
        loaded = load_paramfile(text, remote=True)
    except ParamFileError as exc:
        raise ParamError("--cli-input-json", str(exc)) from None
    # The CLI downloads a URL here like any option's value, but then reads
    # the document from files only: the URL itself is taken as the JSON.
    if loaded is not None and not (isinstance(text, str) and text.startswith(REMOTE_PREFIXES)):
        text = loaded
    import json

    try:
        document = json.loads(text)
    except ValueError as exc:
        raise CliError(
            f"Error parsing parameter 'cli-input-json': Invalid JSON: {exc}\nJSON received: {text!s}"
        ) from None
    if not isinstance(document, dict):
        raise CliError(f"'{type(document).__name__}' object has no attribute 'keys'")
    for key, item in document.items():
        if key not in params:
            params[key] = item


def merge_input_document(
    params: "dict[str, Any]", json_text: "str | bytes | None", yaml_text: "str | bytes | None"
) -> None:
    """AWS CLI v2's ``--cli-input-json`` or ``--cli-input-yaml`` (not both): read from
    ``file://`` (a URL is the document's text), its members join those the options set."""
    from ._paramfile import ParamFileError, load_paramfile

    if json_text is not None and yaml_text is not None:
        raise ValidationError("Only one --cli-input- parameter may be specified.")

    name, text = ("json", json_text) if yaml_text is None else ("yaml", yaml_text)
    if text is None:
        return
    try:
        loaded = load_paramfile(text)
    except ParamFileError as exc:
        raise ParamError(f"--cli-input-{name}", str(exc)) from None
    if loaded is not None:
        text = loaded
    document = _load_json(text) if name == "json" else _load_yaml(text)
    if not isinstance(document, dict):
        raise ParamError(
            f"--cli-input-{name}", f"Invalid type: expecting map, received {type(document)}"
        )
    for key, item in document.items():
        if key not in params:
            params[key] = item


def _load_json(text: "str | bytes") -> "Any":
    import json

    try:
        return json.loads(text)
    except ValueError:
        raise ValidationError(
            "Error parsing parameter 'cli-input-json': Invalid JSON received."
        ) from None


def _load_yaml(text: "str | bytes") -> "Any":
    """YAML as v2 reads it (YAML 1.2, ruamel.yaml's safe loader): the one optional
    import of the parsers, made only for ``--cli-input-yaml``."""
    try:
        from ruamel.yaml import YAML
        from ruamel.yaml.error import YAMLError
    except ImportError:
        raise CliError(
            "--cli-input-yaml needs the Python package ruamel.yaml, which is not installed"
        ) from None
    try:
        return YAML(typ="safe", pure=True).load(text)
    except YAMLError:
        raise ValidationError(
            "Error parsing parameter 'cli-input-yaml': Invalid YAML received."
        ) from None


def check_base64(shapes: "Shapes", shape: str, value: "Any") -> None:
    """AWS CLI v2 reads a blob given as text as base64: raise its error for text
    that does not decode (bytes from ``fileb://`` are taken as they are)."""
    kind, _, detail, _, _ = shapes[shape]
    if kind == "structure" and isinstance(value, dict):
        for member, target in detail:
            check_base64(shapes, target, value.get(member))
    elif kind == "list" and isinstance(value, list):
        for item in value:
            check_base64(shapes, detail, item)
    elif kind == "map" and isinstance(value, dict):
        for item in value.values():
            check_base64(shapes, detail[1], item)
    elif kind == "blob" and isinstance(value, str):
        import base64
        import binascii

        try:
            base64.b64decode(value)
        except binascii.Error:
            raise CliError(f'Invalid base64: "{value}"') from None
        except ValueError as exc:  # text that is not ASCII: v2 fails with Python's message
            raise CliError(str(exc)) from None


def decode_starting_token(token: str, input_tokens: "tuple[str, ...]") -> "dict[str, Any]":
    """The request members a ``--starting-token`` sets, as botocore's paginator reads it."""
    import base64
    import binascii
    import json

    try:
        decoded = json.loads(base64.b64decode(token.encode("utf-8")).decode("utf-8"))
        if isinstance(decoded, dict):
            decoded.pop("boto_truncate_amount", None)
            return {key: item for key, item in decoded.items() if item is not None}
    except (ValueError, TypeError, binascii.Error):
        pass
    parts = token.split("___")
    if len(parts) == len(input_tokens) + 1:
        try:
            int(parts[-1])
            parts.pop()
        except ValueError:
            pass
    if len(parts) > len(input_tokens):
        raise CliError(f"Bad starting token: {token}")
    return {name: part for name, part in zip(input_tokens, parts) if part != "None"}
