"""The AWS CLI's reference pages (html target) as a test oracle, in-process.

``awscli_page`` renders the page the CLI's doc build renders for a service or
an operation; ``normalise`` removes what does not come from the service model:
the ``.. meta::`` block, the global options (their Synopsis lines and the
"Global Options" section) and the "Examples" section.
"""

import contextlib
import os
import re
from collections.abc import Iterator
from unittest import mock

from .oracle import ORACLE_ENV, _shared_loader


@contextlib.contextmanager
def _oracle_environment() -> Iterator[None]:
    with mock.patch.dict(os.environ, ORACLE_ENV), mock.patch("botocore.session.create_loader", _shared_loader):
        yield


def awscli_page(service: str, operation: str | None = None) -> str:
    """The html-target RST of ``aws <service> [<operation>] help``, unnormalised."""
    from awscli.bcdoc import docevents
    from awscli.clidriver import create_clidriver

    with _oracle_environment():
        driver = create_clidriver()
        command = driver._get_command_table()[service]
        if operation is not None:
            command = command._get_command_table()[operation]
        help_command = command.create_help_command()
        help_command.doc.target = "html"
        handler = help_command.EventHandlerClass(help_command)
        try:
            docevents.generate_events(driver.session, help_command)
        finally:
            handler.unregister()
        return help_command.doc.getvalue().decode("utf-8")


def awscli_doc_string(html: str, indent: int = 0) -> str:
    """What the CLI's bcdoc writes for one model documentation string."""
    from awscli.bcdoc.restdoc import ReSTDocument

    document = ReSTDocument(target="html")
    for _ in range(indent):
        document.style.indent()
    document.include_doc_string(html)
    return document.getvalue().decode("utf-8")


def _global_synopsis_lines() -> set[str]:
    from awscli.clidocs import GLOBAL_OPTIONS_SYNOPSIS_FILE

    with open(GLOBAL_OPTIONS_SYNOPSIS_FILE, encoding="utf-8") as synopsis:
        return {line.strip() for line in synopsis if line.strip()}


_H2 = re.compile(r"^(=+)\n(.+)\n\1\n", re.MULTILINE)


def _without_section(page: str, title: str) -> str:
    """Remove a level-2 section: from its heading to the next heading."""
    headings = list(_H2.finditer(page))
    for index, heading in enumerate(headings):
        if heading.group(2) == title:
            end = headings[index + 1].start() if index + 1 < len(headings) else len(page)
            return page[: heading.start()] + page[end:]
    return page


def normalise(page: str) -> str:
    page = re.sub(r"\.\. meta::\n   :description: [^\n]*\n\n", "", page, count=1)
    globals_ = _global_synopsis_lines()
    # Global options in the Synopsis are written at the code block's indent.
    page = "".join(
        line for line in page.splitlines(keepends=True) if not (line.startswith("  [--") and line.strip() in globals_)
    )
    for title in ("Global Options", "Examples"):
        page = _without_section(page, title)
    return page
