"""Generated Python: the stdlib-only parser modules (``parser_modules``, with their shared
``runtime``), the strict validators compiled from the schemas (``validator_compiler``,
``validator_modules``), and Python laid out as the pinned black lays it out (``layout``;
``black_format`` for what must go through black itself).

May import: ``generator.model``, ``generator.clirules``, ``generator.skeletons``,
``generator.schemas``, ``generator.pages`` (the operations' help text), ``generator.patterns`` (the
automata of the patterns the schemas leave out), ``generator.render``, ``generator.errors``.
"""
