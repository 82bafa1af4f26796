"""Model documentation (HTML) converted for each target: parsed once into events
(``events``), written as reStructuredText as the AWS CLI writes it (``rst``), and as plain
text and Markdown for editors' hovers (``text``).

May import: ``generator.errors``.
"""
