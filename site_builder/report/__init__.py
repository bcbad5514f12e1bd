"""Stage 6, report: what the national inspection will find, for the county office (issue 14).

tables (the report's sections as rows, from check/compliance.py), html (one self-contained HTML
file), xlsx (the same tables as an Excel workbook, openpyxl), command (`site-builder report`:
options, the summary on the terminal, 年报 table one with --annual).

May import: base, input, model, check, output, pipeline.
Must not import: paper or the adapters (cli.py, plugin.py, scaffold.py).
"""
