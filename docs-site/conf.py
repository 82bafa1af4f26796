"""Sphinx configuration of the doc site built from generated pages (scripts/build-docs).

The same configuration serves the root page and each service's project. A
service's project reaches the root page's labels (its breadcrumbs'
``cli:aws``) through intersphinx, from the root project's inventory, whose
path scripts/build-docs passes in ``DOCS_SITE_ROOT_INVENTORY``.
"""

import os

project = "AWS CLI reference (generated)"
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
# Each page links its neighbours and has the search box; the whole service's
# table of contents is on its index page, not repeated on every page.
html_sidebars = {"**": ["relations.html", "searchbox.html"]}
html_use_index = False
html_domain_indices = False

_root_inventory = os.environ.get("DOCS_SITE_ROOT_INVENTORY")
if _root_inventory:
    extensions.append("sphinx.ext.intersphinx")
    # A relative address: intersphinx makes it relative to each page.
    intersphinx_mapping = {"root": ("..", _root_inventory)}
