"""Stage 6, paper: printing for bulletin boards (公开栏): posters, township packs, QR sheets.

printing (what to print and its HTML), pdf (headless Chromium → A4 PDF), paper.css.

May import: base, input, model, check, output, pipeline.
Must not import: the adapters (cli.py, plugin.py, scaffold.py).
"""
