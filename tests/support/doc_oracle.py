"""The AWS CLI's reference pages (html target) as a test oracle, in-process.

``awscli_page`` renders the page the CLI's doc build renders for a service, an
operation, the ``wait`` command or a waiter; ``awscli_service_commands`` tells
which commands of a service the CLI has; ``normalise`` removes what does not
come from the service model: the ``.. meta::`` block, the global options
(their Synopsis lines and the "Global Options" section) and the "Examples"
section.
"""

import contextlib
import difflib
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol
from unittest import mock

import pytest

from generator.model.ir import Service
from generator.pages.check import check_rst

from .oracle import ORACLE_ENV, _awscli_data_dir, cheap_drivers


@contextlib.contextmanager
def _oracle_environment(data_paths: Sequence[str] = ()) -> Iterator[None]:
    """``data_paths``: extra model folders (AWS_DATA_PATH), before the CLI's own."""
    env = dict(ORACLE_ENV)
    if data_paths:
        # Set AWS_DATA_PATH whole: awscli adds its own data folder to it at import.
        env["AWS_DATA_PATH"] = os.pathsep.join([*data_paths, _awscli_data_dir()])
    with (
        mock.patch.dict(os.environ, env),
        cheap_drivers(),
    ):
        yield


def _command(driver: Any, path: tuple[str, ...]) -> Any:
    """The CLI's command object for ``aws <path...>``."""
    command = driver._get_command_table()[path[0]]
    for name in path[1:]:
        # A service command builds its table on demand; ``wait`` has a subcommand table.
        table = command._get_command_table() if hasattr(command, "_get_command_table") else None
        command = (table if table is not None else command.subcommand_table)[name]
    return command


def awscli_page(service: str, *subcommands: str, data_paths: Sequence[str] = ()) -> str:
    """The html-target RST of ``aws <service> [<subcommand>...] help``, unnormalised."""
    from awscli.bcdoc import docevents
    from awscli.clidriver import create_clidriver

    with _oracle_environment(data_paths):
        driver = create_clidriver()
        help_command = _command(driver, (service, *subcommands)).create_help_command()
        help_command.doc.target = "html"
        handler = help_command.EventHandlerClass(help_command)
        try:
            docevents.generate_events(driver.session, help_command)
        finally:
            handler.unregister()
        page: str = help_command.doc.getvalue().decode("utf-8")
        return page


@dataclass(frozen=True)
class ServiceCommands:
    """What the CLI's command table of a service holds besides model operations."""

    #: Documented commands (the service page lists them), by name.
    documented: tuple[str, ...]
    #: The CLI's ``wait`` command (built from the waiter model), if any.
    has_wait: bool
    #: The ``wait`` command's subcommands.
    waiters: tuple[str, ...]


def awscli_service_commands(service: str, data_paths: Sequence[str] = ()) -> ServiceCommands:
    from awscli.clidriver import create_clidriver
    from awscli.customizations.waiters import WaitCommand

    with _oracle_environment(data_paths):
        table = _command(create_clidriver(), (service,))._get_command_table()
        wait = table.get("wait")
        has_wait = isinstance(wait, WaitCommand)
        # The CLI's doc build skips commands marked undocumented (deprecated operations).
        documented = (name for name, command in table.items() if not hasattr(command, "_UNDOCUMENTED"))
        return ServiceCommands(
            documented=tuple(sorted(documented)),
            has_wait=has_wait,
            waiters=tuple(sorted(wait.subcommand_table)) if has_wait else (),
        )


def awscli_doc_string(html: str, indent: int = 0) -> str:
    """What the CLI's bcdoc writes for one model documentation string."""
    from awscli.bcdoc.restdoc import ReSTDocument

    document = ReSTDocument(target="html")
    for _ in range(indent):
        document.style.indent()
    document.include_doc_string(html)
    text: str = document.getvalue().decode("utf-8")
    return text


def _global_synopsis_block() -> str:
    """The global options' Synopsis lines, one run at the code block's indent,
    as the CLI writes them after the command's own options. (Removed as one
    run: a command option can print as a global one does, ``[--version <value>]``.)"""
    from awscli.clidocs import GLOBAL_OPTIONS_SYNOPSIS_FILE

    with open(GLOBAL_OPTIONS_SYNOPSIS_FILE, encoding="utf-8") as synopsis:
        return "".join(f"  {line.strip()}\n" for line in synopsis if line.strip())


_H2 = re.compile(r"^(=+)\n(.+)\n\1\n", re.MULTILINE)
# The CLI starts every heading with a paragraph break; it belongs to the heading.
_HEADING_BREAK = "\n\n"


def _without_section(page: str, title: str) -> str:
    """Remove a level-2 section: from the break before its heading to the break
    before the next heading (or the page's end)."""
    headings = list(_H2.finditer(page))
    for index, heading in enumerate(headings):
        if heading.group(2) == title:
            assert all(page[h.start() - len(_HEADING_BREAK) : h.start()] == _HEADING_BREAK for h in headings)
            end = (
                headings[index + 1].start() if index + 1 < len(headings) else len(page) + len(_HEADING_BREAK)
            )
            return page[: heading.start() - len(_HEADING_BREAK)] + page[end - len(_HEADING_BREAK) :]
    return page


def normalise(page: str, global_synopsis: str | None = None) -> str:
    """``global_synopsis``: the global options' Synopsis lines (``_global_synopsis_block``
    of the CLI that rendered the page; v1's by default)."""
    # The meta block goes with the blank lines after it: breadcrumbs, one blank
    # line, the label, as pages were before the CLI added the block.
    page = re.sub(r"\.\. meta::\n   :description: [^\n]*\n\n+", "", page, count=1)
    page = page.replace(_global_synopsis_block() if global_synopsis is None else global_synopsis, "", 1)
    for title in ("Global Options", "Examples"):
        page = _without_section(page, title)
    return page


def assert_cli_page_invalid_ours_valid(theirs: str, ours: str, name: str) -> None:
    """A page may differ from the CLI's only where docutils finds errors or
    warnings in the CLI's (a reference to a target nowhere defined, inline
    markup that never closes), and ours has none; the differing lines are
    few and read the same, markup aside (a link the CLI defines as a target
    at the page's end, ours in place)."""
    with pytest.raises(ValueError):
        check_rst(name, theirs.encode("utf-8"))
    check_rst(name, ours.encode("utf-8"))

    def lines(page: str) -> list[str]:
        return [line for line in page.splitlines() if not re.match(r"\s*\.\. _https?:", line)]

    def words(page_lines: list[str]) -> list[str]:
        return re.findall(r"[A-Za-z0-9]+", "\n".join(page_lines))

    assert words(lines(ours)) == words(lines(theirs)), name
    matcher = difflib.SequenceMatcher(None, lines(ours), lines(theirs), autojunk=False)
    changed = sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal")
    assert 0 < changed <= max(40, len(lines(theirs)) // 10), name


class _Commands(Protocol):
    has_wait: bool
    documented: tuple[str, ...]


_TOCTREE_ENTRY = re.compile(r"^  ([^:\s]\S*)$", re.MULTILINE)


def assert_service_page_matches(service: Service, ours: str, theirs: str, commands: _Commands) -> None:
    """Our service page against a CLI's (normalised), whose command table is ``commands``.

    The CLI's own commands (documented, yet no model operation and not the
    waiters' ``wait``) are removed from its toctree, exactly once each; the
    rest must be equal, but where the CLI's page is no valid RST and ours is
    (kms: its documentation)."""
    assert commands.has_wait == bool(service.waiters)
    model_commands = {operation.cli_name for operation in service.operations}
    if commands.has_wait:
        model_commands.add("wait")
    cli_only = sorted(set(commands.documented) - model_commands)
    head, toctree = theirs.split(".. toctree::", 1)
    kept, removed = [], []
    for line in toctree.splitlines(keepends=True):
        entry = _TOCTREE_ENTRY.fullmatch(line.rstrip("\n"))
        command = entry.group(1).removesuffix("/index") if entry else None
        if command in cli_only:
            removed.append(command)
        else:
            kept.append(line)
    # Exactly those entries, once each: a model operation the CLI lists and we
    # do not (or the other way round) stays in the comparison below.
    assert removed == cli_only
    expected = head + ".. toctree::" + "".join(kept)
    if ours != expected:
        assert_cli_page_invalid_ours_valid(expected, ours, f"{service.name} index")
