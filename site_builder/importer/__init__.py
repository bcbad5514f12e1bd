"""Stage 6, importer: what the office already has, turned into notices.

names (catalog items, townships and villages found by their Chinese names), markdown (HTML from
Word → the project's Markdown), word (.docx through mammoth; .doc/.wps through LibreOffice),
sheets (.xlsx/.xls/.csv rosters → Markdown tables), guess (front matter read from the text:
title, 文号, 落款), notice (the `site-builder import` command's work: the notice file, the
personal-data check, the summary), catalog_excel (`site-builder catalog export/import`: the
standard catalog as an Excel workbook and back).

May import: base, input, model, check, output, pipeline.
Must not import: paper, the adapters (cli.py, plugin.py, scaffold.py).
"""
