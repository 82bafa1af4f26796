"""The AWS CLI's own rules that are not in the model: the options it adds to every command
(``options``), the wording of its ``wait`` command (``waiters``), the options whose values it
takes literally (``literal_values``), and what differs between its major versions (``versions``).

May import: ``generator.model``.
"""
