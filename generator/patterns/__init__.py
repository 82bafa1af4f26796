"""Model patterns: translated into one dialect that Python's ``re`` and JavaScript's
``RegExp`` read alike (``translate``, over the code-point sets of ``charsets``), read back into a
tree (``tree``), checked for slow backtracking (``backtracking``), and guarded: carried,
rewritten or left out (``guard``); what is left out is compiled into a deterministic automaton
(``automaton``, by the derivatives of ``derivatives``, back-references spelled out by
``references``), or, past its state cap, written as its expression, that the strict validators
walk with ``generator/python/runtime/_automaton.py`` (and ``_derivatives.py``).

May import: the derivative engine of the strict validators' runtime
(``generator/python/runtime/_derivatives.py``), which the automata share; nothing else of the
generator. Private names stay inside this package.
"""
