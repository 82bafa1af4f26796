"""The AWS CLI's own rules that are not in the model: the options it adds to every command
(``options``), the wording of its ``wait`` command (``waiters``), the options whose values it
takes literally (``literal_values``), what differs between its major versions (``versions``),
and its hand-made changes to some commands' arguments (``customisations``; v2's in
``customisations_v2``).

May import: ``generator.model``, and the parsers' runtime (``generator.python.runtime``) for the
global options it parses.
"""
