"""Limits of input and of the machine: file sizes checked before a file is read, a full disk.

Sizes (bytes on disk, checked with stat before anything is read, so a huge file costs nothing):

- A notice or column page (Markdown): MAX_MARKDOWN, 2 MB. The longest of 150 real notices is
  47 kB; the sample county's longest is under 30 kB; a 10,000-row roster table is 0.6 MB. A
  50 MB body took 104 s and 1.4 GB to check and render (and made a page no phone can open), so
  anything above 2 MB is a mistake (a pasted database, a file saved in the wrong format) and an
  error that says to put long lists in an attachment. From LARGE_FILE (1 MB, load.py) a notice
  gets a warning.
- catalog.yaml: MAX_CATALOG, 20 MB. The 5,000-notice benchmark county's catalog is 0.3 MB; a
  catalog of every county of a province would still be far below.
- A published file to scan for personal data (attachments, files a body links to, content/
  assets/): MAX_SCAN per kind. Scanning reads the whole file into memory (an .xlsx or .docx
  several times its size once unzipped); above the limit the file is not scanned, and since a
  file that has not been checked must not be published, it is an error saying to split it (or,
  for a PDF of scanned pages, to reduce the image resolution). An .xlsx/.docx is a zip archive:
  one of 1 MB can unzip to gigabytes of XML, so its members' sizes (from the archive's
  directory, nothing unpacked) may not exceed MAX_SCAN_UNZIPPED either. Files that are never
  scanned (images, archives) have no size limit here.
"""

from __future__ import annotations

import errno
import zipfile
from pathlib import Path

from ..base import messages as msg
from ..base.problems import Problems

MB = 1_000_000
MAX_MARKDOWN = 2 * MB
MAX_CATALOG = 20 * MB
# Scanning a text file holds it (and its lines) in memory: ~10× its size; a workbook or Word
# file is unzipped and parsed by openpyxl / python-docx (~30–50× its size for XML-heavy files);
# PDF text extraction is slow but streams page by page.
MAX_SCAN_TEXT = 20 * MB
MAX_SCAN_OFFICE = 10 * MB
MAX_SCAN_PDF = 50 * MB
MAX_SCAN_UNZIPPED = 100 * MB  # an .xlsx/.docx unzipped: openpyxl holds several times this
_OFFICE = (".xlsx", ".xlsm", ".docx", ".docm")
_PDF = (".pdf",)

# errno values meaning "no room to write": disk full, quota exceeded, file size limit (ulimit -f)
DISK_FULL = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})


def size_of(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def too_large(path: Path, limit: int, problems: Problems, what: str, hint: str) -> bool:
    """True (reported as an error naming the size, the limit and why) if `path` is larger than
    `limit` bytes. `what`: the kind of file, as in the message (公开信息, catalog.yaml …)."""
    size = size_of(path)
    if size is None or size <= limit:
        return False
    problems.add(path, None, None, msg.LIMIT_FILE_TOO_LARGE.format(
        what=what, size=_mb(size), limit=_mb(limit)), hint.format(limit=_mb(limit)))
    return True


def markdown_too_large(path: Path, problems: Problems) -> bool:
    return too_large(path, MAX_MARKDOWN, problems, msg.LIMIT_WHAT_MARKDOWN,
                     msg.LIMIT_MARKDOWN_HINT)


def catalog_too_large(path: Path, problems: Problems) -> bool:
    return too_large(path, MAX_CATALOG, problems, msg.LIMIT_WHAT_CATALOG,
                     msg.LIMIT_CATALOG_HINT)


def scan_limit(path: Path) -> int:
    suffix = path.suffix.lower()
    if suffix in _OFFICE:
        return MAX_SCAN_OFFICE
    if suffix in _PDF:
        return MAX_SCAN_PDF
    return MAX_SCAN_TEXT


def scan_too_large(path: Path, name: str, problems: Problems) -> bool:
    """True (reported) if a published file is too large to be scanned for personal data: on
    disk, or, for an .xlsx/.docx (a zip archive), once unzipped (a small file can unzip to
    gigabytes: its members' sizes are read from the archive's directory, nothing is unpacked)."""
    size, limit = size_of(path), scan_limit(path)
    if size is None:
        return False
    if size > limit:
        hint = msg.LIMIT_SCAN_PDF_HINT if path.suffix.lower() in _PDF else msg.LIMIT_SCAN_HINT
        problems.add(path, None, None, msg.LIMIT_SCAN_TOO_LARGE.format(
            name=name, size=_mb(size), limit=_mb(limit)), hint.format(limit=_mb(limit)))
        return True
    unzipped = _unzipped_size(path) if path.suffix.lower() in _OFFICE else None
    if unzipped is not None and unzipped > MAX_SCAN_UNZIPPED:
        problems.add(path, None, None, msg.LIMIT_SCAN_UNZIPPED.format(
            name=name, size=_mb(unzipped), limit=_mb(MAX_SCAN_UNZIPPED)),
            msg.LIMIT_SCAN_HINT.format(limit=_mb(limit)))
        return True
    return False


def _unzipped_size(path: Path) -> int | None:
    """The total size of an archive's members as its directory states them (None: not a
    readable zip — the scanner reports that)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return sum(info.file_size for info in archive.infolist())
    except (OSError, zipfile.BadZipFile, ValueError):
        return None


def _mb(size: int) -> str:
    return f"{size / MB:.1f}".removesuffix(".0")


# -- a full disk ---------------------------------------------------------------------------------
def disk_full(exc: BaseException) -> bool:
    """Whether `exc` (or what caused it) is a write that failed for lack of room."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, OSError) and exc.errno in DISK_FULL:
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def disk_full_message(exc: BaseException, site_dir: Path | None, building: bool = True) -> str:
    """What a clerk reads: which folder could not be written, and, for a build, that nothing
    was published (`check` and `print` write only their cache or PDFs)."""
    while not (isinstance(exc, OSError) and exc.errno in DISK_FULL):
        exc = exc.__cause__ or exc.__context__  # disk_full(exc) was True
    name = getattr(exc, "filename2", None) or getattr(exc, "filename", None)  # copy: target
    folder = Path(name).parent if name else site_dir
    if site_dir is not None and folder is not None and _in_site(folder, site_dir):
        folder = site_dir  # the staging folder beside site/ is not a name the clerk knows
    reason = msg.DISK_FULL_QUOTA if exc.errno == errno.EDQUOT else \
        msg.DISK_FULL_FILE_SIZE if exc.errno == errno.EFBIG else msg.DISK_FULL_SPACE
    if folder is None:  # a write to an open file: the error names no file
        return msg.DISK_FULL_NO_FOLDER.format(reason=reason)
    template = msg.DISK_FULL if building else msg.DISK_FULL_OTHER
    return template.format(folder=folder, reason=reason)


def _in_site(folder: Path, site_dir: Path) -> bool:
    """`folder` is site/, its staging folder (.site-building) or below them."""
    try:
        first = folder.resolve().relative_to(site_dir.parent.resolve()).parts[:1]
    except ValueError:
        return False
    return bool(first) and (first[0] == site_dir.name or
                            first[0].startswith(f".{site_dir.name}-"))
