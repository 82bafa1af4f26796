"""Generates AWS CLI artifacts from botocore service models.

The stages, one way: load the model and build the IR (``model``) -> render every artifact kind
(``skeletons``, ``schemas``, ``python``, ``pages``; templates in ``templates/``, the one jinja2
environment and its escaping filters in ``render``) -> format -> verify -> write (``pipeline``).
``cli`` is this tool's own command line; ``clirules`` holds the AWS CLI's rules that are not in
the model; ``markup`` converts model documentation; ``patterns`` handles model regular
expressions. ``errors`` is the one exception family.
"""
