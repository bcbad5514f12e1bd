"""Stage 0, the base layer: what every stage uses and which uses nothing of the pipeline.

messages (every user-facing string, in Chinese), problems (collected problems and the report),
vocab (five disclosures, channels, levels, attributes, field names), dates (parsing, official
working days), urls (the URL scheme), filenames (names the build reserves, file names in
URLs), timing, background (worker processes), lock (one build at a time).

May import: the standard library and third-party packages, and other base modules.
Must not import: any other folder of site_builder.
"""
