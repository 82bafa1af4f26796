"""The Examples section of an operation's page, from the model's ``examples-1``.

For each example: its title and description, the ``aws`` command line that
sends exactly the example's input, and the example's output as JSON. The
command line gives each input member as its option: a boolean as its flag,
a scalar as one word, a list of scalars as one word per item, anything
else in shorthand where the page's syntax section offers shorthand for the
option and the value can be written in it, in JSON otherwise. A value the
CLI would read as a file or an address (``file://``, ``http://`` ...) or
that breaks a line, and a member with no option of its own (or one the CLI
takes for a global option), go in ``--cli-input-json``, which the CLI reads
as it is. Where the example sets a paging member, ``--no-paginate`` makes
it one request, as the example is. Every word is quoted for a POSIX shell.
"""

import json
import re
import shlex
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from generator.clirules.options import GLOBAL_OPTION_NAMES
from generator.model.ir import Example, Operation, Service, Shape, thaw
from generator.render import to_json

from .syntax import SCALAR_TYPES, is_document_container, shorthand_lines

# Where the CLI reads the value from a file or an address instead (paramfile).
_PARAMFILE_PREFIXES = ("file://", "fileb://", "http://", "https://")
# Control characters (a policy's line breaks) would break the command's lines.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# Keys and values shorthand writes as they are; anything else is quoted or,
# where quoting cannot help (keys), written in JSON.
_SHORTHAND_KEY = re.compile(r"[A-Za-z0-9#\-./:_]+")
_SHORTHAND_BARE = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-._:/#@+]*")
_SHORTHAND_QUOTABLE = re.compile(r"[^\x00-\x1f\x7f\U00010000-\U0010ffff]*")
#: The file name the command line gives where the CLI writes the output to a file.
OUTFILE = "outfile"
#: Indent of the option lines under ``aws <service> <command> \``.
CONTINUATION = "    "


@dataclass(frozen=True)
class ExampleDoc:
    """An example as its page shows it."""

    #: ``Example 2: To delete an image`` where there are several (plain text).
    title: str
    #: Plain text, maybe with ````literal```` spans.
    description: str
    #: The command's lines: ``aws ecr batch-delete-image \`` and one per option.
    command: tuple[str, ...]
    #: The output as the CLI prints it (JSON, four-space indent); '' for none.
    output: str


class _NoShorthand(Exception):
    pass


def _shorthand_scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    if not isinstance(value, str):
        raise _NoShorthand
    if value.startswith(_PARAMFILE_PREFIXES) or not _SHORTHAND_QUOTABLE.fullmatch(value):
        raise _NoShorthand
    if _SHORTHAND_BARE.fullmatch(value):
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _shorthand_nested(value: Any) -> str:
    if isinstance(value, Mapping):
        return "{" + _shorthand_pairs(value) + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            raise _NoShorthand
        return "[" + ",".join(_shorthand_nested(item) for item in value) + "]"
    return _shorthand_scalar(value)


def _shorthand_pairs(value: Mapping[str, Any]) -> str:
    if not value:
        raise _NoShorthand
    pairs = []
    for key, item in value.items():
        if not _SHORTHAND_KEY.fullmatch(key):
            raise _NoShorthand
        pairs.append(f"{key}={_shorthand_nested(item)}")
    return ",".join(pairs)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _scalar_word(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    return str(value)


def _option_words(service: Service, shape: Shape, value: Any) -> list[str] | None:
    """The words after ``--option`` for ``value``; None where only
    ``--cli-input-json`` sends it as it is."""
    if shape.type in SCALAR_TYPES:
        if isinstance(value, (Mapping, list)):
            return None
        word = _scalar_word(value)
        return None if word.startswith(_PARAMFILE_PREFIXES) or _CONTROL.search(word) else [word]
    if is_document_container(service, shape):
        return [_json(value)]
    element = service.shape(shape.member.target) if shape.type == "list" and shape.member else None
    if element is not None and element.type in SCALAR_TYPES:
        # The CLI reads one word per item; a word that would read as an
        # option or a file, or no word at all, needs the JSON list.
        if not isinstance(value, list) or not value:
            return [_json(value)]
        words = [_scalar_word(item) for item in value]
        if any(word.startswith(("-", *_PARAMFILE_PREFIXES)) or _CONTROL.search(word) for word in words):
            return [_json(value)]
        return words
    if element is not None and len(element.members) == 1:
        # The CLI reads ``Key=value`` here as the one member's whole value
        # (its shorthand for lists of one-member structures: elb --instances).
        return [_json(value)]
    if shorthand_lines(service, shape):
        try:
            if element is not None:
                if not isinstance(value, list) or not value:
                    raise _NoShorthand
                return [_shorthand_pairs(item) if isinstance(item, Mapping) else _no() for item in value]
            if isinstance(value, Mapping):
                return [_shorthand_pairs(value)]
        except _NoShorthand:
            pass
    return [_json(value)]


def _no() -> str:
    raise _NoShorthand


def command_words(service: Service, operation: Operation, example_input: Mapping[str, Any]) -> list[list[str]]:
    """The command line as words, one list per line: ``aws``, the service and
    the command, then each option with its value words."""
    lines = [["aws", service.cli_name or service.name, operation.cli_name]]
    members = {m.name: m for m in service.shape(operation.input).members} if operation.input else {}
    paginator = operation.paginator
    paging_members = {*paginator.input_tokens, paginator.limit_key} if paginator else set()
    as_json: dict[str, Any] = {}
    for name, value in example_input.items():
        member = members.get(name)
        option = f"--{member.cli_name}" if member is not None else ""
        if member is None or any(name.startswith(option) for name in GLOBAL_OPTION_NAMES):
            # No option of its own: the CLI reads ``--version`` (eks) as its own.
            as_json[name] = value
            continue
        shape = service.shape(member.target)
        if shape.type == "boolean" and isinstance(value, bool):
            lines.append([option if value else f"--no-{member.cli_name}"])
            continue
        words = None if shape.type == "boolean" else _option_words(service, shape, value)
        if words is None:
            as_json[name] = value
            continue
        lines.append([option, *words])
    if as_json:
        lines.append(["--cli-input-json", _json(as_json)])
    if paging_members & example_input.keys():
        # One request with the example's paging values, not the CLI's
        # pagination (which reads the limit as a page size, ec2).
        lines.append(["--no-paginate"])
    if operation.streaming_output:
        # The CLI writes the output to the file its positional argument names.
        lines.append([OUTFILE])
    return lines


def command_line(words: Sequence[Sequence[str]]) -> tuple[str, ...]:
    """The lines of the command as a POSIX shell reads them: quoted words,
    each line but the last continued with a backslash."""
    texts = [" ".join(shlex.quote(word) for word in line) for line in words]
    return tuple(
        (CONTINUATION if index else "") + text + (" \\" if index < len(texts) - 1 else "")
        for index, text in enumerate(texts)
    )


def example_docs(service: Service, operation: Operation) -> Iterator[ExampleDoc]:
    several = len(operation.examples) > 1
    for number, example in enumerate(operation.examples, 1):
        yield example_doc(service, operation, example, number if several else 0)


def example_doc(service: Service, operation: Operation, example: Example, number: int = 0) -> ExampleDoc:
    """``number``: the example's among several (0: the only one)."""
    output = thaw(example.output)
    title = " ".join(example.title.split())
    if number:
        title = f"Example {number}: {title}" if title else f"Example {number}"
    return ExampleDoc(
        title=title or "Example",
        description=example.description,
        command=command_line(command_words(service, operation, thaw(example.input))),
        output=to_json(output, ensure_ascii=False) if output else "",
    )
