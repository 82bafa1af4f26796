"""One documentation string as a page, and the page check's verdict on it."""

from generator.markup.rst import INDENT, convert
from generator.pages.check import check_rst


def page_problems(text: str) -> list[str]:
    """The page check's complaint about a page of ``text`` (none: empty)."""
    try:
        check_rst("page.rst", ("Title\n=====\n\n" + text + "\n").encode("utf-8"))
    except ValueError as exc:
        return [str(exc)]
    return []


def as_document(html: str, level: int = 0) -> str:
    """Our RST of ``html`` with the link targets its page defines at the end."""
    converted = convert(html, level)
    text = converted.text
    if converted.link_targets:
        text += "\n\n" + INDENT * level
        text += "".join(f"{INDENT * level}.. _{name}: {url}\n" for name, url in converted.link_targets)
    return text
