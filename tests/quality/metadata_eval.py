"""Score page metadata (title, author, date, publisher, canonical URL) against ``metadata_gold.jsonl``.

The pages are read from ``html-pages-dev.tar.gz`` in the shared data folder (never committed). claimgraph reads
each page as ``claimgraph ingest`` does (:func:`~claimgraph.sources.readers.decode`, then
:func:`~claimgraph.sources.readers.html_document`); trafilatura alone is ``trafilatura.bare_extraction(html,
with_metadata=True)`` on the same decoded text. A field is right when the normalised values are equal (see
``README.md``, "Page metadata: how it is scored"); both empty counts as right. A page claimgraph refuses is lost:
every field of it counts as wrong.

Usage: ``python -m tests.quality.metadata_eval [--split tune|test|all] [--show]`` (``--show`` lists the wrong
fields; only ever look at them on the tune split).
"""

from __future__ import annotations

import json
import os
import re
import sys
import tarfile
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

GOLD = Path(__file__).parent / "metadata_gold.jsonl"
FIELDS = ("title", "author", "date", "publisher", "url")
TARBALL = "html-pages-dev.tar.gz"


def data_dir() -> Path | None:
    """The shared data folder: ``$CLAIMGRAPH_SHARED_DATA``, else ``shared/data`` beside any parent folder."""
    env = os.environ.get("CLAIMGRAPH_SHARED_DATA")
    if env:
        return Path(env) if (Path(env) / TARBALL).exists() else None
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "shared" / "data"
        if (candidate / TARBALL).exists():
            return candidate
    return None


def gold(split: str = "all") -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if split == "all" or r["split"] == split]


@lru_cache(maxsize=1)
def pages() -> dict[str, bytes]:
    """The saved pages by member path (the gold's ``id``)."""
    folder = data_dir()
    if folder is None:
        raise FileNotFoundError(f"{TARBALL} not found; set CLAIMGRAPH_SHARED_DATA to the shared data folder")
    out = {}
    with tarfile.open(folder / TARBALL) as tar:
        for m in tar.getmembers():
            if m.isfile() and m.name.endswith(".html"):
                fh = tar.extractfile(m)
                if fh is not None:
                    out[m.name.removeprefix("./")] = fh.read()
    return out


# --- normalisation -----------------------------------------------------------------------------------------

def norm_text(value: object) -> str:
    """Titles: NFKC, case-folded, typographic quotes and dashes made plain, spaces collapsed."""
    if not value:
        return ""
    text = unicodedata.normalize("NFKC", str(value)).casefold()
    text = re.sub(r"[\u2018\u2019\u201a\u201b\u2032`´]", "'", text)
    text = re.sub(r"[\u201c\u201d\u201e\u2033«»]", '"', text)
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    return " ".join(text.replace("\u00a0", " ").split()).strip(" .")


def norm_name(value: object) -> str:
    """Author and publisher names: as titles, then punctuation, spaces and a leading "The" ignored."""
    text = norm_text(value)
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"[\W_]+", "", text)


def norm_url(value: object) -> str:
    """URLs: scheme and host case-insensitive, percent-escapes decoded, default port and trailing slash dropped."""
    if not value:
        return ""
    parts = urlsplit(str(value).strip())
    host = (parts.hostname or "").lower()
    if parts.port and not ((parts.scheme == "http" and parts.port == 80) or (parts.scheme == "https" and
                                                                              parts.port == 443)):
        host += f":{parts.port}"
    path = unquote(parts.path).rstrip("/")
    return urlunsplit((parts.scheme.lower(), host, path, unquote(parts.query), ""))


def same(field_name: str, got: Any, want: Any) -> bool:
    if field_name == "author":
        return {norm_name(a) for a in got or []} == {norm_name(a) for a in want or []}
    if field_name == "publisher":
        return norm_name(got) == norm_name(want)
    if field_name == "url":
        return norm_url(got) == norm_url(want)
    if field_name == "date":
        return (got or None) == (want or None)
    return norm_text(got) == norm_text(want)


# --- the two readers ---------------------------------------------------------------------------------------

Reading = dict[str, Any]


def _decoded(raw: bytes, pid: str) -> str:
    from claimgraph.sources.readers import decode

    return decode(raw, pid)


def claimgraph_reading(raw: bytes, pid: str) -> Reading | None:
    """What claimgraph stores for a page, or ``None`` when the page is refused (lost)."""
    from claimgraph.errors import InputError
    from claimgraph.sources.readers import Metadata, html_document

    try:
        doc = html_document(_decoded(raw, pid), pid, Metadata())
    except InputError:
        return None
    return {"title": doc.title or None, "author": [a.name for a in doc.authors], "publisher": doc.publisher,
            "date": doc.published.isoformat() if doc.published else None, "url": doc.url}


def trafilatura_reading(raw: bytes, pid: str) -> Reading | None:
    """trafilatura alone: ``bare_extraction`` with metadata, default settings."""
    import trafilatura

    try:
        r: Any = trafilatura.bare_extraction(_decoded(raw, pid), with_metadata=True)
    except Exception:
        return None
    if r is None:
        return None
    authors = [a.strip() for a in re.split(r";", r.author or "") if a.strip()]
    return {"title": r.title, "author": authors, "publisher": r.sitename, "date": r.date, "url": r.url}


def _want(row: dict[str, Any]) -> Reading:
    return {"title": row["title"], "author": [a["name"] for a in row["authors"]], "publisher": row["publisher"],
            "date": row["published"], "url": row["url"]}


# --- scoring -----------------------------------------------------------------------------------------------

@dataclass
class Score:
    """Right answers per field over ``n`` pages, pages lost, and the wrong fields (for the tune split)."""

    n: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    lost: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def accuracy(self, f: str) -> float:
        return self.right[f] / self.n if self.n else 0.0


def score(reader: Callable[[bytes, str], Reading | None], split: str = "all") -> Score:
    out = Score()
    available = pages()
    for row in gold(split):
        raw = available.get(row["id"])
        if raw is None:
            raise KeyError(f"{row['id']} is not in {TARBALL}")
        got = reader(raw, row["id"])
        want = _want(row)
        out.n += 1
        if got is None:
            out.lost.append(row["id"])
            got = dict.fromkeys(FIELDS)
        for f in FIELDS:
            if same(f, got[f], want[f]):
                out.right[f] += 1
            else:
                out.wrong.append(f"{row['id']} {f}: got {got[f]!r}, gold {want[f]!r}")
    return out


def comparison(split: str) -> Iterator[tuple[str, int, int, int]]:
    """(field, claimgraph right, trafilatura right, pages) per field on one split."""
    ours, theirs = score(claimgraph_reading, split), score(trafilatura_reading, split)
    for f in FIELDS:
        yield f, ours.right[f], theirs.right[f], ours.n


def main(argv: list[str]) -> None:
    split = argv[argv.index("--split") + 1] if "--split" in argv else "all"
    ours = score(claimgraph_reading, split)
    theirs = score(trafilatura_reading, split)
    print(f"{split}: {ours.n} pages, claimgraph lost {len(ours.lost)}")
    print(f"{'field':10} {'claimgraph':>10} {'trafilatura':>11}")
    for f in FIELDS:
        print(f"{f:10} {ours.right[f]:>10} {theirs.right[f]:>11}")
    if "--show" in argv:
        print("\n".join(ours.wrong))


if __name__ == "__main__":
    main(sys.argv[1:])
