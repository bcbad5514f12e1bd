"""Stage 6, archive: the twice-monthly transfer (移交) of disclosed documents to the county archive
(档案馆) and library (图书馆): `site-builder archive`.

periods (the transfer days, the 5th and the 20th, moved past holidays, and what each covers),
transfer (collect, print, list, checksum, zip; 更正 of notices changed after a previous
transfer), command (the command line), archive.css.

May import: base, input, model, check, output, pipeline, paper.
Must not import: the adapters (cli.py, plugin.py, scaffold.py).
"""
