"""The bad-input corpus: every folder of tests/bad_inputs/ is one broken (or tricky) input.

A case folder holds:

- `case.yaml`: `description`; `command` (`check`, the default, or `build`); optional `edits`
  (`{file, old, new}` replacements in the copied project, e.g. catalog.yaml); `exit` (default: 1
  when an error is expected, else 0); `expect`: the problems, each `at` (file:line[:column], or
  the file alone) with the substrings its message `has` and its `severity` (default error);
  `present`: files that must exist in the built site;
- `files/`: files laid over a fresh copy of tests/fixtures/small (paths from the project root);
- `generate.py` (optional): `generate(root)` writes large or binary inputs at test time.

The report must contain every expected problem at exactly that place, and no other error.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import Result, TestProject, copy_fixture

CASES = sorted(p for p in (Path(__file__).parent / "bad_inputs").iterdir() if p.is_dir())
SEVERITY = {"错误": "error", "注意": "warning", "说明": "note"}


def reported(result: Result) -> list[tuple[str, str, str]]:
    """(severity, location, block) of every problem in a check or build report."""
    out = []
    for block in re.split(r"(?=[✗!·] (?:错误|注意|说明) )", result.text):
        m = re.match(r"[✗!·] (错误|注意|说明) ([^\s（]+)", block)
        if m:
            out.append((SEVERITY[m.group(1)], m.group(2), block))
    return out


def prepare(case: Path, root: Path) -> tuple[TestProject, dict]:
    spec = yaml.safe_load((case / "case.yaml").read_text(encoding="utf-8"))
    project = copy_fixture("small", root)
    files = case / "files"
    if files.is_dir():
        shutil.copytree(files, project.root, dirs_exist_ok=True)
    for edit in spec.get("edits", []):
        project.edit(edit["file"], edit["old"], edit["new"])
    generator = case / "generate.py"
    if generator.is_file():
        module_spec = importlib.util.spec_from_file_location(f"case_{case.name}", generator)
        module = importlib.util.module_from_spec(module_spec)
        module_spec.loader.exec_module(module)
        module.generate(project.root)
    return project, spec


def test_corpus_has_at_least_forty_cases():
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input(case: Path, tmp_path: Path):
    project, spec = prepare(case, tmp_path / "county")
    command = spec.get("command", "check")
    result = project.build() if command == "build" else project.check()
    found = reported(result)
    expected = spec.get("expect", [])
    matched: set[int] = set()
    for item in expected:
        severity = item.get("severity", "error")
        hits = [i for i, (sev, loc, block) in enumerate(found)
                if sev == severity and loc == item["at"] and all(h in block for h in item["has"])]
        assert hits, f"{case.name}: no {severity} at {item['at']} with {item['has']}:\n{result.text}"
        matched.update(hits)
    unexpected = [block for i, (sev, _, block) in enumerate(found)
                  if sev == "error" and i not in matched]
    assert unexpected == [], f"{case.name}: unexpected errors:\n" + "\n".join(unexpected)
    errors_expected = any(item.get("severity", "error") == "error" for item in expected)
    exit_code = spec.get("exit", 1 if errors_expected else 0)
    assert (result.code != 0) == (exit_code != 0), f"{case.name}: exit {result.code}\n{result.text}"
    assert "Traceback" not in result.text
    for rel in spec.get("present", []):
        assert (project.site / rel).is_file(), f"{case.name}: {rel} is not in the site"
