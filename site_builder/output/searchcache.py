"""The search index kept between builds (`.cache/search/`), updated where documents changed.

Indexing 10,000 notices from nothing takes about 25 s of CPU (every substring of every text); a
clerk's edit changes one document. The index of the previous build is kept with the key of each
document (the SHA-256 of everything search.py takes from it). When the new build has the same
number of documents, the documents whose key changed are taken out of every posting list and put
in again with their new text, and only the shard files holding a term that changed are encoded
again; records are replaced one by one. The files written are byte for byte those of an index
made from nothing (tests/test_search.py checks it after random edits).

Anything else (documents added or removed, reordered, more than `LIMIT` changed, another version
of this code, an unreadable cache) makes the index from nothing. Deleting `.cache/` is always safe.

The plain text of every body (`search.plain_text`: tables flattened a cell at a time, about half
a million cells at 10,000 notices) is kept too (`Texts`, texts.pickle), by the SHA-256 of the
exact Markdown it was made from, so a build flattens only the bodies that changed. It is kept
for this version of the code only, and holds the bodies of the last build only.

The record and shard files of the last index written are kept as well (`KeptFiles`, files/), and
each file of the new index that is among them is a hard link to its kept copy: writing 15,000
small files costs the file system ≈ 1.9 s of CPU, linking them ≈ 0.3 s. So index.pickle holds only
the name (SHA-256) of each record and shard, not its bytes (≈ 275 MB at 50,000 notices that every
update loaded and saved again): an unchanged file is linked by its name, and one whose kept copy
is missing or was edited through the site is made again (a record from its document, a shard
from the postings).
"""

from __future__ import annotations

import bisect
import hashlib
import json
import os
import pickle
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..base import filestamp
from . import pagecache
from .search import (
    FORMAT,
    Document,
    Postings,
    encode_shard,
    indexed_text,
    plain_text,
    record,
    shard_count,
    shard_groups,
    shard_of,
    terms,
)

_SUFFIX = {"d": "json", "s": "bin"}
STATE = "index.pickle"
TEXTS = "texts.pickle"
FILES = "files"  # the files of the last index written, named by the SHA-256 of their bytes
STAMPS = "files.pickle"  # their size and modification time when written
VERSION = "2"  # 2: records and shards kept by name only
LIMIT = 200  # changed documents beyond which the index is made from nothing
FEW = 8  # changed documents up to which each posting list is bisected (not scanned)


def doc_key(doc: Document) -> str:
    return hashlib.sha256(json.dumps(vars(doc), ensure_ascii=False).encode("utf-8")).hexdigest()


def _typecode(width: int) -> str:
    return "H" if width == 2 else "I"


def _version() -> str:
    return f"{VERSION}:{FORMAT}:{pagecache.code_digest()}"


Packed = tuple[list[str], array, array]


def _pack(table: dict, typecode: str) -> Packed:
    """A posting table as three objects (terms, list lengths, all ids one after the other):
    pickled in a blink, where 100,000 small arrays take a second."""
    names = list(table)
    flat = array(typecode)
    for name in names:
        flat.extend(table[name])
    return names, array("I", map(len, map(table.__getitem__, names))), flat


def _unpack(packed: Packed, typecode: str) -> dict:
    names, counts, flat = packed
    if flat.typecode != typecode:
        raise ValueError("id width")
    table, at = {}, 0
    for name, count in zip(names, counts, strict=True):
        table[name] = flat[at:at + count]
        at += count
    return table


@dataclass
class Index:
    keys: list[str]  # of each document, by number
    width: int  # bytes per document id
    postings: Postings
    records: list[bytes | None]  # d/<number>.json; None: unchanged, see `names`
    shards: list[bytes | None]  # s/<number>.bin; None: unchanged, see `names`
    names: tuple[list[str], list[str]] | None = None  # the kept files of the records, shards

    @classmethod
    def full(cls, docs: list[Document]) -> Index:
        """The index of `docs`, made from nothing."""
        width = 2 if len(docs) <= 0xFFFF else 4
        postings = Postings(_typecode(width))
        for number, doc in enumerate(docs):
            text, strong = indexed_text(doc)
            postings.add(number, text, strong)
        index = cls([doc_key(d) for d in docs], width, postings, [record(d) for d in docs],
                    [b""] * shard_count(len(docs)))
        index._encode(range(len(index.shards)))
        return index

    def _encode(self, numbers: range | list[int]) -> None:
        """Encode the shards `numbers` again from the postings."""
        groups = shard_groups(self.postings.all, len(self.shards))
        typecode = _typecode(self.width)
        for number in numbers:
            self.shards[number] = encode_shard(groups.get(number, []), self.postings, typecode)

    # -- kept between builds ---------------------------------------------------------------------
    @classmethod
    def load(cls, cache_dir: Path, docs: list[Document]) -> Index | None:
        """The previous build's index updated to `docs`, or None where it cannot be."""
        try:
            with (cache_dir / STATE).open("rb") as handle:
                version, keys, width, tables, record_names, shard_names = pickle.load(handle)
        except (OSError, ValueError, EOFError, pickle.UnpicklingError, TypeError):
            return None
        if version != _version() or not len(keys) == len(record_names) == len(docs) or \
                len(shard_names) != shard_count(len(docs)):
            return None
        new_keys = [doc_key(d) for d in docs]
        changed = [i for i, (old, new) in enumerate(zip(keys, new_keys, strict=True)) if old != new]
        if len(changed) > LIMIT:
            return None
        postings = Postings()
        postings.all, postings.strong = (_unpack(t, _typecode(width)) for t in tables)
        index = cls(keys, width, postings, [None] * len(docs), [None] * len(shard_names),
                    (record_names, shard_names))
        if changed:
            index._update(changed, docs, new_keys)
        return index

    def save(self, cache_dir: Path) -> None:
        """Keep this index for the next build (atomically; a cache that cannot be written only
        means the next build indexes from nothing)."""
        typecode = _typecode(self.width)
        tables = tuple(_pack(table, typecode) for table in (self.postings.all,
                                                            self.postings.strong))
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
            temporary = cache_dir / f"{STATE}.{os.getpid()}.tmp"
            assert self.names is not None, "written first (`write`)"
            with temporary.open("wb") as handle:
                pickle.dump((_version(), self.keys, self.width, tables, *self.names), handle,
                            protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, cache_dir / STATE)
        except OSError:
            (cache_dir / STATE).unlink(missing_ok=True)

    def write(self, folder: str, docs: list[Document], kept: KeptFiles | None) -> int:
        """Write d/<number>.json and s/<number>.bin under `folder` and note their names for
        `save`; the bytes written or linked. With `kept`, each unchanged file is a link to its
        kept copy; without, every file's bytes are here (an index made from nothing)."""
        old_records, old_shards = self.names or ([], [])
        names: tuple[list[str], list[str]] = ([], [])
        size = 0
        for kind, entries, old, made, found in (
                ("d", self.records, old_records, lambda n: record(docs[n]), names[0]),
                ("s", self.shards, old_shards, self._shard_of(), names[1])):
            for number, data in enumerate(entries):
                target = f"{folder}/{kind}/{number}.{_SUFFIX[kind]}"
                if kept is None:
                    assert data is not None
                    with open(target, "wb") as handle:
                        handle.write(data)
                    size += len(data)
                    continue
                name, length = kept.place(target, data, old[number] if data is None else None,
                                          lambda n=number, m=made: m(n))
                found.append(name)
                size += length
        self.names = names
        return size

    def _shard_of(self):
        groups: dict[int, list[str]] | None = None

        def shard(number: int) -> bytes:  # rare: a kept copy is gone or was edited
            nonlocal groups
            if groups is None:
                groups = shard_groups(self.postings.all, len(self.shards))
            return encode_shard(groups.get(number, []), self.postings, _typecode(self.width))

        return shard

    # -- update ----------------------------------------------------------------------------------
    def _update(self, changed: list[int], docs: list[Document], keys: list[str]) -> None:
        typecode = _typecode(self.width)
        touched = self._remove(set(changed), typecode)
        for number in changed:
            text, strong = indexed_text(docs[number])
            for table, found in ((self.postings.all, terms(text)), (self.postings.strong, strong)):
                for term in found:
                    ids = table.get(term)
                    if ids is None:
                        table[term] = array(typecode, [number])
                    else:
                        bisect.insort(ids, number)
                touched.update(found)
            self.records[number] = record(docs[number])
            self.keys[number] = keys[number]
        count = len(self.shards)
        self._encode(sorted({shard_of(term, count) for term in touched}))

    def _remove(self, gone: set[int], typecode: str) -> set[str]:
        """Take the documents `gone` out of every posting list; the terms whose lists changed.
        A list is sorted: each id is found by bisection and deleted in place (≈ 1,500 lists of
        ≈ 4,000 ids hold one notice at 10,000; filtering them id by id took a second)."""
        touched: set[str] = set()
        ordered = sorted(gone)
        for table in (self.postings.all, self.postings.strong):
            if len(ordered) <= FEW:  # bisect every list: no pass over all ids
                holding = [t for t, ids in table.items() if _found(ids, ordered)]
            else:
                holding = [t for t, ids in table.items() if not gone.isdisjoint(ids)]
            for term in holding:
                ids = table[term]
                for at in reversed(_found(ids, ordered)):
                    del ids[at]
                if not ids:
                    del table[term]
                touched.add(term)
        return touched


def _found(ids: array, ordered: list[int]) -> list[int]:
    """Where the ids `ordered` (ascending) are in `ids` (ascending), in ascending order."""
    places = []
    for number in ordered:
        at = bisect.bisect_left(ids, number)
        if at < len(ids) and ids[at] == number:
            places.append(at)
    return places


class Texts:
    """The plain text of each body (`plain_text(markdown, None)`) kept between builds, by the
    SHA-256 of the Markdown: `plain` computes only what the previous build did not keep, and
    `save` keeps what this build used (nothing else)."""

    def __init__(self, kept: dict[bytes, str]) -> None:
        self.kept = kept
        self.used: dict[bytes, str] = {}
        self.computed = False  # a text not kept (or kept unreadable) was made

    @classmethod
    def load(cls, cache_dir: Path) -> Texts:
        """Those of the previous build; none when unreadable or from other code."""
        value = filestamp.read_pickle(cache_dir / TEXTS)
        if isinstance(value, tuple) and len(value) == 2 and value[0] == _version() and \
                isinstance(value[1], dict):
            return cls(value[1])
        return cls({})

    def plain(self, markdown: str) -> str:
        key = hashlib.sha256(markdown.encode("utf-8", "surrogatepass")).digest()
        text = self.used.get(key)
        if text is None:
            text = self.kept.get(key)
            if not isinstance(text, str):
                text = plain_text(markdown, None)
                self.computed = True
            self.used[key] = text
        return text

    def save(self, cache_dir: Path) -> None:
        """Keep the texts this build used (atomically), unless they are those already kept."""
        if self.computed or self.used.keys() != self.kept.keys():
            filestamp.write_pickle(cache_dir / TEXTS, (_version(), self.used))


class KeptFiles:
    """The record and shard files of the last index written (files/<SHA-256 of the bytes>), with
    the size and modification time each had when written (files.pickle). `place` links a file
    into the site when its bytes are kept; a kept file is never written again in place (the
    site's copy is the same file), and one whose stamp changed since (someone edited the site's
    copy in place) is written anew under its name, like a missing one."""

    def __init__(self, cache_dir: Path) -> None:
        self.cache_dir = cache_dir
        self.folder = cache_dir / FILES
        stamps = filestamp.read_pickle(cache_dir / STAMPS)
        self.stamps: dict[str, tuple[int, int]] = stamps if isinstance(stamps, dict) else {}
        self.used: dict[str, tuple[int, int]] = {}  # name → stamp, of the files placed

    def place(self, target: str, data: bytes | None, name: str | None,
              make: Callable[[], bytes]) -> tuple[str, int]:
        """Write `data` as `target` (a new file): a hard link to the kept copy of these bytes.
        Without `data`, the file is the kept copy `name`, linked if it is there as written, else
        `make()` gives its bytes. Returns the name and the size. (Paths as strings: pathlib
        took a third of the time of 15,000 links.)"""
        if data is None and name is not None:
            stamp = self.used.get(name) or self._as_written(name)
            if stamp is not None and self._link(name, target):
                self.used[name] = stamp
                return name, stamp[0]
        if data is None:
            data = make()
        name = hashlib.sha256(data).hexdigest()
        if (name in self.used or self._keep(name, data)) and self._link(name, target):
            return name, len(data)
        with open(target, "wb") as handle:
            handle.write(data)
        return name, len(data)

    def _as_written(self, name: str) -> tuple[int, int] | None:
        """The stamp of the kept copy `name` if it is there as written, else None."""
        stamp = _stamp(os.path.join(self.folder, name))
        return stamp if stamp is not None and stamp == self.stamps.get(name) else None

    def _link(self, name: str, target: str) -> bool:
        try:
            os.link(os.path.join(self.folder, name), target)
            return True
        except OSError:  # another file system, too many links: a copy
            return False

    def _keep(self, name: str, data: bytes) -> bool:
        """Is `data` kept as `name` (written now unless it is there as written)?"""
        kept = os.path.join(self.folder, name)
        stamp = self._as_written(name)
        if stamp is None:
            temporary = f"{kept}.{os.getpid()}.tmp"
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                with open(temporary, "wb") as handle:
                    handle.write(data)
                os.replace(temporary, kept)
            except OSError:
                Path(temporary).unlink(missing_ok=True)
                return False
            stamp = _stamp(kept)
            if stamp is None:
                return False
        self.used[name] = stamp
        return True

    def save(self) -> None:
        """Remove the kept files this index does not hold; keep the stamps of the others."""
        try:
            for entry in os.scandir(self.folder):
                if entry.name not in self.used:
                    os.unlink(entry.path)
        except OSError:
            pass
        if self.used != self.stamps:
            filestamp.write_pickle(self.cache_dir / STAMPS, self.used)


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns
