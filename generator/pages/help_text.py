"""An operation's reference page as plain text: what the parsers print for
``python -m <package> <operation> help``.

The same content as the RST page (``content.options`` and the model's
documentation, through ``markup.text``), laid out for a terminal: the
command, its description, a synopsis, then every option with its type, whether
it is required and its description. The members a paginator's options stand
for, which the page leaves out, are listed too: the parsers accept them.
"""

import re
import textwrap

from generator.clirules.versions import CliVersion
from generator.markup.text import plain_text
from generator.model.ir import Member, Operation, Service

from .content import member_documentation, options, type_label

WIDTH = 79
_INDENT = "  "
_BODY_INDENT = "      "
_LONE_DASH = re.compile(r"^-\n+", re.MULTILINE)


def _paragraphs(html: str, indent: str) -> list[str]:
    """Model HTML (or the CLI's own text, with RST literals) as wrapped lines;
    list items keep their dash and hang under it."""
    text = plain_text(html.replace("``", ""))
    # A list item that holds paragraphs comes out as a dash on a line of its
    # own: the dash goes in front of the item's first paragraph.
    text = _LONE_DASH.sub("- ", text)
    lines: list[str] = []
    for paragraph in text.split("\n\n"):
        if lines:
            lines.append("")
        for line in paragraph.split("\n"):
            hang = "  " if line.startswith("- ") else ""
            lines.extend(
                textwrap.wrap(
                    line,
                    WIDTH,
                    initial_indent=indent,
                    subsequent_indent=indent + hang,
                    break_long_words=False,
                    break_on_hyphens=False,
                )
                or [indent.rstrip()]
            )
    return lines


def _option_block(names: tuple[str, ...], type_name: str, required: bool, documentation: str) -> list[str]:
    head = f"{_INDENT}{' | '.join(names)} ({type_name}), {'required' if required else 'optional'}"
    body = _paragraphs(documentation, _BODY_INDENT) if documentation.strip() else []
    return [head, *body]


def _hidden_members(service: Service, operation: Operation, cli: CliVersion) -> list[Member]:
    """The paginator's own members, which its paging options stand for on the page."""
    paginator = operation.paginator
    if paginator is None or operation.input is None:
        return []
    hidden = set(paginator.input_tokens) | {paginator.limit_key}
    shown = {name for option in options(service, operation, cli) for name in option.names}
    return [
        member
        for member in service.shape(operation.input).members
        if member.name in hidden and f"--{member.cli_name}" not in shown
    ]


def help_lines(service: Service, operation: Operation, cli: CliVersion) -> tuple[str, ...]:
    """The lines of ``<operation> help`` after the usage line, which names the
    package and is the parser's to write (the options as ``cli``'s pages list them)."""
    page_options = options(service, operation, cli)
    input_members = service.shape(operation.input).members if operation.input else ()
    members = {f"--{member.cli_name}": member for member in input_members}
    lines = [f"aws {service.cli_name or service.name} {operation.cli_name}", ""]
    if operation.deprecated:
        lines += ["  This operation is deprecated.", ""]
    if operation.documentation.strip():
        lines += [*_paragraphs(operation.documentation, _INDENT), ""]
    lines += ["Synopsis:", f"{_INDENT}{operation.cli_name}"]
    lines += [f"{_INDENT}{_INDENT}{option.synopsis}" for option in page_options]
    lines += ["", "Options:"]
    for option in page_options:
        member = members.get(option.names[0])
        required = member.cli_required if member is not None else option.names[0] == "outfile"
        lines += [*_option_block(option.names, option.type_name, required, option.documentation), ""]
        if option.enum:
            lines[-1:-1] = _paragraphs("Possible values: " + ", ".join(option.enum), _BODY_INDENT)
    hidden = _hidden_members(service, operation, cli)
    if hidden:
        lines += ["Paging members (the paging options above set them for you):"]
        for member in hidden:
            documentation = member_documentation(service, member)
            lines += [*_option_block((f"--{member.cli_name}",), type_label(service, member), False, documentation), ""]
    while lines and not lines[-1]:
        lines.pop()
    return tuple(lines)
