"""Stage 1, input: reading the project as the user wrote it.

project (where catalog.yaml and content/ are), load (bytes → text in UTF-8, GBK or UTF-16, front
matter split from the body, finding the Markdown files), yamlsrc (YAML → nodes with line
numbers; yamlguard refuses alias bombs), limits (file sizes, a full disk), fields (typed values
that report file, line and field), links (links in a body),
encoding (fix-encoding: convert GBK/UTF-16 files to UTF-8).

May import: base.
Must not import: model, check, output, pipeline, paper or the adapters.
"""
