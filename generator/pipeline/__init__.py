"""The pipeline around the artifact kinds: one service loaded, selected and rendered
(``service``, through the kinds in ``kinds``), many services in parallel processes (``batch``),
the incremental cache (``cache``), verification before anything is written (``verify``), the
all-or-nothing write (``writer``) and progress output (``progress``).

May import: every package of the generator; nothing imports from here but ``generator.cli``.
"""
