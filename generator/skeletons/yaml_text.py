"""YAML text of a skeleton (``yaml_input``), laid out as the AWS CLI v2 prints it.

Block style throughout, two spaces per level, a list's dashes at its key's
indent, ``{}`` for an empty structure. An end-of-line comment follows its value
after one or two spaces (``_comment_gap``).
Strings are plain where YAML 1.2 reads them back as the same string, else
single-quoted (double-quoted where single quotes cannot hold them). A plain or
single-quoted scalar that runs past column 80 continues on a line of its own, as the
CLI's emitter breaks it (``_broken``, ``_single_quoted_broken``; a double-quoted one,
which no model's value needs, is written unbroken).
"""

import re

from .yaml_input import Binary, Timestamp, YamlEntry, YamlMap, YamlNode

_INDENT = 2

# What YAML 1.2 (core schema, with timestamps and merge keys) reads as anything but a string.
_IMPLICIT = re.compile(
    r"""(?:
      ~|null|Null|NULL
    | true|True|TRUE|false|False|FALSE
    | [-+]?(?:0b[01_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*)
    | [-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?
    | [-+]?\.(?:inf|Inf|INF) | \.(?:nan|NaN|NAN)
    | [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}
      (?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?
    | <<|=
    )\Z""",
    re.VERBOSE,
)
# A plain scalar cannot start with these.
_INDICATORS = frozenset("#,[]{}&*!|>'\"%@`")
# Characters YAML prints as they are (the rest need a double-quoted escape).
_PRINTABLE = re.compile("[\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]*\\Z")


def _plain(text: str) -> bool:
    if not text or _IMPLICIT.match(text) or not _PRINTABLE.match(text):
        return False
    if text[0] in _INDICATORS or text[0].isspace() or text[-1].isspace():
        return False
    if text[0] in "-?:" and (len(text) == 1 or text[1] == " "):
        return False
    if text.startswith(("---", "...")):
        return False
    return ": " not in text and " #" not in text and not text.endswith(":")


_ESCAPES = {"\0": "\\0", "\t": "\\t", "\n": "\\n", "\r": "\\r", '"': '\\"', "\\": "\\\\"}


def _double_quoted(text: str) -> str:
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif _PRINTABLE.match(char):
            out.append(char)
        elif ord(char) <= 0xFF:
            out.append(f"\\x{ord(char):02X}")
        elif ord(char) <= 0xFFFF:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(f"\\U{ord(char):08X}")
    return '"' + "".join(out) + '"'


def scalar(text: str) -> str:
    """A string as a YAML scalar."""
    if _plain(text):
        return text
    if not _PRINTABLE.match(text) or ("'" in text and '"' not in text):
        return _double_quoted(text)
    return "'" + text.replace("'", "''") + "'"


def _inline(value: YamlNode) -> str:
    """A value that fits on its key's line ('' for null)."""
    if isinstance(value, YamlMap):
        return "{}"
    if isinstance(value, list):
        return "[]"
    if isinstance(value, Binary):
        return "!!binary ''"
    if isinstance(value, Timestamp):
        return value.text
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if value is None:
        return ""
    return scalar(value)


#: The column past which the CLI's YAML emitter breaks a plain scalar's line.
_WIDTH = 80


def _broken(lead: str, text: str, indent: int) -> str:
    """A plain scalar ``text`` written after ``lead``, its lines broken as the CLI's YAML
    emitter breaks them: a word that would pass column 80 starts a line of its own at
    ``indent`` (unless the line holds nothing but that indent yet), and so does the word after
    a single space that the line reaches column 80 at (the space is not written); a run of
    spaces is kept as it is."""
    out, column = [lead], len(lead)
    for part in re.split("( +)", text):
        if part == " " and column >= _WIDTH:
            out.append("\n" + " " * indent)
            column = indent
            continue
        if part[:1] not in ("", " ") and len(part) + column > _WIDTH and column > indent:
            out.append("\n" + " " * indent)
            column = indent
        out.append(part)
        column += len(part)
    return "".join(out)


def _single_quoted_broken(lead: str, text: str, indent: int) -> str:
    """``text`` single-quoted after ``lead``, its lines broken as the CLI's YAML emitter breaks
    them: at a single space inside the text (not its first or last character) once the line
    has passed column 80, the space not written; words are never moved."""
    out, column, position = [lead, "'"], len(lead) + 1, 0
    for part in re.split("( +)", text):
        if not part:
            continue
        inside = 0 < position and position + len(part) < len(text)
        if part == " " and inside and column > _WIDTH:
            out.append("\n" + " " * indent)
            column = indent
        else:
            written = part.replace("'", "''")
            out.append(written)
            column += len(written)
        position += len(part)
    return "".join(out) + "'"


def _written(lead: str, value: YamlNode, indent: int) -> str:
    """A value that fits on its key's line, after ``lead``: a scalar broken where the CLI's
    YAML emitter breaks it (a continuation line at ``indent``)."""
    text = _inline(value)
    # A string written as it is, or a timestamp, boolean or number: plain.
    if text == value or isinstance(value, (Timestamp, bool, int, float)):
        return _broken(lead, text, indent)
    if isinstance(value, str) and text.startswith("'"):
        return _single_quoted_broken(lead, value, indent)
    return lead + text


def _comment_gap(entries: tuple[YamlEntry, ...], index: int) -> str:
    """The space before entry ``index``'s comment: one space when the comment lines up with an
    earlier one, two when it is the first. The oracle looks for that earlier comment on the
    entry just before, else on the entries from the first up to (not including) the first
    whose key sorts at or after this one's (code point order)."""
    key = entries[index].key
    if index and entries[index - 1].comment:
        return " "
    earlier = ""
    for entry in entries:
        if entry.key >= key:
            break
        if entry.comment:
            earlier = " "
    return earlier or "  "


def _mapping(mapping: YamlMap, indent: int, lead: str, lines: list[str]) -> None:
    for index, entry in enumerate(mapping.entries):
        start = lead if index == 0 else " " * indent
        comment = ""
        if entry.comment:
            comment = f"{_comment_gap(mapping.entries, index)}# {entry.comment}"
        key = scalar(entry.key)
        value = entry.value
        if isinstance(value, YamlMap) and value.entries:
            lines.append(f"{start}{key}:{comment}")
            _mapping(value, indent + _INDENT, " " * (indent + _INDENT), lines)
        elif isinstance(value, list) and value:
            lines.append(f"{start}{key}:{comment}")
            _sequence(value, indent, " " * indent, lines)
        else:
            text = _inline(value)
            if not text:
                lines.append(f"{start}{key}:{comment}")
            else:
                lines.append(_written(f"{start}{key}: ", value, indent + _INDENT) + comment)


def _sequence(items: list[YamlNode], indent: int, lead: str, lines: list[str]) -> None:
    for index, item in enumerate(items):
        start = (lead if index == 0 else " " * indent) + "- "
        if isinstance(item, YamlMap) and item.entries:
            _mapping(item, indent + _INDENT, start, lines)
        elif isinstance(item, list) and item:
            _sequence(item, indent + _INDENT, start, lines)
        else:
            lines.append(_written(start, item, len(start)).rstrip(" "))


def to_yaml(document: YamlMap) -> str:
    """The skeleton as the CLI prints it, ending in a newline."""
    if not document.entries:
        return "{}\n"
    lines: list[str] = []
    _mapping(document, 0, "", lines)
    return "\n".join(lines) + "\n"
