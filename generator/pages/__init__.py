"""Reference pages: what each page shows (``content``), its syntax examples (``syntax``),
the docutils check every page passes before it is written (``check``), the artifact kind
that renders ``docs/`` (``artifact``), and an operation's page as plain text for the
parsers' ``help`` (``help_text``).

May import: ``generator.model``, ``generator.clirules``, ``generator.markup``, ``generator.render``.
"""
