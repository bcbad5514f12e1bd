"""Stage 4, output: from the model to the files of the site.

pages (every page and the navigation), render (HTML snippets, every value escaped), bodies
(Markdown → cleaned HTML, cached, in worker processes), qr (QR blocks and images), search and
search_page (the index and its page), opendata (data/*.json, .csv, .xlsx), feeds (Atom),
sitemap, stable (dates from the content: same input, same bytes), permalinks (published-URL
manifest, redirect and tombstone pages), postbuild (steps on the finished folder), linkcheck,
write (build into a staging folder, swap it in only when everything passed).

May import: base, input, model, check (the render stage re-checks what it publishes).
Must not import: pipeline, paper or the adapters.
"""
