"""``json.dumps(params, indent=4)`` with bytes as base64 text, for the values a
parse gives (text, numbers, booleans, None, lists, dicts with text keys, bytes).

Written out here because importing json (and with it re) costs a command
several times what printing its parameters does; any other value is handed to
json itself, so the output is json's in every case.
"""

# For the type checker only: annotations that use these names are strings,
# since importing typing would add about 2 ms to every command.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_INDENT = "    "
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
}


class _Unsupported(Exception):
    """A value json's own encoder must print."""


def dumps(value: "Any") -> str:
    parts: list[str] = []
    try:
        _write(value, "\n", parts)
    except _Unsupported:
        import json

        return json.dumps(value, indent=4, default=_bytes_as_base64)
    return "".join(parts)


def _write(value: "Any", newline: str, parts: "list[str]") -> None:
    # The tests of json's type order: a str subclass is text, True is not 1.
    if isinstance(value, str):
        parts.append(_text(value))
    elif value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif isinstance(value, int):
        parts.append(int.__repr__(value))
    elif isinstance(value, float):
        parts.append(_float(value))
    elif isinstance(value, (list, tuple)):
        if not value:
            parts.append("[]")
            return
        inner = newline + _INDENT
        separator = "[" + inner
        for item in value:
            parts.append(separator)
            _write(item, inner, parts)
            separator = "," + inner
        parts.append(newline + "]")
    elif isinstance(value, dict):
        if not value:
            parts.append("{}")
            return
        inner = newline + _INDENT
        separator = "{" + inner
        for key, item in value.items():
            if not isinstance(key, str):
                raise _Unsupported
            parts.append(separator + _text(key) + ": ")
            _write(item, inner, parts)
            separator = "," + inner
        parts.append(newline + "}")
    elif isinstance(value, (bytes, bytearray)):
        parts.append(_text(_bytes_as_base64(value)))
    elif hasattr(value, "read") and isinstance(getattr(value, "name", None), str):
        parts.append(_text(value.name))  # a streaming blob's open file: its path
    else:
        raise _Unsupported


def _text(text: str) -> str:
    """A JSON string with every character outside printable ASCII escaped."""
    if text.isascii() and text.isprintable() and '"' not in text and "\\" not in text:
        return '"' + text + '"'
    return '"' + "".join(map(_escape, text)) + '"'


def _escape(char: str) -> str:
    escaped = _ESCAPES.get(char)
    if escaped is not None:
        return escaped
    if " " <= char <= "~":
        return char
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 | code >> 10:04x}\\u{0xDC00 | code & 0x3FF:04x}"


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == float("inf"):
        return "Infinity"
    if value == -float("inf"):
        return "-Infinity"
    return float.__repr__(value)


def _bytes_as_base64(value: "Any") -> str:
    if isinstance(value, (bytes, bytearray)):
        import binascii  # an extension module: loaded only when there are bytes

        return binascii.b2a_base64(value, newline=False).decode("ascii")
    if hasattr(value, "read") and isinstance(getattr(value, "name", None), str):
        return value.name  # type: ignore[no-any-return]  # a str, as tested
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")
