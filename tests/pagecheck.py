"""Research stand-in (to be replaced by the page check itself): docutils' problems with a page, warnings counted."""

from docutils import nodes

from generator import rstcheck
from generator.htmlrst import INDENT, convert


def page_problems(text: str) -> list[str]:
    publisher = rstcheck._publisher()
    publisher.set_source("Title\n=====\n\n" + text + "\n", "page.rst")
    publisher.set_destination()
    publisher.publish()
    document = publisher.document
    messages = [*document.findall(nodes.system_message), *document.transform_messages]
    return [f"line {m.get('line', '?')}: {m.astext()}" for m in messages if m["level"] >= 2]


def as_document(html: str, level: int = 0) -> str:
    converted = convert(html, level)
    text = converted.text
    if converted.link_targets:
        text += "\n\n" + INDENT * level
        text += "".join(f"{INDENT * level}.. _{name}: {url}\n" for name, url in converted.link_targets)
    return text
