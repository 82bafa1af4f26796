"""Sphinx configuration of the doc site built from generated/docs (scripts/build-docs)."""

project = "AWS CLI reference (generated)"
root_doc = "index"
extensions: list[str] = []
html_theme = "alabaster"
html_title = project
# The pages carry no dates, and neither does the site.
html_last_updated_fmt = None
html_show_sourcelink = False
