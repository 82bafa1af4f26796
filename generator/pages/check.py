"""The reference-page check: docutils must parse every ``.rst`` page without
errors or warnings (``sphinx-build -W`` stops on either).

Pages use two Sphinx names that plain docutils lacks, the ``:ref:`` role and
the ``toctree`` directive; they are registered here as inert stand-ins (as
Sphinx registers its own), so that any other unknown name stays an error.
Where the AWS CLI's own pages draw a warning (s3, ec2: inline markup that
does not close), the converter writes valid RST (``generator.markup.rst``).
"""

import functools
import re
from typing import Any

from docutils import nodes, utils
from docutils.parsers.rst import Directive, directives, roles

from generator.markup.validity import docutils_problems



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


class _Forbidden(Directive):
    """A directive no page of ours writes, and the ones model text would use
    to do harm (raw HTML, reading a file): an error wherever it appears."""

    has_content = True
    optional_arguments = 100
    final_argument_whitespace = True
    option_spec = None

    def run(self) -> list[nodes.Node]:
        raise self.error(f'the "{self.name}" directive has no place in a reference page')


_FORBIDDEN = ("raw", "include", "csv-table", "image", "figure")


@functools.cache
def _register_sphinx_names() -> None:
    roles.register_local_role("ref", _reference_role)
    directives.register_directive("toctree", _Toctree)
    for name in _FORBIDDEN:
        directives.register_directive(name, _Forbidden)


#: Pages larger than this are not parsed: docutils takes minutes and gigabytes
#: on quicksight's analysis, dashboard and template definitions (up to 17 MB,
#: 600,000 lines; the CLI writes the same pages). They get the line check below.
FULL_PARSE_LIMIT = 2 * 1024 * 1024
# The explicit markup our pages write: admonitions, the toctree, labels and
# link targets. Model text cannot write any (htmlrst escapes ``..``).
_OUR_MARKUP = re.compile(r"\.\. (?:(?:note|warning|danger|toctree)::[ \t]*$|_)")
_MARKUP = re.compile(r"^[ \t]*(\.\.(?:[ \t].*)?)$", re.MULTILINE)


def check_rst(path: str, data: bytes) -> None:
    if len(data) > FULL_PARSE_LIMIT:
        _check_markup_lines(data.decode("utf-8"))
        return
    _register_sphinx_names()
    problems = docutils_problems(data.decode("utf-8"), path)
    if problems:
        raise ValueError(problems[0])


def _check_markup_lines(text: str) -> None:
    """A page too large to parse: every line that opens explicit markup must
    be markup our templates write."""
    for match in _MARKUP.finditer(text):
        line = match.group(1).rstrip()
        if not _OUR_MARKUP.match(line):
            number = text.count("\n", 0, match.start()) + 1
            raise ValueError(f"line {number}: explicit markup the generator does not write: {line[:80]!r}")
