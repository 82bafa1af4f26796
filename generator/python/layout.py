"""Python literals written the way the pinned black writes them.

Black is the slowest stage of a run (tens of milliseconds per module), and most
of what it formats is data: the tables of a parser module. ``assignment``
writes ``NAME = value`` for nested tuples, lists, dicts, scalars and keyword
calls exactly as black lays them out, so that such a module needs no black
pass; ``tests/test_pyformat.py`` checks the claim against black itself.

Black's layout for data, in short: a line that fits stays whole; otherwise it
is split at its last bracket pair. The body of a split call goes on one line
when it fits; the body of a split literal with two or more items (or a
one-item tuple) has one item per line, each followed by a comma; a single item
has no comma added and is split again if it is still too long.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from black.strings import str_width

LINE_LENGTH = 100
_INDENT = "    "


@dataclass(frozen=True)
class Call:
    """``name(key=value, ...)`` with arguments in the given order; an argument
    whose key is ``""`` is positional. ``trailer`` follows the closing
    parenthesis (``.search`` in ``re.compile(...).search``)."""

    name: str
    arguments: Sequence[tuple[str, Any]]
    trailer: str = ""


@dataclass(frozen=True)
class Code:
    """Python source that black writes as it is and never splits: a name, or an
    expression in parentheses that fits its line."""

    text: str


def statement(value: Any, depth: int = 0) -> list[str]:
    """The lines of an expression statement (a call) as black writes it."""
    return _lines("", value, "", depth)


def assignment(target: str, value: Any, depth: int = 0) -> str:
    """``target = value`` as black writes it, ending with a newline."""
    indent = _INDENT * depth
    text = literal(value)
    if _items(value) is None and not fits(f"{indent}{target} = {text}") and fits(f"{indent}{_INDENT}{text}"):
        # A scalar that fits on a line of its own goes there, in parentheses.
        return f"{indent}{target} = (\n{indent}{_INDENT}{text}\n{indent})\n"
    return "\n".join(_lines(f"{target} = ", value, "", depth)) + "\n"


def literal(value: Any) -> str:
    """The one-line form of `value`."""
    if isinstance(value, str):
        return string(value)
    if isinstance(value, Code):
        return value.text
    if isinstance(value, Call):
        arguments = ", ".join(_argument(key) + literal(item) for key, item in value.arguments)
        return f"{value.name}({arguments}){value.trailer}"
    if isinstance(value, tuple):
        if len(value) == 1:
            return f"({literal(value[0])},)"
        return f"({', '.join(map(literal, value))})"
    if isinstance(value, list):
        return f"[{', '.join(map(literal, value))}]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{literal(key)}: {literal(item)}" for key, item in value.items()) + "}"
    if value is None or isinstance(value, (bool, int)):
        return repr(value)
    if isinstance(value, float):
        return _float(value)
    raise TypeError(f"no literal form for {type(value).__name__}")


def string(text: str) -> str:
    """A string literal with black's choice of quotes: double quotes unless
    they would need more escapes than single quotes do."""
    single = repr(text)
    if single[0] == '"':  # repr chose double quotes: `text` has ' and no "
        return single
    body = single[1:-1]
    if text.count('"') > body.count("\\'"):
        return single
    return '"' + body.replace("\\'", "'").replace('"', '\\"') + '"'


def _float(value: float) -> str:
    text = repr(value)
    if text in ("inf", "-inf", "nan"):
        raise TypeError(f"no literal form for the float {text}")
    return text.replace("e+", "e")  # black drops an exponent's plus sign


def _argument(key: str) -> str:
    return f"{key}=" if key else ""


def _items(value: Any) -> tuple[str, str, list[tuple[str, Any]]] | None:
    """Opening bracket, closing bracket and (prefix, item) pairs of a value
    that black can split; None for a scalar or an empty collection."""
    if isinstance(value, Call) and value.arguments:
        return f"{value.name}(", ")" + value.trailer, [(_argument(key), item) for key, item in value.arguments]
    if isinstance(value, tuple) and value:
        return "(", ")", [("", item) for item in value]
    if isinstance(value, list) and value:
        return "[", "]", [("", item) for item in value]
    if isinstance(value, dict) and value:
        return "{", "}", [(f"{literal(key)}: ", item) for key, item in value.items()]
    return None


def _lines(prefix: str, value: Any, suffix: str, depth: int) -> list[str]:
    indent = _INDENT * depth
    whole = f"{indent}{prefix}{literal(value)}{suffix}"
    parts = _items(value)
    if parts is None or fits(whole):
        return [whole]
    opening, closing, items = parts
    lines = [f"{indent}{prefix}{opening}"]
    inner = _INDENT * (depth + 1)
    one_tuple = isinstance(value, tuple) and len(value) == 1
    if len(items) == 1 and not one_tuple:
        (item_prefix, item), = items
        lines += _lines(item_prefix, item, "", depth + 1)
    elif isinstance(value, Call) and fits(body := inner + ", ".join(p + literal(i) for p, i in items)):
        lines.append(body)
    else:
        for item_prefix, item in items:
            lines += _lines(item_prefix, item, ",", depth + 1)
    lines.append(f"{indent}{closing}{suffix}")
    return lines


def fits(line: str) -> bool:
    return str_width(line) <= LINE_LENGTH
