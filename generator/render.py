"""The one jinja2 environment, with every filter in one table.

Escaping is done here, per target language: templates pipe model text
through the filter for the file they produce and never print it raw.
"""

import json
import re
from pathlib import Path
from typing import Any

import jinja2

from generator.markup.rst import INDENT, html_to_rst, text_to_rst
from generator.python.layout import assignment
from generator.skeletons.yaml_text import to_yaml

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def to_json(value: Any, ensure_ascii: bool = True) -> str:
    """JSON the way the AWS CLI prints it: four-space indent, model order.

    Model text may hold unpaired surrogates, which UTF-8 cannot encode; they
    only occur inside JSON strings, where a ``\\udXXX`` escape keeps them.
    """
    text = json.dumps(value, indent=4, ensure_ascii=ensure_ascii)
    return _LONE_SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def python_assignment(value: Any, target: str) -> str:
    """``target = value`` laid out as black lays it out (no final newline)."""
    return assignment(target, value).rstrip("\n")


def python_string_body(value: Any) -> str:
    """Text safe inside a triple-quoted docstring: a string literal without its quotes."""
    return ascii(str(value))[1:-1].replace('"', "\\x22")


def rst_paragraph(level: int) -> str:
    """The AWS CLI's paragraph break at an indent level: blank line, then the indent."""
    return "\n\n" + INDENT * level


def rst_newline(level: int) -> str:
    return "\n" + INDENT * level


def rst_indent(level: int) -> str:
    return INDENT * level


#: What ``str.splitlines``, and so docutils, reads as a line break: an inline literal is one line.
_LINE_BREAKS = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def _escaped_line_break(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def rst_literal(text: str) -> str:
    """``text`` as an inline literal. Space at either end goes outside it, where it reads the
    same: a literal cannot start or end with space (docutils: "Inline literal start-string without
    end-string"; AWS CLI v2 writes it inside, e.g. geo-places' pattern '$|^ '). A character
    that breaks the line is written as its escape, ``\\x85``, which a pattern reads as the
    character itself (AWS CLI v2 writes it as it is: emr-serverless' ``Arn`` pattern, whose
    literal then does not close)."""
    text = _LINE_BREAKS.sub(_escaped_line_break, text)
    core = text.strip()
    if not core or core == text:
        return f"``{text}``"
    start = text.index(core)
    return f"{text[:start]}``{core}``{text[start + len(core):]}"


def rst_constraint(constraint: tuple[str, str]) -> str:
    """``min: ``2````: a constraint of the AWS CLI v2's pages, its value a literal."""
    name, value = constraint
    return f"{name}: {rst_literal(value)}"


def rst_heading(title: str, border: str) -> str:
    """A heading over- and underlined (the CLI's level-1 and level-2 style)."""
    line = border * len(title)
    return f"{line}\n{title}\n{line}"


TEMPLATE_FILTERS = {
    "json": to_json,
    # A YAML skeleton (generator.skeletons.yaml_input) as the AWS CLI v2 prints it.
    "yaml": to_yaml,
    "pyassign": python_assignment,
    "pystr_body": python_string_body,
    # Model documentation (HTML) as RST at an indent level.
    "rst": html_to_rst,
    # Plain text (an example's title and description) as RST.
    "rst_text": text_to_rst,
    "rst_literal": rst_literal,
    "rst_constraint": rst_constraint,
    "rst_heading": rst_heading,
    "para": rst_paragraph,
    "newline": rst_newline,
    "indent_of": rst_indent,
}


class Renderer:
    def __init__(self, template_dir: Path = TEMPLATE_DIR) -> None:
        self._env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(template_dir)),
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            autoescape=False,
        )
        self._env.filters.update(TEMPLATE_FILTERS)

    def render(self, template: str, **context: Any) -> str:
        return self._env.get_template(template).render(**context)
