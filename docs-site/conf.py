"""Sphinx configuration of the doc site (scripts/build-docs): the root project holds
the project's pages (docs/) and the reference's root page (aws.html); each service
of the generated reference is a project of its own, which reaches the root
project's labels (its breadcrumbs' ``cli:aws``) through intersphinx, from the
root project's inventory, whose path scripts/build-docs passes in
``DOCS_SITE_ROOT_INVENTORY``.
"""

import os

project = "aws-cli-artifacts"
root_doc = "index"
extensions: list[str] = []
html_theme = "alabaster"
html_title = project
# The pages carry no dates, and neither does the site.
html_last_updated_fmt = None
html_show_sourcelink = False
html_copy_source = False
# Quotes as the model writes them (the CLI's pages do not curl them either).
smartquotes = False
# Each page links its neighbours and has the search box; the whole list of a
# service's operations is on its index page, not repeated on every page.
html_sidebars = {"**": ["relations.html", "searchbox.html"]}
html_use_index = False
html_domain_indices = False

_root_inventory = os.environ.get("DOCS_SITE_ROOT_INVENTORY")
if _root_inventory:
    extensions.append("sphinx.ext.intersphinx")
    # A relative address: intersphinx makes it relative to each page.
    intersphinx_mapping = {"root": (os.environ.get("DOCS_SITE_ROOT_URI", ".."), _root_inventory)}
