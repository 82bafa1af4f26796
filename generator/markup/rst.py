"""Model documentation (HTML) -> reStructuredText, as the AWS CLI writes it.

The AWS CLI's reference pages convert every documentation string of the model
with its own HTML-to-RST writer, whose whitespace (blank lines that keep the
current indent, a space after every inline markup) is part of the page. This
module reproduces that output, measured against the CLI by the tests, with
three deliberate differences where the CLI loses text: an end tag with
nothing open is ignored (the CLI drops the whole string), an inline end with
nothing written before it is not an error, and the space after a tag the CLI
does not know is kept before a word (the CLI glues the two words together).
Beyond the CLI, text that would start a line with ``..`` is escaped, so that
model text never becomes a directive (``.. include::``, ``.. raw::``).

botocore's own converter (``botocore.docs.bcdoc``) is not used: it is a later
rewrite that collapses whitespace and places spaces differently, so its output
differs from the CLI's pages on most strings.
"""

import functools
import re
from dataclasses import dataclass, field

from docutils.utils import punctuation_chars

from .events import CLOSE, html_events
from .validity import docutils_problems

INDENT = "  "
# ``..`` where it opens explicit markup (a directive, a target, a substitution
# definition): at a line's start, after indentation and any list, enumeration
# or field markers, which open body elements of their own.
_MARKUP_START = re.compile(
    r"[ \t]*(?:(?:[-*+\u2022\u2023\u2043]|[0-9]+[.)]|\([0-9]+\)|#[.)]|[A-Za-z][.)]|:[^:\n]*:)[ \t]+)*\.\."
)
_SURROGATE = re.compile("[\ud800-\udfff]")
# docutils' rule for what may come right before inline markup and right after it.
_MARKUP_BEFORE = rf"(?:^|(?<=\s|[{punctuation_chars.openers}{punctuation_chars.delimiters}]))"
_MARKUP_AFTER = (
    rf"(?=$|\s|[\x00{punctuation_chars.closing_delimiters}{punctuation_chars.delimiters}"
    rf"{punctuation_chars.closers}])"
)
# A simple reference as docutils reads one in text: a name (word characters
# joined by single ``-._+:``) ending in ``_`` or ``__``.
_SIMPLE_REFERENCE = re.compile(
    _MARKUP_BEFORE + r"((?:(?!_)\w)+(?:[-._+:](?:(?!_)\w)+)*)(__?)" + _MARKUP_AFTER
)
# A substitution reference (``|name|``, maybe ``|name|_``), which no page
# defines (docutils: "Undefined substitution referenced").
_SUBSTITUTION_REFERENCE = re.compile(
    _MARKUP_BEFORE + r"\|(?=[^\s|])[^|]*?(?<=[^\s|])\|(?:__?)?" + _MARKUP_AFTER
)

# The tags the CLI's writer knows; any other tag is dropped and its text kept.
_ADMONITIONS = {"note": ".. note::", "important": ".. warning::", "danger": ".. danger::"}
_INLINE = {"b": "**", "bold": "**", "i": "*", "italics": "*", "code": "``"}
_HIDDEN = frozenset({"examples", "fullname"})
_BLOCKS = frozenset({"p", "a", "li", "ul", "ol", "codeblock"})
KNOWN_TAGS = frozenset(_ADMONITIONS) | frozenset(_INLINE) | _HIDDEN | _BLOCKS


@dataclass
class _Node:
    tag: str = ""
    attrs: tuple[tuple[str, str | None], ...] = ()
    text: str | None = None
    #: Text right after a dropped (unknown) tag.
    after_unknown_tag: bool = False
    parent: "_Node | None" = None
    children: list["_Node"] = field(default_factory=list)


def _trees(html: str) -> list[_Node]:
    """The known tags and the text of ``html`` as trees. Text the parser holds
    back at the end of ``feed`` (an unfinished entity or tag) arrives on
    ``close`` and starts a new tree, as in the CLI."""
    trees = [_Node()]
    current = trees[0]
    dropped_tag = False
    for event in html_events(html):
        kind = event[0]
        if kind == "data":
            current.children.append(_Node(text=event[1], after_unknown_tag=dropped_tag, parent=current))
            dropped_tag = False
        elif kind == CLOSE:
            trees.append(_Node())
            current = trees[-1]
        else:
            tag = event[1]
            dropped_tag = tag not in KNOWN_TAGS
            if dropped_tag:
                continue
            if kind == "start":
                node = _Node(tag=tag, attrs=event[2], parent=current)
                current.children.append(node)
                current = node
            elif current.parent is not None:
                # Any known end tag closes the innermost open element, whatever its name.
                current = current.parent
    return trees


class _Writer:
    """Writes a tree the CLI's way. ``pieces`` are kept separate because
    closing inline markup and links edits the last piece written.

    ``mend``: write valid RST where the CLI's draws docutils warnings (see
    ``convert``): characters that start inline markup are escaped in text,
    space at the ends of an element's or a link's text goes outside it, an
    element of nothing but space is that space, and a list item ends with a
    blank line (text between items then stays out of the list)."""

    def __init__(self, level: int, mend: bool = False) -> None:
        self.mend = mend
        self.pieces: list[str] = []
        self.level = level
        self.list_depth = 0
        self.paragraphs = True
        self.keep = True
        self.href: str | None = None
        #: Where the open link's pieces start (its backquote).
        self.link_start = 0
        #: A link is open (its backquote written, whether or not it has an address).
        self.link_open = False
        #: Open ``code``: its text is literal (a backslash would show).
        self.literal = 0
        self.link_targets: dict[str, str] = {}
        #: Where each open admonition's pieces start.
        self.admonitions: list[int] = []
        #: Where each open inline element's opening markup is (None: not written).
        self.inlines: list[int | None] = []

    def write(self, text: str) -> None:
        if self.keep:
            self.pieces.append(text)

    def pop(self) -> str:
        return self.pieces.pop() if self.pieces else ""

    def new_paragraph(self) -> None:
        self.write("\n\n" + INDENT * self.level)

    def new_line(self) -> None:
        self.write("\n" + INDENT * self.level)

    def dedent(self) -> None:
        self.level = max(self.level - 1, 0)

    def node(self, node: _Node) -> None:
        if node.text is not None:
            self.text(node.text, node.after_unknown_tag)
            return
        if node.tag == "li":
            _strip_leading_space(node)
        self.start(node)
        for child in node.children:
            self.node(child)
        self.end(node)

    def text(self, data: str, after_unknown_tag: bool = False) -> None:
        if not data or not self.keep:
            return
        if data.isspace():
            self.write(" ")
            return
        # The CLI drops the space that starts a text; after a tag it does not
        # know, that glues two words together, so we keep it there (only
        # before a word: before punctuation the CLI's page reads fine).
        text = " ".join(data.split())
        glued = after_unknown_tag and data[0].isspace() and text[:1].isalnum()
        lead = " " if glued and not self._ends_in_space() else ""
        line = self._current_line() + lead
        if not self.literal and self.href is None:
            # ``name_`` in text is a reference to a target no page has
            # (docutils: "Unknown target name"), ``|name|`` one to a
            # substitution; the CLI writes them as they are.
            # Also in bold and italics, where inline markup that does not
            # close leaves it in plain text (servicecatalog).
            # The line's last character decides whether markup may start (sliced off after).
            before = line[-1:] or " "
            if self.mend:
                text = _INLINE_MARKUP_CHARACTER.sub(r"\\\g<0>", text)
            text = _SIMPLE_REFERENCE.sub(_escaped_reference, before + text)[1:]
            if not self.mend:
                text = _SUBSTITUTION_REFERENCE.sub(_escaped_substitution, before + text)[1:]
        opening = _MARKUP_START.match(line + text)
        if opening and opening.end() > len(line):
            # Model text must not start explicit markup (``.. include::``,
            # ``.. raw::``), also when earlier pieces of the line led up to it.
            cut = max(opening.end() - 2 - len(line), 0)
            text = text[:cut] + "\\" + text[cut:]
        self.write(lead + text + (" " if data[-1].isspace() else ""))

    def _current_line(self) -> str:
        """What the line being written holds so far (after its last newline)."""
        tail: list[str] = []
        for piece in reversed(self.pieces):
            if "\n" in piece:
                tail.append(piece.rsplit("\n", 1)[1])
                break
            tail.append(piece)
        return "".join(reversed(tail))

    def _ends_in_space(self) -> bool:
        last = next((piece for piece in reversed(self.pieces) if piece), " ")
        return last[-1].isspace()

    def start(self, node: _Node) -> None:
        tag = node.tag
        if tag in _INLINE:
            self.literal += tag == "code"
            self.inlines.append(len(self.pieces) if self.keep else None)
            self.write(_INLINE[tag])
        elif tag == "p":
            if self.paragraphs:
                self.new_paragraph()
        elif tag in _ADMONITIONS:
            self.admonitions.append(len(self.pieces))
            self.new_paragraph()
            self.write(_ADMONITIONS[tag])
            self.level += 1
            self.new_paragraph()
        elif tag == "a":
            self.start_link(node.attrs)
        elif tag == "li":
            self.new_line()
            self.paragraphs = False
            self.write("* ")
        elif tag in ("ul", "ol"):
            if self.list_depth:
                self.level += 1
            self.list_depth += 1
            self.new_paragraph()
        elif tag in _HIDDEN:
            self.keep = False
        elif tag == "codeblock":
            self.write("::")
            self.level += 1
            self.new_paragraph()

    def end(self, node: _Node) -> None:
        tag = node.tag
        if tag in _INLINE:
            self.literal -= tag == "code"
            self.end_inline(_INLINE[tag])
        elif tag == "p":
            if self.paragraphs:
                self.new_paragraph()
        elif tag in _ADMONITIONS or tag == "codeblock":
            if tag in _ADMONITIONS:
                self.drop_if_empty(self.admonitions.pop())
            self.dedent()
            self.new_paragraph()
        elif tag == "a":
            self.end_link()
        elif tag == "li":
            self.paragraphs = True
            if self.mend:
                self.new_paragraph()
            else:
                self.new_line()
        elif tag in ("ul", "ol"):
            self.list_depth -= 1
            if self.list_depth:
                self.dedent()
            self.new_paragraph()
        elif tag in _HIDDEN:
            self.keep = True

    def drop_if_empty(self, start: int) -> None:
        """An admonition with nothing in it is no valid RST (docutils: "Content
        block expected"); the CLI writes it all the same, we drop it."""
        body = self.pieces[start:]
        if self.keep and sum(1 for piece in body if not piece.isspace()) == 1:
            del self.pieces[start:]

    def end_inline(self, markup: str) -> None:
        start = self.inlines.pop()
        # Space before the closing markup would end the markup too early.
        last = self.pop().rstrip(" ")
        if last == markup:  # an empty element (<b/>) leaves nothing
            return
        self.pieces.append(last)
        if start is not None and self.keep:
            if self.mend and not "".join(self.pieces[start + 1 :]).strip(" "):
                del self.pieces[start:]  # ``<b> </b>``: the space alone
                self.write(" ")
                return
            self._space_outside(start, markup)
        self.write(markup + " ")

    def _space_outside(self, start: int, markup: str) -> None:
        """Mending: space at either end of an element's text after markup of
        its own (``<code>resolve:ssm:<i>name</i> </code>``) goes outside the
        element, where it reads the same; the CLI leaves it inside, where the
        markup then does not close (docutils: "Inline literal start-string
        without end-string")."""
        text = "".join(self.pieces[start + 1 :])
        if not self.mend or self.pieces[start] != markup or not text.strip(" "):
            return
        self._strip_end()
        self._strip_start(start)

    def _strip_end(self) -> None:
        while not self.pieces[-1] or self.pieces[-1].endswith(" "):
            self.pieces[-1] = self.pieces[-1].rstrip(" ")
            if not self.pieces[-1]:
                self.pieces.pop()

    def _strip_start(self, start: int) -> None:
        """Space that starts the text after the markup at ``start`` goes before it."""
        if not self.pieces[start + 1].startswith(" "):
            return
        while not self.pieces[start + 1].lstrip(" "):
            del self.pieces[start + 1]
        self.pieces[start + 1] = self.pieces[start + 1].lstrip(" ")
        if not "".join(self.pieces[:start])[-1:].isspace():
            self.pieces[start] = " " + self.pieces[start]

    def start_link(self, attrs: tuple[tuple[str, str | None], ...]) -> None:
        if attrs:
            for key, value in attrs:
                if key == "href":
                    self.href = _inert_href(value)
                    self.link_start = len(self.pieces)
                    self.link_open = self.keep
                    self.write("`")
        else:
            self.write(" ")

    def _link_text(self) -> str:
        return "".join(self.pieces[self.link_start + 1 :])

    def _end_link_ending_in_space(self) -> None:
        """A link whose last piece was only space. The CLI writes the address
        bare after the text and defines it as a target at the page's end,
        but as an anonymous reference (``__``), which that target does not
        serve: docutils' "Anonymous hyperlink mismatch" error wherever the
        reference takes (the text starts right after the backquote, with no
        backquote in it). There we write valid RST; elsewhere what the CLI does."""
        assert self.href is not None
        text = self._link_text()
        if text.strip() and (self.mend or (not text[0].isspace() and "`" not in text)):
            # ``<a href=x><i>Controls</i> </a>``
            del self.pieces[self.link_start + 1 :]
            self.pieces.append(_link_title(text.strip()))
            self.pieces.append(f" <{self.href}>`__")
            return
        self.pieces.append(self.href)
        self.link_targets[self.href] = self.href
        # With no text, the address is the text and the named target serves it.
        self.write("`_" if not text else "`__")

    def end_link(self) -> None:
        if self.href:
            last = self.pop().rstrip(" ")
            if self.mend and last and last != "`":
                # The whole text, without space at its ends, which would
                # keep the backquotes from opening and closing.
                text = (self._link_text() + last).strip()
                del self.pieces[self.link_start + 1 :]
                self.pieces.append(_link_title(text))
                self.pieces.append(f" <{self.href}>`__")
            elif last and last != "`":
                self.pieces.append(last.replace(":", r"\:"))
                self.pieces.append(f" <{self.href}>`__")
            elif last == "`":
                self.pieces.append(f"`<{self.href}>`__")
            else:
                self._end_link_ending_in_space()
            self.href = None
        elif self.mend and self.link_open and self.pieces[self.link_start : self.link_start + 1] == ["`"]:
            del self.pieces[self.link_start]  # ``<a href="">``: no address, no link
        self.link_open = False
        self.write(" ")


def _link_title(text: str) -> str:
    """A link's text as a phrase reference holds it: colons and backquotes escaped."""
    return text.replace(":", r"\:").replace("`", r"\`")


def _escaped_reference(match: re.Match[str]) -> str:
    return match.group(1) + "\\_" * len(match.group(2))


def _escaped_substitution(match: re.Match[str]) -> str:
    text, start = match.string, match.start()
    # No markup starts between an opening quote or bracket and its closing one (``"|"``).
    if start and punctuation_chars.match_chars(text[start - 1], text[start + 1]):
        return match.group()
    return "\\" + match.group()


def _inert_href(href: str | None) -> str | None:
    """A link address that stays inside its link: line breaks, other control
    characters and the link's own delimiters (``<``, ``>``, backquote) are
    percent-encoded. No botocore model has an address with any of them."""
    if href is None:
        return None
    # Space at either end keeps docutils from reading the address (kms:
    # "Anonymous hyperlink mismatch"); the CLI writes it as it is.
    href = href.strip()
    return _HREF_UNSAFE.sub(lambda match: "".join(f"%{byte:02X}" for byte in match.group().encode()), href)


_HREF_UNSAFE = re.compile(r"[\x00-\x1f\x7f<>`]")


def _strip_leading_space(node: _Node) -> bool:
    """Strip the leading whitespace of a list item's first text; True once
    text remains."""
    for child in node.children:
        if child.text is not None:
            child.text = child.text.lstrip()
            if child.text:
                return True
        elif _strip_leading_space(child):
            return True
    return False


@dataclass(frozen=True)
class Converted:
    text: str
    #: ``.. _name: url`` targets the CLI appends at the end of the page for
    #: links written without a title.
    link_targets: tuple[tuple[str, str], ...] = ()


# What may start inline markup in text (``*``, ``**``, backquotes, ``|``) and
# the escape character itself: escaped where the CLI's RST draws warnings.
_INLINE_MARKUP_CHARACTER = re.compile(r"[\\*`|]")


def _write(html: str, level: int, mend: bool) -> Converted:
    writer = _Writer(level, mend)
    for tree in _trees(html):
        writer.node(tree)
    return Converted("".join(writer.pieces), tuple(writer.link_targets.items()))


@functools.lru_cache(maxsize=8192)
def _cli_rst_is_invalid(html: str) -> bool:
    """Whether docutils reports errors or warnings on the CLI's RST of
    ``html`` as a page of its own (with its link targets), where mending
    would change it."""
    cli, mended = _write(html, 0, False), _write(html, 0, True)
    if mended == cli:
        return False
    targets = "".join(f"\n.. _{name}: {url}\n" for name, url in cli.link_targets)
    return bool(docutils_problems("Title\n=====\n\n" + cli.text + "\n" + targets))


@functools.lru_cache(maxsize=4096)
def convert(html: str, level: int = 0) -> Converted:
    """The RST the CLI writes for ``html`` at indent ``level`` (two spaces each).

    Cached: a page converts each text twice (its links, then its place), and
    a service's pages share most of their members' texts."""
    if not html:
        return Converted("")
    # Where docutils would warn about the CLI's RST (``sphinx-build -W`` stops
    # on a warning), we write it mended: the same words, valid markup. Every
    # other text is the CLI's, byte for byte.
    return _write(html, level, mend=_cli_rst_is_invalid(html))


def html_to_rst(html: str, level: int = 0) -> str:
    return convert(html, level).text


# Plain text (an example's title and description) as RST: well-formed
# ``literal`` spans stay literals, as the model's authors wrote them; every
# other character that could start markup is escaped.
_LITERAL_SPAN = re.compile(_MARKUP_BEFORE + r"``(?=\S)(?:(?!``).)*?(?<=\S)``" + _MARKUP_AFTER)
_TEXT_MARKUP = re.compile(r"[\\*`|_]|(?<=:):")
# What a paragraph may not start with unescaped: an enumerator, or any
# punctuation (bullets, field lists, option lists, ``..``, ``>>>``).
_BODY_START = re.compile(r"(?:[0-9]+|[A-Za-z]|[IVXLCDMivxlcdm]+|#)[.)](?:\s|$)|[^\w\\]")


def _escaped_text(text: str) -> str:
    return _TEXT_MARKUP.sub(lambda match: "\\" + match.group(), text)


def text_to_rst(text: str, paragraph: bool = True) -> str:
    """Plain text as one line of RST that reads the same: whitespace runs
    become one space; as a ``paragraph``, it cannot open a list or a block."""
    text = " ".join(text.split())
    pieces, position = [], 0
    for match in _LITERAL_SPAN.finditer(text):
        pieces += [_escaped_text(text[position : match.start()]), match.group()]
        position = match.end()
    pieces.append(_escaped_text(text[position:]))
    result = "".join(pieces)
    if paragraph and _BODY_START.match(result) and not result.startswith(("``", "\\")):
        result = "\\" + result
    return result


def encodable(text: str) -> str:
    """Text with unpaired surrogates (which UTF-8 cannot encode) replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)
