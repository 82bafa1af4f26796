"""The model's HTML documentation as plain text and as Markdown (for editors'
hovers: ``description`` and ``markdownDescription``), and as the one-sentence overview the
AWS CLI v2 puts in its YAML skeleton's comments (``first_sentence``)."""

import functools
import re
import xml.parsers.expat

from .events import html_events

_BLOCKS = frozenset({"p", "ul", "ol", "note", "important", "div", "br", "dl", "dt", "dd", "li", "h1", "h2", "h3"})
# Markdown characters that would otherwise start formatting in model text.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


class _Converter:
    def __init__(self, markdown: bool) -> None:
        self.markdown = markdown
        self.parts: list[str] = []
        self.links: list[str] = []
        self.in_code = 0

    def handle_starttag(self, tag: str, attrs: tuple[tuple[str, str | None], ...]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n\n" if tag != "li" else "\n")
        if tag == "li":
            self.parts.append("- ")
        if not self.markdown:
            return
        if tag == "code":
            self.in_code += 1
            self.parts.append("`")
        elif tag in ("b", "strong"):
            self.parts.append("**")
        elif tag in ("i", "em"):
            self.parts.append("*")
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            self.links.append(href)
            self.parts.append("[" if href.startswith(("http://", "https://")) else "")
        elif tag in ("note", "important"):
            self.parts.append("**Note:** " if tag == "note" else "**Important:** ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n\n" if tag != "li" else "\n")
        if not self.markdown:
            return
        if tag == "code" and self.in_code:
            self.in_code -= 1
            self.parts.append("`")
        elif tag in ("b", "strong"):
            self.parts.append("**")
        elif tag in ("i", "em"):
            self.parts.append("*")
        elif tag == "a" and self.links:
            href = self.links.pop()
            if href.startswith(("http://", "https://")):
                self.parts.append(f"]({href.replace(')', '%29').replace(' ', '%20')})")

    def handle_data(self, data: str) -> None:
        text = re.sub(r"\s+", " ", data)
        if self.markdown and self.in_code:
            text = text.replace("`", "'")
        elif self.markdown:
            text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
        self.parts.append(text)


@functools.lru_cache(maxsize=4096)
def _convert(source: str, markdown: bool) -> str:
    """Cached: shapes of a service share their members' texts."""
    converter = _Converter(markdown)
    for event in html_events(source):
        if event[0] == "start":
            converter.handle_starttag(event[1], event[2])
        elif event[0] == "end":
            converter.handle_endtag(event[1])
        elif event[0] == "data":
            converter.handle_data(event[1])
    text = "".join(converter.parts)
    blocks = []
    for paragraph in re.split(r"\n\s*\n", text):
        lines = [" ".join(line.split()) for line in paragraph.split("\n")]
        joined = "\n".join(line for line in lines if line)
        if joined:
            blocks.append(joined)
    return "\n\n".join(blocks)


def plain_text(source: str) -> str:
    """Tags dropped, entities decoded, whitespace collapsed, paragraphs kept."""
    return _convert(source, markdown=False)


def markdown(source: str) -> str:
    """``<code>``, ``<b>``, ``<i>``, links, lists and notes as Markdown."""
    return _convert(source, markdown=True)


def _xml_text(source: str) -> str:
    """The text of the documentation read as XML (inside one root element): its character
    data, without comments, processing instructions or CDATA sections; the source as it is
    when it is not well-formed XML (an HTML entity such as ``&nbsp;`` makes it so)."""
    parser = xml.parsers.expat.ParserCreate()
    parts: list[str] = []
    in_cdata = False

    def start_cdata() -> None:
        nonlocal in_cdata
        in_cdata = True

    def end_cdata() -> None:
        nonlocal in_cdata
        in_cdata = False

    def data(text: str) -> None:
        if not in_cdata:
            parts.append(text)

    parser.StartCdataSectionHandler = start_cdata
    parser.EndCdataSectionHandler = end_cdata
    parser.CharacterDataHandler = data
    try:
        parser.Parse(f"<doc>{source}</doc>", True)
    except xml.parsers.expat.ExpatError:
        return source
    return "".join(parts)


_SENTENCE_END = re.compile(r"[.:]+")


@functools.lru_cache(maxsize=4096)
def first_sentence(source: str) -> str:
    """The AWS CLI v2's one-line overview of a documentation string (its YAML skeleton's
    comments): the XML text up to the first run of ``.`` or ``:``, ended with ``.``; line
    breaks (``\\n``, U+2028) become spaces. Nothing else is trimmed or collapsed."""
    text = _SENTENCE_END.split(_xml_text(source), maxsplit=1)[0]
    if text:
        text += "."
    return text.replace("\n", " ").replace("\u2028", " ")
