"""Files of 依申请公开 and 不予公开 notices must not reach the site by another way.

Their attachments, the files their bodies link to and their bodies are not published
(pages.generate leaves them out). But the same file can be published from elsewhere: attached
or linked by a 主动公开 notice or a column page, or lying in content/assets/ (copied as it is) —
as the same path, through a symbolic or hard link, or as a copy under another name. So every
published file is compared with every restricted one (the notice files themselves too: a copy
of one saved as .txt would publish the body): by real path, then, for files of the same size,
by content (SHA-256, computed only for such candidates). Empty files are never "the same". A
restricted file kept in content/assets/ is published whatever links it: a warning at the
restricted notice's line (it may be a public form or logo, or a file that must be moved).

Each problem is reported at the line of the attachment (field 附件) or of the link in the
publishing file; for content/assets/ at the file itself.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from ..base import messages as msg
from ..base import vocab
from ..base.problems import Problems
from ..input.links import local_links
from ..input.load import ASSETS_DIR, Document
from ..model.site import Attachment, ColumnPage, Notice

_CHUNK = 1 << 20


@dataclass(frozen=True)
class _Owner:
    """A restricted file: whose it is and how that notice refers to it."""

    notice: Path
    attribute: str  # vocab.ATTR_ON_REQUEST or vocab.ATTR_WITHHELD
    role: str  # msg.RESTRICTED_ROLE_ATTACHMENT / _LINKED
    name: str  # as written in that notice


class RestrictedFiles:
    """Collects restricted files while notices are validated; `check` then screens what is
    published."""

    def __init__(self, content_dir: Path, problems: Problems):
        self.shared_dir = content_dir / ASSETS_DIR
        self.shared = self.shared_dir.resolve()
        self.problems = problems
        self.by_path: dict[Path, _Owner] = {}
        self.by_size: dict[int, list[Path]] = {}
        self.hashes: dict[Path, bytes | None] = {}

    # -- collecting ------------------------------------------------------------------------------
    def record(self, doc: Document, attribute: str, attachments: list[Attachment],
               assets: list[Path]) -> None:
        """The notice file itself (its body is not published), its attachments and body-linked
        files, of a 依申请公开 or 不予公开 notice."""
        self._add(doc, doc.path, _Owner(doc.path, attribute, msg.RESTRICTED_ROLE_SELF,
                                        doc.path.name), None, None)
        for a in attachments:
            self._add(doc, a.path, _Owner(doc.path, attribute, msg.RESTRICTED_ROLE_ATTACHMENT,
                                          a.filename), _front_line(doc, a.filename), "附件")
        for path in assets:
            for link in local_links(doc.body):
                if (doc.path.parent / link.target).resolve() == path.resolve():
                    owner = _Owner(doc.path, attribute, msg.RESTRICTED_ROLE_LINKED, link.target)
                    self._add(doc, path, owner, doc.body_line + link.line - 1, None)
                    break

    def _add(self, doc: Document, path: Path, owner: _Owner, line: int | None,
             field: str | None) -> None:
        real = path.resolve()
        if self.shared == real or self.shared in real.parents:
            self.problems.warn(doc.path, line, field, msg.RESTRICTED_IN_SHARED.format(
                attribute=owner.attribute, role=owner.role, name=owner.name),
                msg.RESTRICTED_IN_SHARED_HINT)
            return
        if real in self.by_path:
            return
        self.by_path[real] = owner
        size = _size(real)
        if size:
            self.by_size.setdefault(size, []).append(real)

    # -- screening what is published -------------------------------------------------------------
    def check(self, notices: list[Notice], pages: list[ColumnPage],
              shared: list[Path]) -> None:
        """Report every published file that is (or equals) a restricted one."""
        if not self.by_path:
            return
        for n in notices:
            if n.on_request:
                continue  # neither its attachments nor its body are published
            for a in n.attachments:
                self._check(a.path, a.filename, msg.RESTRICTED_WHAT_ATTACHMENT, n.source,
                            _file_line(n.source, a.filename), "附件")
            self._check_links(n.source, n.body, n.body_line, n.assets)
        for p in pages:
            self._check_links(p.source, p.body, p.body_line, p.assets)
        for path in shared:
            name = path.relative_to(self.shared_dir).as_posix()
            self._check(path, name, msg.RESTRICTED_WHAT_SHARED, path, None, None)

    def _check_links(self, source: Path, body: str, body_line: int, assets: list[Path]) -> None:
        if not assets:
            return
        wanted = {p.resolve() for p in assets}
        for link in local_links(body):
            path = source.parent / link.target
            if path.resolve() in wanted:
                self._check(path, link.target, msg.RESTRICTED_WHAT_LINKED, source,
                            body_line + link.line - 1, None)

    def _check(self, path: Path, name: str, what: str, source: Path, line: int | None,
               field: str | None) -> None:
        real = path.resolve()
        owner = self.by_path.get(real)
        template = msg.RESTRICTED_SAME_FILE
        if owner is None:
            owner = self._same_content(real)
            template = msg.RESTRICTED_SAME_CONTENT
        if owner is None or owner.notice == source:
            return
        self.problems.add(source, line, field, template.format(
            what=what, name=name, attribute=owner.attribute, file=self.problems.rel(owner.notice),
            role=owner.role, other=owner.name, why=_why(owner.attribute)), msg.RESTRICTED_HINT)

    def _same_content(self, real: Path) -> _Owner | None:
        size = _size(real)
        candidates = self.by_size.get(size or 0, [])
        if not candidates:
            return None
        digest = self._hash(real)
        for other in candidates:
            if digest is not None and self._hash(other) == digest:
                return self.by_path[other]
        return None

    def _hash(self, real: Path) -> bytes | None:
        if real not in self.hashes:
            try:
                h = hashlib.sha256()
                with real.open("rb") as handle:
                    while chunk := handle.read(_CHUNK):
                        h.update(chunk)
                self.hashes[real] = h.digest()
            except OSError:
                self.hashes[real] = None
        return self.hashes[real]


def _why(attribute: str) -> str:
    return msg.RESTRICTED_WHY_ON_REQUEST if attribute == vocab.ATTR_ON_REQUEST else \
        msg.RESTRICTED_WHY_WITHHELD


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def _front_line(doc: Document, name: str) -> int | None:
    """The front-matter line (file line) that names the attachment."""
    for number, text in enumerate(doc.front.split("\n"), start=2):
        if re.search(r"(?:^|[\s:'\"\-])" + re.escape(name) + r"(?:$|[\s'\"])", text):
            return number
    return None


def _file_line(path: Path, name: str) -> int | None:
    """The first front-matter line of a notice file that names `name` (an attachment)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    lines = text.split("\n")
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")),
               len(lines))
    doc = Document(path, None, "", end + 2, "\n".join(lines[1:end]))
    return _front_line(doc, name)
