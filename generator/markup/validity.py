"""docutils' verdict on reStructuredText: the errors and warnings it reports.

The page check (``generator.pages.check``) runs it on every page; the RST
converter runs it on the CLI's RST of a documentation string to decide
whether that string needs mending. One publisher serves every call: making
its settings is a third of the cost of parsing a page.
"""

import functools

from docutils import io, nodes
from docutils.core import Publisher

#: docutils' WARNING level: anything from here up is a problem
#: (``sphinx-build -W`` stops on warnings and errors alike).
WARNING = 2


@functools.cache
def _publisher() -> Publisher:
    publisher = Publisher(source_class=io.StringInput, destination_class=io.NullOutput)
    publisher.set_components("standalone", "restructuredtext", "null")
    # Model text is one line per paragraph, however long: docutils' default
    # limit (10,000 characters) is a guard for editors, not a syntax rule.
    publisher.process_programmatic_settings(
        None,
        {
            "report_level": 5,
            "halt_level": 5,
            "warning_stream": False,
            "line_length_limit": 100_000_000,
            # Nothing a page says may reach the file system or emit raw output.
            "file_insertion_enabled": False,
            "raw_enabled": False,
        },
        None,
    )
    return publisher


def docutils_problems(text: str, path: str = "page.rst") -> list[str]:
    """docutils' errors and warnings on ``text``, first to last, as
    ``line N: message``; none: valid."""
    publisher = _publisher()
    publisher.set_source(text, path)
    publisher.set_destination()
    publisher.publish()
    document = publisher.document
    # Transforms (references, substitutions, footnotes) report their errors
    # aside, not in the tree: an unknown target name is one of them.
    messages = [*document.findall(nodes.system_message), *document.transform_messages]
    return [f"line {m.get('line', '?')}: {m.astext()}" for m in messages if m["level"] >= WARNING]
