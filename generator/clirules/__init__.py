"""The AWS CLI's own rules that are not in the model: the options it adds to every command
(``options``) and the wording of its ``wait`` command (``waiters``).

May import: ``generator.model``.
"""
