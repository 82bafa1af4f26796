"""The AWS CLI's shorthand syntax: ``Key=value,List=[a,b],Nested={K=v}``.

A recursive-descent parser over the grammar the AWS CLI v1 accepts, written
against its observable behaviour (the tests compare the two on generated
input), followed by the pass that converts the strings it produces to the
model's scalar types.
"""

import re

from ._paramfile import LOCAL_PREFIXES, load_paramfile

# For the type checker only: annotations that use these names are strings,
# since importing typing would add about 2 ms to every command.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TypeAlias

    #: A parsed value: text (or a file's contents), or a list or mapping of values.
    Value: TypeAlias = "str | bytes | list[Value] | dict[str, Value]"

_WHITESPACE = " \t\n\r\x0b\x0c"
_KEY = re.compile(r"[A-Za-z0-9#\-./:_]*")
# A bare value starts with none of these and never holds an unescaped comma;
# "\," stands for a comma. The three kinds differ in what may follow.
_START = r"""(?:\\,|[^\x00-\x20"',=\[{\U00010000-\U0010ffff])"""
_FIRST_FOLLOW = r"""(?:\\,|[^\x00-\x08\x0e-\x1b"',\]}\U00010000-\U0010ffff])"""
_SECOND_FOLLOW = r"""(?:\\,|[^\x00-\x08\x0e-\x1b"',=\U00010000-\U0010ffff])"""
_FIRST_VALUE = re.compile(f"(?:{_START}{_FIRST_FOLLOW}*)?")
_SECOND_VALUE = re.compile(f"{_START}{_SECOND_FOLLOW}*")
_DOUBLE_QUOTED = re.compile(r'"((?:\\\\|\\"|[^"])*)"')
_SINGLE_QUOTED = re.compile(r"'((?:\\\\|\\'|[^'])*)'")
_DOUBLE_ESCAPE = re.compile(r'\\([\\"])')
_SINGLE_ESCAPE = re.compile(r"\\([\\'])")


class ShorthandError(Exception):
    """Input that is not valid shorthand; the message is AWS CLI v1's, ``v2`` v2's."""

    def __init__(self, message: str, v2: "str | None" = None) -> None:
        super().__init__(message)
        self.v2 = message if v2 is None else v2


class _Backtrack(ShorthandError):
    """A syntax error that a comma-separated list recovers from."""


def _expected(expected: str, received: str, text: str, index: int) -> _Backtrack:
    start = f"Expected: '{expected}', received: '{received}' for input:\n"
    # v1 prints this placeholder literally instead of the location; v2 the location.
    return _Backtrack(start + "{self._error_location()}", start + " " + _location(text, index))


def _location(text: str, index: int) -> str:
    """``text`` with a caret under ``index`` on the line after the one holding it."""
    consumed, rest = text, ""
    line_start = text.rfind("\n", 0, index) + 1
    line_end = text.find("\n", index)
    if line_end >= 0:
        consumed, rest = text[:line_end], text[line_end:]
    return f"{consumed}\n{' ' * (index - line_start)}^{rest}"


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def parse(self) -> "dict[str, Value]":
        result: dict[str, Value] = {}
        key_start = self.pos
        while True:
            key, value = self._keyval()
            if key in result:
                caret = " " * key_start + "^"
                raise ShorthandError(
                    f'Second instance of key "{key}" encountered for input:\n{self.text}\n{caret}\n'
                    'This is often because there is a preceding "," instead of a space.'
                )
            result[key] = value
            if self._at_end():
                return result
            self._expect(",", skip_space=True)
            # The CLI points a repeated key's error just past the comma, before
            # the blanks that follow it.
            key_start = self.text.rindex(",", 0, self.pos) + 1

    def _at_end(self) -> bool:
        return self.pos >= len(self.text)

    def _current(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else "EOF"

    def _skip_space(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos] in _WHITESPACE:
            self.pos += 1

    def _expect(self, char: str, skip_space: bool = False) -> None:
        if skip_space:
            self._skip_space()
        if self._at_end():
            raise _expected(char, "EOF", self.text, self.pos)
        if self.text[self.pos] != char:
            raise _expected(char, self.text[self.pos], self.text, self.pos)
        self.pos += 1
        if skip_space:
            self._skip_space()

    def _keyval(self, nested: bool = False) -> "tuple[str, Value]":
        key = _KEY.match(self.text, self.pos).group()  # type: ignore[union-attr]  # matches ""
        self.pos += len(key)
        self._skip_space()
        from_file = self.text.startswith("@", self.pos)
        if from_file:
            self.pos += 1
        self._expect("=", skip_space=True)
        value = self._hash_value(from_file) if nested else self._values(from_file)
        return key, value

    def _values(self, from_file: bool = False) -> "Value":
        """``from_file`` (``key@=``): each string value is read from its file as parsed."""
        if self._at_end():
            return _from_file("") if from_file else ""
        char = self.text[self.pos]
        if char == "[":
            return self._list(from_file)
        if char == "{":
            return self._hash()
        return self._csv_value(from_file)

    def _csv_value(self, from_file: bool) -> "Value":
        first = self._first_value(from_file)
        self._skip_space()
        if self._at_end() or self.text[self.pos] != ",":
            return first
        self._expect(",", skip_space=True)
        values: list[Value] = [first]
        while True:
            try:
                value = self._regex_value(_SECOND_VALUE, "<second>", from_file)
                self._skip_space()
                if self._at_end():
                    values.append(value)
                    break
                self._expect(",", skip_space=True)
                values.append(value)
            except _Backtrack:
                if self._at_end():
                    raise
                # Not another value but the next key: resume at the comma.
                while self.pos >= 0 and self.text[self.pos] != ",":
                    self.pos -= 1
                break
        return first if len(values) == 1 else values

    def _first_value(self, from_file: bool = False) -> "str | bytes":
        return self._regex_value(_FIRST_VALUE, "<first>", from_file)

    def _quoted(self) -> "str | None":
        char = self._current()
        if char == '"':
            return self._consume_quoted(_DOUBLE_QUOTED, _DOUBLE_ESCAPE, "<double quoted>")
        if char == "'":
            return self._consume_quoted(_SINGLE_QUOTED, _SINGLE_ESCAPE, "<singled quoted>")
        return None

    def _consume_quoted(
        self, pattern: "re.Pattern[str]", escape: "re.Pattern[str]", name: str
    ) -> str:
        match = pattern.match(self.text, self.pos)
        if match is None:
            raise _expected(name, "<none>", self.text, self.pos)
        self.pos = match.end()
        return escape.sub(r"\1", match.group(1))

    def _regex_value(
        self, pattern: "re.Pattern[str]", name: str, from_file: bool = False
    ) -> "str | bytes":
        value = self._quoted()
        if value is None:
            match = pattern.match(self.text, self.pos)
            if match is None:
                raise _expected(name, "<none>", self.text, self.pos)
            self.pos = match.end()
            value = match.group().replace("\\,", ",").rstrip()
        return _from_file(value) if from_file else value

    def _list(self, from_file: bool = False) -> "list[Value]":
        self._expect("[", skip_space=True)
        values: list[Value] = []
        while self._current() != "]":
            values.append(self._list_value(from_file))
            self._skip_space()
            if self._current() == "]":
                break
            self._expect(",", skip_space=True)
        self._expect("]")
        return values

    def _list_value(self, from_file: bool = False) -> "Value":
        char = self._current()
        if char == "[":
            return self._list(from_file)
        if char == "{":
            return self._hash()
        return self._first_value(from_file)

    def _hash(self) -> "dict[str, Value]":
        self._expect("{", skip_space=True)
        result: dict[str, Value] = {}
        while self._current() != "}":
            key, value = self._keyval(nested=True)
            result[key] = value
            self._skip_space()
            if self._current() == "}":
                break
            self._expect(",", skip_space=True)
        self._expect("}")
        return result

    def _hash_value(self, from_file: bool = False) -> "Value":
        if self._at_end():
            return ""
        return self._list_value(from_file)


def _from_file(value: str) -> "str | bytes":
    """``key@=file://path``: the file's contents in place of a string value."""
    loaded = load_paramfile(value, LOCAL_PREFIXES)
    return value if loaded is None else loaded


def parse_shorthand(text: str) -> "dict[str, Value]":
    """``Key=value,...`` -> a dict of strings, lists and dicts."""
    return _Parser(text).parse()
