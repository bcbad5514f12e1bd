"""The layout of site_builder/: folders in pipeline order, every import pointing down.

A module may import from its own stage or a lower one, never from a later stage or an adapter
(site_builder/__init__.py explains the stages). Only the MkDocs adapter imports MkDocs.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "site_builder"

# Stage of each folder (or top-level module), lowest first.
STAGES = {
    "base": 0,
    "input": 1,
    "model": 2,
    "check": 3,
    "output": 4,
    "pipeline": 5,
    "paper": 6,
    "archive": 6,
    "importer": 6,
    "report": 6,
    "cli": 7,
    "plugin": 7,
    "scaffold": 7,
}
MKDOCS_ALLOWED = {"site_builder.plugin"}


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def stage_of(module: str) -> int | None:
    """The stage of a module of site_builder (None for site_builder itself)."""
    parts = module.split(".")
    if parts[0] != "site_builder" or len(parts) < 2:
        return None
    if parts[1] not in STAGES:
        raise AssertionError(f"{module}: folder or module not in the stage table of this test")
    return STAGES[parts[1]]


def imports_of(path: Path) -> list[tuple[int, str]]:
    """(line, absolute module) of every import in a file, relative ones resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    name = module_name(path)
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            found.append((node.lineno, target))
            # `from . import pages` imports the module site_builder.output.pages
            found += [(node.lineno, f"{target}.{alias.name}") for alias in node.names
                      if (PACKAGE.parent / f"{target}.{alias.name}".replace(".", "/")
                          ).with_suffix(".py").is_file()]
    return found


def upward_imports(root: Path = PACKAGE) -> list[str]:
    wrong = []
    for path in sorted(root.rglob("*.py")):
        here = stage_of(module_name(path))
        for line, target in imports_of(path):
            if target.split(".")[0] == "mkdocs" and module_name(path) not in MKDOCS_ALLOWED:
                wrong.append(f"{path.relative_to(REPO)}:{line} imports {target} "
                             "(only plugin.py may import MkDocs)")
            there = stage_of(target)
            if here is not None and there is not None and there > here:
                wrong.append(f"{path.relative_to(REPO)}:{line} imports {target} "
                             f"(stage {there} above its own stage {here})")
    return wrong


def test_every_import_points_down_the_pipeline():
    assert upward_imports() == []


def test_every_folder_says_its_stage_and_what_it_may_import():
    for folder in sorted(p for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"):
        assert folder.name in STAGES, folder
        doc = ast.get_docstring(ast.parse((folder / "__init__.py").read_text(encoding="utf-8")))
        assert doc and f"Stage {STAGES[folder.name]}" in doc, folder
        assert "May import" in doc and "Must not import" in doc, folder


def test_the_check_sees_an_upward_import(tmp_path, monkeypatch):
    """The test above can fail: a model module importing a check is reported."""
    fake = tmp_path / "site_builder"
    (fake / "model").mkdir(parents=True)
    (fake / "check").mkdir()
    (fake / "check" / "privacy.py").write_text("X = 1\n", encoding="utf-8")
    (fake / "model" / "site.py").write_text(
        "from ..check.privacy import X\nfrom site_builder.output import pages\nimport mkdocs\n",
        encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "REPO", tmp_path)
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", fake)
    assert upward_imports(fake) == [
        "site_builder/model/site.py:1 imports site_builder.check.privacy "
        "(stage 3 above its own stage 2)",
        "site_builder/model/site.py:2 imports site_builder.output "
        "(stage 4 above its own stage 2)",
        "site_builder/model/site.py:3 imports mkdocs (only plugin.py may import MkDocs)",
    ]


def test_profile_build_runs_to_the_end(tmp_path):
    """bench/profile_build.py (the build under cProfile) keeps working with the code."""
    result = subprocess.run(
        [sys.executable, str(REPO / "bench" / "profile_build.py"), "--notices", "30",
         "--top", "5", "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=600, cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "profiled build" in result.stdout
    assert "own time by area" in result.stdout
