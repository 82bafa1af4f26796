"""JSON Schemas of request and response documents (``documents``) and the artifact kind that
writes them, the pattern report and the catalog (``artifact``).

May import: ``generator.model``, ``generator.clirules``, ``generator.markup``, ``generator.patterns``,
``generator.skeletons``, ``generator.render``.
"""
