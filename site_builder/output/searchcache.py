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
"""

from __future__ import annotations

import bisect
import hashlib
import json
import os
import pickle
from array import array
from dataclasses import dataclass
from pathlib import Path

from . import pagecache
from .search import (
    FORMAT,
    Document,
    Postings,
    encode_shard,
    indexed_text,
    record,
    shard_count,
    shard_groups,
    shard_of,
    terms,
)

STATE = "index.pickle"
VERSION = "1"
LIMIT = 200  # changed documents beyond which the index is made from nothing


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
    records: list[bytes]  # d/<number>.json
    shards: list[bytes]  # s/<number>.bin

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
                version, keys, width, tables, records, shards = pickle.load(handle)
        except (OSError, ValueError, EOFError, pickle.UnpicklingError, TypeError):
            return None
        if version != _version() or len(keys) != len(docs) or len(shards) != shard_count(
                len(docs)):
            return None
        new_keys = [doc_key(d) for d in docs]
        changed = [i for i, (old, new) in enumerate(zip(keys, new_keys, strict=True)) if old != new]
        if len(changed) > LIMIT:
            return None
        postings = Postings()
        postings.all, postings.strong = (_unpack(t, _typecode(width)) for t in tables)
        index = cls(keys, width, postings, records, shards)
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
            with temporary.open("wb") as handle:
                pickle.dump((_version(), self.keys, self.width, tables, self.records,
                             self.shards), handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, cache_dir / STATE)
        except OSError:
            (cache_dir / STATE).unlink(missing_ok=True)

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
        """Take the documents `gone` out of every posting list; the terms whose lists changed."""
        touched: set[str] = set()
        for table in (self.postings.all, self.postings.strong):
            for term in [t for t, ids in table.items() if not gone.isdisjoint(ids)]:
                kept = array(typecode, (i for i in table[term] if i not in gone))
                if kept:
                    table[term] = kept
                else:
                    del table[term]
                touched.add(term)
        return touched
