"""Stage 2, the content model: plain, validated data that every later stage reads.

site (Site, Township, Village, Domain, CatalogItem, Notice, ColumnPage, URL changes), settings
(site-wide settings such as what to do with personal data), lookup (catalog items by name),
figures (公示期, open 征求意见,
年报 table one: derived from the model, shared by the site and the report).

May import: base.
Must not import: input, check, output, pipeline, paper or the adapters (the model knows no
YAML, no Markdown rendering, no MkDocs).
"""
