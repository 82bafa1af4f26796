"""The reference-page check: docutils must parse every ``.rst`` page without errors.

Pages use two Sphinx names that plain docutils lacks, the ``:ref:`` role and
the ``toctree`` directive; they are registered here as inert stand-ins (as
Sphinx registers its own), so that any other unknown name stays an error.
Warnings are not failures: some models' own text (kms) draws a docutils
warning, and the AWS CLI's pages carry the same text.
"""

import functools
from typing import Any

from docutils import nodes, utils
from docutils.core import publish_doctree
from docutils.parsers.rst import Directive, directives, roles

_ERROR = 3


def _reference_role(
    name: str, rawtext: str, text: str, lineno: int, inliner: Any, options: Any = None, content: Any = None
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    return [nodes.inline(rawtext, utils.unescape(text))], []


class _Toctree(Directive):
    has_content = True
    option_spec = {
        "maxdepth": directives.nonnegative_int,
        "titlesonly": directives.flag,
        "hidden": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        return []


@functools.cache
def _register_sphinx_names() -> None:
    roles.register_local_role("ref", _reference_role)
    directives.register_directive("toctree", _Toctree)


def check_rst(path: str, data: bytes) -> None:
    _register_sphinx_names()
    document = publish_doctree(
        data.decode("utf-8"),
        source_path=path,
        # Model text is one line per paragraph, however long: docutils' default
        # limit (10,000 characters) is a guard for editors, not a syntax rule.
        settings_overrides={
            "report_level": 5,
            "halt_level": 5,
            "warning_stream": False,
            "line_length_limit": 100_000_000,
        },
    )
    errors = [m for m in document.findall(nodes.system_message) if m["level"] >= _ERROR]
    if errors:
        first = errors[0]
        raise ValueError(f"line {first.get('line', '?')}: {first.astext()}")
