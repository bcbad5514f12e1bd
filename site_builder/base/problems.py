"""Problems found in the user's input, reported all at once and in Chinese.

A Problem names the file, the line, the field and what to do. Validation collects every problem
into a `Problems` sink; the pipeline raises `InputError` with all of them before any output is
written.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import messages as msg

ERROR = "error"
WARNING = "warning"
NOTE = "note"  # information only (e.g. what was masked); never fails a build


@dataclass(frozen=True)
class Problem:
    file: str  # path relative to the project root, with forward slashes
    line: int | None  # 1-based line in that file, or None for the whole file
    field: str | None  # the field (key path) concerned, e.g. "发布日期" or "事项[3].公开层级"
    message: str  # what is wrong, in Chinese
    hint: str = ""  # what to do, in Chinese
    severity: str = ERROR
    column: int | None = None

    def location(self) -> str:
        if self.line is None:
            return self.file
        if self.column is None:
            return f"{self.file}:{self.line}"
        return f"{self.file}:{self.line}:{self.column}"

    def format(self) -> str:
        """One problem as the user reads it: where, which field, what, what to do."""
        label = {ERROR: msg.ERROR_LABEL, WARNING: msg.WARNING_LABEL}.get(self.severity,
                                                                         msg.NOTE_LABEL)
        where = self.location()
        if self.line is not None:
            where += msg.AT_LINE.format(line=self.line)
        text = f"{label} {where}"
        if self.field:
            text += msg.AT_FIELD.format(field=self.field)
        text += f"\n    {self.message}"
        if self.hint:
            text += f"\n    {msg.HINT_ARROW}{self.hint}"
        return text


@dataclass
class Problems:
    """Collects problems; knows the project root so that file names are shown relative to it."""

    root: Path
    items: list[Problem] = field(default_factory=list)

    def rel(self, path: Path | str) -> str:
        """The path as the user knows it: relative to the project, with forward slashes."""
        text = str(path)
        if text.startswith(self._root_prefix):  # the common case, without touching the disk
            return Path(text[len(self._root_prefix):]).as_posix()
        p = Path(path)
        try:
            return p.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return p.as_posix()

    @functools.cached_property
    def _root_prefix(self) -> str:
        return os.path.join(str(self.root.resolve()), "")

    def add(
        self,
        path: Path | str,
        line: int | None,
        fld: str | None,
        message: str,
        hint: str = "",
        *,
        severity: str = ERROR,
        column: int | None = None,
    ) -> None:
        self.items.append(Problem(self.rel(path), line, fld, message, hint, severity, column))

    def warn(
        self, path: Path | str, line: int | None, fld: str | None, message: str, hint: str = ""
    ) -> None:
        self.add(path, line, fld, message, hint, severity=WARNING)

    def note(
        self, path: Path | str, line: int | None, fld: str | None, message: str, hint: str = ""
    ) -> None:
        self.add(path, line, fld, message, hint, severity=NOTE)

    def extend(self, problems: list[Problem]) -> None:
        self.items.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == WARNING]

    @property
    def notes(self) -> list[Problem]:
        return [p for p in self.items if p.severity == NOTE]

    def __iter__(self) -> Iterator[Problem]:
        return iter(sorted(self.items, key=_sort_key))

    def __len__(self) -> int:
        return len(self.items)


def _sort_key(p: Problem) -> tuple[str, int, int]:
    return (p.file, p.line or 0, p.column or 0)


class InputError(Exception):
    """The user's input has errors: nothing is built. Carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=_sort_key)
        super().__init__(format_report(self.problems))


def format_report(problems: list[Problem]) -> str:
    """The full report: errors first, then warnings, then notes (each in the order found), then a
    summary line saying nothing was written."""
    errors = [p for p in problems if p.severity == ERROR]
    warnings = [p for p in problems if p.severity == WARNING]
    others = [p for p in problems if p.severity not in (ERROR, WARNING)]
    lines = [p.format() for p in errors + warnings + others]
    if errors:
        lines.append(msg.SUMMARY_ERRORS.format(errors=len(errors), warnings=len(warnings)))
    elif warnings:
        lines.append(msg.SUMMARY_WARNINGS.format(warnings=len(warnings)))
    return "\n".join(lines)
