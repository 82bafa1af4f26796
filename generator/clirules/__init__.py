"""The AWS CLI's own rules that are not in the model: the options it adds to every command
(``options``), the wording of its ``wait`` command (``waiters``) and the options whose
values it takes literally (``literal_values``).

May import: ``generator.model``.
"""
