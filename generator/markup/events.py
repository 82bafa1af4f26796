"""Model documentation (HTML) read once into Python's ``html.parser`` events.

Each text is converted three ways (RST for pages, plain text and Markdown for
schemas), and the same texts recur across a service's shapes; parsing is
most of what converting costs, so each text is parsed once and its events are
replayed to every converter.
"""

import functools
from html.parser import HTMLParser
from typing import Any

from generator.errors import InputError

#: ``("start", tag, attrs)``, ``("end", tag)``, ``("data", text)``, and
#: ``(CLOSE,)`` where the parser's ``close`` begins: text it held back at the
#: end of ``feed`` (an unfinished entity or tag) comes after that mark.
Event = tuple[Any, ...]
CLOSE = "close"


class _Recorder(HTMLParser):
    """The converters' view of the parser (entities decoded; ``<br/>`` is a
    start and an end; comments and declarations ignored)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[Event] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(("start", tag, tuple(attrs)))

    def handle_endtag(self, tag: str) -> None:
        self.events.append(("end", tag))

    def handle_data(self, data: str) -> None:
        self.events.append(("data", data))


@functools.lru_cache(maxsize=8192)
def html_events(html: str) -> tuple[Event, ...]:
    recorder = _Recorder()
    try:
        recorder.feed(html)
        recorder.events.append((CLOSE,))
        recorder.close()
    except AssertionError as exc:  # html.parser's verdict on markup it cannot read
        raise InputError(
            f"model documentation that Python's HTML parser cannot read ({exc}): {html[:80]!r}"
        ) from None
    return tuple(recorder.events)
