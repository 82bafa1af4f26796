"""Sphinx configuration of the doc site: the project's pages (docs/) and the reference pages
generated into generated/docs, copied into one source folder by scripts/build-docs."""

project = "aws-cli-artifacts"
root_doc = "index"
extensions: list[str] = []
html_theme = "alabaster"
html_title = project
# The pages carry no dates, and neither does the site.
html_last_updated_fmt = None
html_show_sourcelink = False
