"""Reference pages: what each page shows (``content``), its syntax examples (``syntax``),
the docutils check every page passes before it is written (``check``), and the artifact kind
that renders ``docs/`` (``artifact``).

May import: ``generator.model``, ``generator.clirules``, ``generator.markup``, ``generator.render``.
"""
