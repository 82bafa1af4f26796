"""``--generate-cli-skeleton`` documents (``documents``; the AWS CLI v2's YAML one in
``yaml_input``, written out by ``yaml_text``) and the artifact kind that writes them
(``artifact``).

May import: ``generator.model``, ``generator.markup``, ``generator.clirules``, ``generator.render``.
"""
