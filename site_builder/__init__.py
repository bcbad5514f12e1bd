"""政务公开站点生成器: catalog.yaml + content/ → a static disclosure site.

The folders are the pipeline's stages, lowest first; a module imports only from its own stage
or the stages below it (tests/test_layout.py enforces the order):

    base/     0  messages, problems, vocabularies, dates, URLs, timing, worker processes
    input/    1  reading the project: bytes → text, YAML with line numbers, typed fields
    model/    2  the validated content model and site settings (plain data)
    check/    3  validation and publication safety: every rule, personal data, unsafe HTML
    output/   4  pages, rendering, QR codes, search index, open data, feeds, sitemap,
                 post-build steps, published-URL manifest, the atomic write of site/
    pipeline  5  calls the stages in order (pipeline.py)
    paper/    6  printing: bulletin-board posters, packs and QR sheets as PDF
    archive/  6  the transfer to the county archive and library (site-builder archive)
    importer/ 6  Word notices and Excel/CSV rosters → notices (site-builder import, items)
    report/   6  the compliance report and 年报 table one (HTML + xlsx)
    adapters  7  cli.py (the site-builder command), plugin.py (the MkDocs adapter),
                 scaffold.py (site-builder new)

Only plugin.py imports MkDocs; everything below it is plain Python.
"""
