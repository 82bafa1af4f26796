"""``--generate-cli-skeleton`` documents (``documents``) and the artifact kind that writes them
(``artifact``).

May import: ``generator.model``, ``generator.render``.
"""
