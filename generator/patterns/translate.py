"""Model patterns (ECMA-262 regular expressions) -> one pattern text that
Python's ``re`` and JavaScript's ``RegExp(..., "u")`` both accept with the
same meaning.

The model's pattern is parsed as ECMA-262 with the ``u`` flag's code-point
view (``\\uD83D\\uDE00`` is one code point, ``\\p{L}`` is a Unicode
category) plus the web-compatible identity escapes of punctuation
(``\\-``, ``\\_``, ``\\:`` are the literal character), and with Java-style
inline flags (``(?i)``, ``(?s)``, ``(?m)``) applied to the rest of their
group. It is then written back in a small dialect both engines read alike:

* character classes are explicit code-point ranges: ``\\d``, ``\\w`` become
  ASCII ranges (Python's are Unicode-wide), ``\\s`` JavaScript's white-space
  list, ``\\p{..}`` the category's ranges (from Python's Unicode database),
  case-insensitivity the case closure of each class;
* ``.`` is "not a line terminator" as JavaScript has it, ``$`` is "end of
  input" (Python's ``$`` also matches before a final newline), ``\\b`` uses
  ASCII word characters;
* BMP code points outside ASCII letters and digits are ``\\uXXXX``, others
  the character itself (Python has no ``\\u{...}``, JavaScript no ``\\U``).

What cannot be carried over faithfully (Java-only escapes such as ``\\A`` or
``\\p{Print}``, flags other than ``i``/``s``/``m``, a lookbehind Python
cannot run) is an ``Untranslatable`` with the reason; callers leave that
pattern out and list it.
"""

import re
import sys
import unicodedata
import warnings
from dataclasses import dataclass

from .charsets import (
    CLASS_ESCAPES,
    CONTROL_ESCAPES,
    LINE_TERMINATORS,
    MAX_CODE_POINT,
    WORD,
    Ranges,
    Untranslatable,
    case_closure,
    complement,
    normalize,
    single,
    unicode_property,
)


_CODE_POINT = re.compile(r"\\u\{([0-9a-fA-F]{1,6})\}|\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})|\\x\{([0-9a-fA-F]{1,6})\}")


def _least(quantifier: str) -> int:
    """The fewest repeats a quantifier allows."""
    if quantifier[0] in "*?":
        return 0
    return 1 if quantifier[0] == "+" else int(re.compile(r"\{(\d+)").match(quantifier).group(1))  # type: ignore[union-attr]


@dataclass(frozen=True)
class Translation:
    source: str
    #: The pattern to emit, or None when it is left out.
    pattern: str | None
    #: Why it was left out ("" when translated).
    reason: str = ""
    #: How a pattern that could backtrack slowly was made safe ("" if it was not).
    bounded: str = ""


@dataclass(frozen=True)
class _Flags:
    ignore_case: bool = False
    dot_all: bool = False
    multiline: bool = False


class _Parser:
    """Recursive descent over the model's pattern text, emitting as it goes."""

    def __init__(self, source: str) -> None:
        self.text = source
        self.pos = 0
        self.groups = 0

    def fail(self, why: str) -> Untranslatable:
        return Untranslatable(f"{why} (at offset {self.pos})")

    def peek(self, ahead: int = 0) -> str:
        index = self.pos + ahead
        return self.text[index] if index < len(self.text) else ""

    def parse(self) -> str:
        out = self.disjunction(_Flags())
        if self.pos != len(self.text):
            raise self.fail(f"unbalanced {self.peek()!r}")
        return out

    def disjunction(self, flags: _Flags) -> str:
        parts = [self.alternative(flags)]
        while self.peek() == "|":
            self.pos += 1
            parts.append(self.alternative(flags))
        return "|".join(parts)

    def alternative(self, flags: _Flags) -> str:
        out: list[str] = []
        while self.peek() not in ("", "|", ")"):
            if self.text.startswith("(?", self.pos) and self.peek(2) in ("i", "s", "m", "-", "x", "u", "U", "d"):
                flags = self.inline_flags(flags)
                continue
            self.last_set: Ranges | None = None
            atom, quantifiable = self.atom(flags)
            ranges = self.last_set
            quantifier = self.quantifier()
            if quantifier and not quantifiable:
                # Java repeats an assertion as itself: at least once is the
                # assertion, at most zero times nothing (ECMA-262 rejects both).
                atom, quantifier = (atom if _least(quantifier) else ""), ""
            elif quantifier and self.peek() == "+":
                self.pos += 1
                atom, quantifier = self.possessive(atom, quantifier, ranges), ""
            while quantifier and re.compile(r"\{\d+(,\d*)?\}").match(self.text, self.pos):
                # Java quantifies a quantified atom again: X{11}{0,3} is (?:X{11}){0,3}.
                atom, quantifier = f"(?:{atom}{quantifier})", self.quantifier()
            out.append(atom + quantifier)
        return "".join(out)

    def possessive(self, atom: str, quantifier: str, ranges: "Ranges | None") -> str:
        """Java's possessive quantifier (``X*+``: as many as there are, never
        fewer), spelled out for a set: the repeat, then not another one."""
        if ranges is None:
            raise self.fail("a possessive quantifier on a group")
        low = _least(quantifier)
        match = re.fullmatch(r"\{\d+(,(\d*))?\}", quantifier)
        if quantifier == "?":
            return f"(?:{atom}|(?!{atom}))"
        if match and match.group(1) is None:
            return atom + quantifier  # an exact count has nothing to give back
        if match and match.group(2):
            high = int(match.group(2))
            if high == low:
                return atom + "{%d}" % low
            return f"(?:{atom}{{{high}}}|{atom}{{{low},{high - 1}}}(?!{atom}))"
        return f"{atom}{quantifier}(?!{atom})"

    def inline_flags(self, flags: _Flags) -> _Flags:
        end = self.text.find(")", self.pos)
        match = re.fullmatch(r"\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?\)", self.text[self.pos : end + 1]) if end > 0 else None
        if match is None:
            raise self.fail("a scoped inline-flag group")
        on, off = match.group(1), match.group(2) or ""
        if set(on + off) - set("ism"):
            raise self.fail(f"inline flags {match.group(0)!r}: only i, s and m have an ECMA-262 meaning")
        self.pos = end + 1
        values = {"i": flags.ignore_case, "s": flags.dot_all, "m": flags.multiline}
        values.update({flag: True for flag in on})
        values.update({flag: False for flag in off})
        return _Flags(ignore_case=values["i"], dot_all=values["s"], multiline=values["m"])

    def quantifier(self) -> str:
        char = self.peek()
        if char in ("*", "+", "?"):
            self.pos += 1
        elif char == "{":
            match = re.compile(r"\{(\d+)(,(\d*))?\}").match(self.text, self.pos)
            if match is None:
                return ""  # a literal brace (web-compatible syntax); the atom reads it
            low, high = int(match.group(1)), match.group(3)
            if high and int(high) < low:
                raise self.fail("a quantifier range out of order")
            self.pos = match.end()
            char = "{%d%s}" % (low, "," + high if match.group(2) is not None else "")
        else:
            return ""
        if self.peek() == "?":
            self.pos += 1
            char += "?"
        return char

    def atom(self, flags: _Flags) -> tuple[str, bool]:
        char = self.peek()
        if char == "(":
            text = self.group(flags)
            self.last_set = None  # what the group read inside is not the atom
            # ECMA-262 with the u flag quantifies no lookaround.
            return text, not text.startswith(("(?=", "(?!", "(?<"))
        if char == "^":
            self.pos += 1
            return ("(?<![^\\n\\r\\u2028\\u2029])" if flags.multiline else "^"), False
        if char == "$":
            self.pos += 1
            return ("(?![^\\n\\r\\u2028\\u2029])" if flags.multiline else "(?![\\s\\S])"), False
        if char == ".":
            self.pos += 1
            ranges = ((0, MAX_CODE_POINT),) if flags.dot_all else complement(LINE_TERMINATORS)
            return self.emit_set(ranges), True
        if char == "[":
            return self.emit_set(self.char_class(flags)), True
        if char in ("*", "+", "?"):
            raise self.fail("nothing to repeat")
        if char == "{" and re.compile(r"\{\d+(,\d*)?\}").match(self.text, self.pos):
            raise self.fail("nothing to repeat")
        if char == "\\":
            return self.escape(flags)
        self.pos += 1
        return self.emit_set(self.fold(((ord(char), ord(char)),), flags)), True

    def emit_set(self, ranges: Ranges) -> str:
        """A set's text, noted as the atom just read (for a possessive quantifier)."""
        self.last_set = ranges
        return _emit_set(ranges)

    def fold(self, ranges: Ranges, flags: _Flags) -> Ranges:
        return case_closure(ranges) if flags.ignore_case else ranges

    def group(self, flags: _Flags) -> str:
        self.pos += 1
        prefixes = (("?:", "(?:"), ("?=", "(?="), ("?!", "(?!"), ("?<=", "(?<="), ("?<!", "(?<!"))
        opening = None
        for prefix, emitted in prefixes:
            if self.text.startswith(prefix, self.pos):
                self.pos += len(prefix)
                opening = emitted
                break
        if opening is None:
            if self.peek() == "?":
                raise self.fail("named groups and other group kinds are not translated")
            self.groups += 1
            opening = "("
        inner = self.disjunction(flags)
        if self.peek() != ")":
            raise self.fail("an unclosed group")
        self.pos += 1
        return opening + inner + ")"

    def code_point_escape(self) -> int | None:
        """``\\uXXXX`` (a surrogate pair of them is one code point), ``\\u{...}``,
        ``\\xHH``, Java's ``\\x{...}``; None when the text here is none of these."""
        match = _CODE_POINT.match(self.text, self.pos)
        if match is None:
            return None
        self.pos = match.end()
        value = int(next(group for group in match.groups() if group is not None), 16)
        if value > MAX_CODE_POINT:
            raise self.fail("a code point beyond U+10FFFF")
        if match.group(2) and 0xD800 <= value <= 0xDBFF:
            low = re.compile(r"\\u(d[c-f][0-9a-f]{2})", re.IGNORECASE).match(self.text, self.pos)
            if low:
                self.pos = low.end()
                value = 0x10000 + ((value - 0xD800) << 10) + (int(low.group(1), 16) - 0xDC00)
        return value

    def escape(self, flags: _Flags) -> tuple[str, bool]:
        """An escape outside a class: an assertion, a back-reference or a set."""
        letter = self.peek(1)
        if letter in ("b", "B"):
            self.pos += 2
            word = _emit_set(self.fold(WORD, flags))
            if letter == "b":
                return f"(?:(?<={word})(?!{word})|(?<!{word})(?={word}))", False
            return f"(?:(?<={word})(?={word})|(?<!{word})(?!{word}))", False
        if letter.isdigit() and letter != "0":
            match = re.compile(r"\\(\d+)").match(self.text, self.pos)
            assert match is not None
            self.pos = match.end()
            return f"(?:\\{int(match.group(1))})", True
        if letter == "A":
            self.pos += 2
            return "^", False  # Java: the start of input, whatever the flags
        if letter == "z":
            self.pos += 2
            return "(?![\\s\\S])", False  # Java: the end of input
        return self.emit_set(self.class_atom_escape(flags, in_class=False)), True

    def class_atom_escape(self, flags: _Flags, in_class: bool) -> Ranges:
        value = self.code_point_escape()
        if value is not None:
            return self.fold(((value, value),), flags)
        letter = self.peek(1)
        if not letter:
            raise self.fail("a trailing backslash")
        lower = letter.lower()
        if lower in CLASS_ESCAPES:
            self.pos += 2
            ranges = self.fold(CLASS_ESCAPES[lower], flags) if lower == "w" else CLASS_ESCAPES[lower]
            return complement(ranges) if letter.isupper() else ranges
        if lower == "p":
            match = re.compile(r"\\[pP]\{([A-Za-z_=]+)\}").match(self.text, self.pos)
            if match is None:
                raise self.fail("\\p without a {property}")
            self.pos = match.end()
            ranges = self.fold(unicode_property(match.group(1)), flags)
            return complement(ranges) if letter == "P" else ranges
        if letter in CONTROL_ESCAPES:
            self.pos += 2
            return ((CONTROL_ESCAPES[letter],) * 2,)
        octal = re.compile(r"\\0([0-3][0-7]{2}|[0-7]{1,2})").match(self.text, self.pos)
        if octal:
            # Java's octal escape (\0n, \0nn, \0mnn); ECMA-262 has no \0 before a digit.
            self.pos = octal.end()
            value = int(octal.group(1), 8)
            return self.fold(((value, value),), flags)
        if letter == "0" and not self.peek(2).isdigit():
            self.pos += 2
            return ((0, 0),)
        if letter == "c" and self.peek(2).isascii() and self.peek(2).isalpha():
            self.pos += 3
            value = ord(self.peek(-1)) % 32
            return ((value, value),)
        if in_class and letter == "b":
            self.pos += 2
            return ((0x08, 0x08),)
        if letter.isalnum():
            raise self.fail(f"\\{letter} is not an ECMA-262 escape (Java or PCRE syntax)")
        # A punctuation identity escape: the character itself.
        self.pos += 2
        return self.fold(((ord(letter), ord(letter)),), flags)

    def char_class(self, flags: _Flags) -> Ranges:
        self.pos += 1
        negated = self.peek() == "^"
        if negated:
            self.pos += 1
        ranges: list[tuple[int, int]] = []
        while self.peek() != "]":
            if not self.peek():
                raise self.fail("an unclosed character class")
            if self.text.startswith("&&[", self.pos) and not negated:
                # Java's class intersection, [A&&[B]] (ECMA-262 reads "&&" as
                # two ampersands, which no model means in a class).
                self.pos += 2
                right = self.char_class(flags)
                ranges = list(complement(normalize(list(complement(normalize(ranges))) + list(complement(right)))))
                continue
            low = self.class_atom(flags)
            if self.peek() == "-" and self.peek(1) not in ("]", ""):
                self.pos += 1
                high = self.class_atom(flags)
                if not (single(low) and single(high)):
                    # Web-compatible syntax: a class escape at either end makes
                    # the hyphen a literal, as in ``[\\w-.]``.
                    ranges.extend(low + ((0x2D, 0x2D),) + high)
                    continue
                if high[0][0] < low[0][0]:
                    raise self.fail("a character range out of order")
                ranges.extend(self.fold(((low[0][0], high[0][0]),), flags))
            else:
                ranges.extend(low)
        self.pos += 1
        result = normalize(ranges)
        return complement(result) if negated else result

    def class_atom(self, flags: _Flags) -> Ranges:
        if self.peek() == "\\":
            return self.class_atom_escape(flags, in_class=True)
        char = self.peek()
        self.pos += 1
        return self.fold(((ord(char), ord(char)),), flags)


# --- emitting -------------------------------------------------------------------------

_SYNTAX = frozenset("^$\\.*+?()[]{}|/")
# Printable characters that mean themselves in both engines; in a class, not
# those Python reads as set operators when doubled.
_SAFE_IN_CLASS = frozenset(" !\"#%',:;<=>@")
_SAFE_OUTSIDE = _SAFE_IN_CLASS | frozenset("-&~")


def _emit_char(cp: int, in_class: bool = False) -> str:
    char = chr(cp)
    if char.isascii() and char.isalnum() or char == "_":
        return char
    if char in (_SAFE_IN_CLASS if in_class else _SAFE_OUTSIDE):
        return char
    if char in _SYNTAX or (in_class and char == "-"):
        return "\\" + char
    if cp >= 0x10000:
        return char
    return f"\\u{cp:04X}"


def _emit_set(ranges: Ranges) -> str:
    if not ranges:
        return "(?!)"
    if len(ranges) == 1 and ranges[0][0] == ranges[0][1] and not 0xD800 <= ranges[0][0] <= 0xDFFF:
        return _emit_char(ranges[0][0])
    # A high surrogate written just before a low one would read as a pair in
    # JavaScript: ranges that start with a low surrogate go first.
    ordered = sorted(ranges, key=lambda r: (not 0xDC00 <= r[0] <= 0xDFFF, r))
    items = [
        _emit_char(lo, True) if lo == hi else f"{_emit_char(lo, True)}-{_emit_char(hi, True)}" for lo, hi in ordered
    ]
    return "[" + "".join(items) + "]"


def translate(source: str) -> Translation:
    try:
        pattern = _Parser(source).parse()
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            re.compile(pattern)
    except Untranslatable as exc:
        return Translation(source, None, str(exc))
    except (re.error, FutureWarning, RecursionError) as exc:
        return Translation(source, None, f"Python's re cannot run it: {exc}")
    return Translation(source, pattern)


UNICODE_VERSION = unicodedata.unidata_version
PYTHON_VERSION = "%d.%d" % sys.version_info[:2]
