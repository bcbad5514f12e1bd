"""catalog.yaml padded to 21 MB with comment lines, written at test time."""

from pathlib import Path


def generate(root: Path) -> None:
    catalog = root / "catalog.yaml"
    data = catalog.read_bytes()
    padding = b"# " + b"x" * 97 + b"\n"
    catalog.write_bytes(data + padding * ((21_000_000 - len(data)) // len(padding) + 1))
