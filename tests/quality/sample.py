"""Deterministic samples of real development text from ``../shared/data`` for the claim gold.

Every item is rebuilt from the shared data at test time from its ``id`` alone, so the repository holds only
ids, annotations and short quotes, never the texts themselves.

Item kinds and ids:

* ``wire-earn`` / ``wire-other``: a Reuters-21578 record (``reuters-NNNN``), as ``claimgraph ingest`` reads it;
* ``summary``: an ECTSum Reuters-style summary (``ectsum-TICKER_qN_YYYY``);
* ``transcript``: a passage of an ECTSum transcript (``transcript-TICKER_qN_YYYY@START-END``): whole lines,
  about 2,500 characters, starting at a line that states an amount of money;
* ``page``: a saved HTML page from ``html-pages-dev.tar.gz`` (``page-<member path>``).

ECTSum gives no call date: items are dated 40 days after the end of the calendar quarter they name.

``python -m tests.quality.sample OUT`` writes the main sample (120 items) and the fresh sample (25 items that
share nothing with the main one) as annotation folders: one ``.txt`` per item, plus the HTML for pages.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import os
import random
import re
import sys
import tarfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


def _data_dir() -> Path:
    """``$CLAIMGRAPH_SHARED_DATA``, else ``shared/data`` beside the nearest parent folder that has one."""
    env = os.environ.get("CLAIMGRAPH_SHARED_DATA")
    if env:
        return Path(env)
    for parent in Path(__file__).resolve().parents:
        if (parent / "shared" / "data" / "reuters21578-dev.jsonl.gz").exists():
            return parent / "shared" / "data"
    return Path(__file__).resolve().parents[3] / "shared" / "data"


DATA = _data_dir()
MAIN_SEED = 20261123
FRESH_SEED = 777
MAIN_MIX = {"wire-earn": 48, "wire-other": 24, "summary": 18, "transcript": 18, "page": 12}
FRESH_MIX = {"wire-earn": 10, "wire-other": 5, "summary": 4, "transcript": 3, "page": 3}
FRESH2_SEED = 31337
FRESH2_MIX = {"wire-earn": 12, "wire-other": 6, "summary": 5, "transcript": 4, "page": 3}
FRESH3_SEED = 4242
FRESH3_MIX = {"wire-earn": 12, "wire-other": 6, "summary": 5, "transcript": 4, "page": 3}
FRESH4_SEED = 60613
FRESH4_MIX = {"wire-earn": 12, "wire-other": 6, "summary": 5, "transcript": 4, "page": 3}
FRESH5_SEED = 91127
FRESH5_MIX = {"wire-earn": 12, "wire-other": 6, "summary": 5, "transcript": 4, "page": 3}
FRESH6_SEED = 27449
FRESH6_MIX = {"wire-earn": 12, "wire-other": 6, "summary": 5, "transcript": 4, "page": 3}
FRESH7_SEED = 60913
FRESH7_MIX = {"wire-earn": 12, "wire-other": 6, "summary": 5, "transcript": 4, "page": 3}
FRESH8_SEED = 81551
FRESH8_MIX = {"wire-earn": 12, "wire-other": 6, "summary": 5, "transcript": 4, "page": 3}
FRESH9_SEED = 38209
FRESH9_MIX = {"wire-earn": 12, "wire-other": 6, "summary": 5, "transcript": 4, "page": 3}
FRESH10_SEED = 60473
FRESH10_MIX = {"wire-earn": 12, "wire-other": 6, "summary": 5, "transcript": 4, "page": 3}
FRESH11_SEED = 17761
FRESH11_MIX = {"wire-earn": 12, "wire-other": 6, "summary": 5, "transcript": 4, "page": 3}
FRESH12_SEED = 30316
FRESH12_MIX = {"wire-earn": 12, "wire-other": 6, "summary": 5, "transcript": 4, "page": 3}
FRESH13_SEED = 23383
FRESH13_MIX = {"wire-earn": 12, "wire-other": 6, "summary": 5, "transcript": 4, "page": 3}
FRESH14_SEED = 72765
FRESH14_MIX = {"wire-earn": 12, "wire-other": 6, "summary": 5, "transcript": 4, "page": 3}
FRESH15_SEED = 74856
FRESH15_MIX = {"wire-earn": 12, "wire-other": 6, "summary": 5, "transcript": 4, "page": 3}
FRESH16_SEED = 76610
FRESH16_MIX = {"wire-earn": 12, "wire-other": 6, "summary": 5, "transcript": 4, "page": 3}
FRESH17_SEED = 47864
FRESH17_MIX = {"wire-earn": 12, "wire-other": 6, "summary": 5, "transcript": 4, "page": 3}
FRESH18_SEED = 46279
FRESH18_MIX = {"wire-earn": 12, "wire-other": 6, "summary": 5, "transcript": 4, "page": 3}
FRESH19_SEED = 39040
FRESH19_MIX = {"wire-earn": 12, "wire-other": 6, "summary": 5, "transcript": 4, "page": 3}
FRESH20_SEED = 71560  # random.Random('2026-12-07 fourteenth session').randrange(100000), first
FRESH20_MIX = {"wire-earn": 12, "wire-other": 6, "summary": 5, "transcript": 4, "page": 3}
FRESH21_SEED = 55707  # ... and second
FRESH21_MIX = {"wire-earn": 12, "wire-other": 6, "summary": 5, "transcript": 4, "page": 3}
FRESH22_SEED = 20210  # random.Random('2026-12-07 fifteenth session').randrange(100000), first
FRESH22_MIX = {"wire-earn": 12, "wire-other": 6, "summary": 5, "transcript": 4, "page": 3}
FRESH23_SEED = 69674  # ... and second
FRESH23_MIX = {"wire-earn": 12, "wire-other": 6, "summary": 5, "transcript": 4, "page": 3}
FRESH24_SEED = 77909  # random.Random('2026-12-08 sixteenth session').randrange(100000), first
FRESH24_MIX = {"wire-earn": 12, "wire-other": 6, "summary": 5, "transcript": 4, "page": 3}
FRESH25_SEED = 84158  # ... and second
FRESH25_MIX = {"wire-earn": 12, "wire-other": 6, "summary": 5, "transcript": 4, "page": 3}
PASSAGE_CHARS = 2500


@dataclass(frozen=True)
class Item:
    """One sampled input: a JSON record (``record``) or an HTML page (``html``)."""

    id: str
    kind: str
    record: dict[str, str] | None = None
    html: bytes | None = None


def available() -> bool:
    return (DATA / "reuters21578-dev.jsonl.gz").exists()


@lru_cache(maxsize=1)
def _reuters() -> list[dict[str, object]]:
    with gzip.open(DATA / "reuters21578-dev.jsonl.gz", "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


@lru_cache(maxsize=1)
def _ectsum() -> list[dict[str, object]]:
    with gzip.open(DATA / "ectsum-dev.jsonl.gz", "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


@lru_cache(maxsize=1)
def _pages() -> dict[str, bytes]:
    out = {}
    with tarfile.open(DATA / "html-pages-dev.tar.gz") as tar:
        for m in tar.getmembers():
            if m.name.endswith(".html") and m.isfile():
                fh = tar.extractfile(m)
                if fh is not None:
                    out[m.name] = fh.read()
    return out


def call_date(quarter: int, year: int) -> str:
    """ECTSum has no call date: 40 days after the calendar quarter ends.

    >>> call_date(4, 2020), call_date(1, 2021)
    ('2021-02-09', '2021-05-10')
    """
    end = dt.date(year, 3 * quarter, 30 if quarter in (2, 3) else 31)
    return (end + dt.timedelta(days=40)).isoformat()


def _passage(transcript: str, rng: random.Random) -> tuple[int, int]:
    lines = transcript.splitlines(keepends=True)
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line)
    money = [i for i, line in enumerate(lines) if "$" in line or " million" in line or " billion" in line]
    first = rng.choice(money) if money else 0
    start = starts[first]
    end = start
    for i in range(first, len(lines)):
        end = starts[i] + len(lines[i])
        if end - start >= PASSAGE_CHARS:
            break
    return start, end


def _ectsum_record(r: dict[str, object], kind: str, span: tuple[int, int] | None = None) -> Item:
    q, y, ticker = int(str(r["quarter"])), int(str(r["year"])), str(r["ticker"])
    if kind == "summary":
        return Item(f"ectsum-{r['id']}", kind, {"id": f"ectsum-{r['id']}", "title": f"{ticker} Q{q} {y} results",
                                                 "text": str(r["summary"]), "published": call_date(q, y)})
    assert span is not None
    iid = f"transcript-{r['id']}@{span[0]}-{span[1]}"
    return Item(iid, kind, {"id": iid, "title": f"{ticker} Q{q} {y} earnings call",
                            "text": str(r["transcript"])[span[0]:span[1]], "published": call_date(q, y)})


def _draw(seed: int, mix: dict[str, int], exclude: set[str]) -> list[Item]:
    rng = random.Random(seed)
    reuters = _reuters()
    earn = [r for r in reuters if "earn" in r["topics"] and r["id"] not in exclude]  # type: ignore[operator]
    other = [r for r in reuters if "earn" not in r["topics"] and r["id"] not in exclude]  # type: ignore[operator]
    items: list[Item] = []
    for r in rng.sample(earn, mix["wire-earn"]):
        items.append(Item(str(r["id"]), "wire-earn", {k: str(v) for k, v in r.items() if k != "topics"}))
    for r in rng.sample(other, mix["wire-other"]):
        items.append(Item(str(r["id"]), "wire-other", {k: str(v) for k, v in r.items() if k != "topics"}))
    ects = [r for r in _ectsum() if f"ectsum-{r['id']}" not in exclude and
            not any(x.startswith(f"transcript-{r['id']}@") for x in exclude)]
    chosen = rng.sample(ects, mix["summary"] + mix["transcript"])
    for r in chosen[: mix["summary"]]:
        items.append(_ectsum_record(r, "summary"))
    for r in chosen[mix["summary"]:]:
        items.append(_ectsum_record(r, "transcript", _passage(str(r["transcript"]), rng)))
    pages = sorted(p for p in _pages() if f"page-{p}" not in exclude)
    for p in rng.sample(pages, mix["page"]):
        items.append(Item(f"page-{p}", "page", html=_pages()[p]))
    return items


@lru_cache(maxsize=1)  # (each draw excludes every earlier one: built once)
def main_sample() -> list[Item]:
    """The 120 items of the gold, in a fixed order."""
    return _draw(MAIN_SEED, MAIN_MIX, set())


def test_ids() -> set[str]:
    """The test part of the main sample: a third of each kind, drawn with a fixed seed; scored, never tuned on."""
    rng = random.Random(MAIN_SEED + 1)
    out: set[str] = set()
    items = main_sample()
    for kind in MAIN_MIX:
        ids = sorted(i.id for i in items if i.kind == kind)
        out.update(rng.sample(ids, len(ids) // 3))
    return out


@lru_cache(maxsize=1)  # (each draw excludes every earlier one: built once)
def fresh_sample() -> list[Item]:
    """25 items drawn after the rules were written, sharing nothing with the main sample."""
    taken = {i.id for i in main_sample()}
    taken |= {i.id.split("@")[0].replace("transcript-", "ectsum-") for i in main_sample() if i.kind == "transcript"}
    return _draw(FRESH_SEED, FRESH_MIX, taken)


@lru_cache(maxsize=1)  # (each draw excludes every earlier one: built once)
def fresh2_sample() -> list[Item]:
    """30 items drawn in the round after the first fresh sample was scored, sharing nothing with either sample."""
    earlier = main_sample() + fresh_sample()
    taken = {i.id for i in earlier}
    taken |= {i.id.split("@")[0].replace("transcript-", "ectsum-") for i in earlier if i.kind == "transcript"}
    return _draw(FRESH2_SEED, FRESH2_MIX, taken)


@lru_cache(maxsize=1)  # (each draw excludes every earlier one: built once)
def fresh3_sample() -> list[Item]:
    """30 items drawn in the round after fresh2 was scored (fresh and fresh2 became tuning data then)."""
    earlier = main_sample() + fresh_sample() + fresh2_sample()
    taken = {i.id for i in earlier}
    taken |= {i.id.split("@")[0].replace("transcript-", "ectsum-") for i in earlier if i.kind == "transcript"}
    return _draw(FRESH3_SEED, FRESH3_MIX, taken)


@lru_cache(maxsize=1)  # (each draw excludes every earlier one: built once)
def fresh4_sample() -> list[Item]:
    """30 items drawn in the round after fresh3 was scored (fresh3 became tuning data then)."""
    earlier = main_sample() + fresh_sample() + fresh2_sample() + fresh3_sample()
    taken = {i.id for i in earlier}
    taken |= {i.id.split("@")[0].replace("transcript-", "ectsum-") for i in earlier if i.kind == "transcript"}
    return _draw(FRESH4_SEED, FRESH4_MIX, taken)


@lru_cache(maxsize=1)  # (each draw excludes every earlier one: built once)
def fresh5_sample() -> list[Item]:
    """30 items drawn in the round after fresh4 was scored (fresh4 became tuning data then)."""
    earlier = main_sample() + fresh_sample() + fresh2_sample() + fresh3_sample() + fresh4_sample()
    taken = {i.id for i in earlier}
    taken |= {i.id.split("@")[0].replace("transcript-", "ectsum-") for i in earlier if i.kind == "transcript"}
    return _draw(FRESH5_SEED, FRESH5_MIX, taken)


@lru_cache(maxsize=1)  # (each draw excludes every earlier one: built once)
def fresh6_sample() -> list[Item]:
    """30 items drawn in the round after fresh5 was scored (fresh5 became tuning data then)."""
    earlier = (main_sample() + fresh_sample() + fresh2_sample() + fresh3_sample() + fresh4_sample()
               + fresh5_sample())
    taken = {i.id for i in earlier}
    taken |= {i.id.split("@")[0].replace("transcript-", "ectsum-") for i in earlier if i.kind == "transcript"}
    return _draw(FRESH6_SEED, FRESH6_MIX, taken)


@lru_cache(maxsize=1)  # (each draw excludes every earlier one: built once)
def fresh7_sample() -> list[Item]:
    """30 items drawn in the round after fresh6 was scored (fresh6 became tuning data then)."""
    earlier = (main_sample() + fresh_sample() + fresh2_sample() + fresh3_sample() + fresh4_sample()
               + fresh5_sample() + fresh6_sample())
    taken = {i.id for i in earlier}
    taken |= {i.id.split("@")[0].replace("transcript-", "ectsum-") for i in earlier if i.kind == "transcript"}
    return _draw(FRESH7_SEED, FRESH7_MIX, taken)


@lru_cache(maxsize=1)  # (each draw excludes every earlier one: built once)
def fresh8_sample() -> list[Item]:
    """30 items drawn in the round after fresh7 was scored (fresh7 became tuning data then)."""
    earlier = (main_sample() + fresh_sample() + fresh2_sample() + fresh3_sample() + fresh4_sample()
               + fresh5_sample() + fresh6_sample() + fresh7_sample())
    taken = {i.id for i in earlier}
    taken |= {i.id.split("@")[0].replace("transcript-", "ectsum-") for i in earlier if i.kind == "transcript"}
    return _draw(FRESH8_SEED, FRESH8_MIX, taken)


@lru_cache(maxsize=1)  # (each draw excludes every earlier one: built once)
def fresh9_sample() -> list[Item]:
    """30 items drawn in the round after fresh8 was scored (fresh8 became tuning data then)."""
    earlier = (main_sample() + fresh_sample() + fresh2_sample() + fresh3_sample() + fresh4_sample()
               + fresh5_sample() + fresh6_sample() + fresh7_sample() + fresh8_sample())
    taken = {i.id for i in earlier}
    taken |= {i.id.split("@")[0].replace("transcript-", "ectsum-") for i in earlier if i.kind == "transcript"}
    return _draw(FRESH9_SEED, FRESH9_MIX, taken)


@lru_cache(maxsize=1)  # (each draw excludes every earlier one: built once)
def fresh10_sample() -> list[Item]:
    """30 items drawn in the round after fresh9 was scored (fresh9 became tuning data then)."""
    earlier = (main_sample() + fresh_sample() + fresh2_sample() + fresh3_sample() + fresh4_sample()
               + fresh5_sample() + fresh6_sample() + fresh7_sample() + fresh8_sample() + fresh9_sample())
    taken = {i.id for i in earlier}
    taken |= {i.id.split("@")[0].replace("transcript-", "ectsum-") for i in earlier if i.kind == "transcript"}
    return _draw(FRESH10_SEED, FRESH10_MIX, taken)


@lru_cache(maxsize=1)  # (each draw excludes every earlier one: built once)
def fresh11_sample() -> list[Item]:
    """30 more items drawn in the same round as fresh10, so that round's held-back score rests on 60 items."""
    earlier = (main_sample() + fresh_sample() + fresh2_sample() + fresh3_sample() + fresh4_sample()
               + fresh5_sample() + fresh6_sample() + fresh7_sample() + fresh8_sample() + fresh9_sample()
               + fresh10_sample())
    taken = {i.id for i in earlier}
    taken |= {i.id.split("@")[0].replace("transcript-", "ectsum-") for i in earlier if i.kind == "transcript"}
    return _draw(FRESH11_SEED, FRESH11_MIX, taken)


@lru_cache(maxsize=1)  # (each draw excludes every earlier one: built once)
def fresh12_sample() -> list[Item]:
    """30 items drawn in the round after fresh10 and fresh11 were scored (both became tuning data then)."""
    earlier = (main_sample() + fresh_sample() + fresh2_sample() + fresh3_sample() + fresh4_sample()
               + fresh5_sample() + fresh6_sample() + fresh7_sample() + fresh8_sample() + fresh9_sample()
               + fresh10_sample() + fresh11_sample())
    taken = {i.id for i in earlier}
    taken |= {i.id.split("@")[0].replace("transcript-", "ectsum-") for i in earlier if i.kind == "transcript"}
    return _draw(FRESH12_SEED, FRESH12_MIX, taken)


@lru_cache(maxsize=1)  # (each draw excludes every earlier one: built once)
def fresh13_sample() -> list[Item]:
    """30 more items drawn in the same round as fresh12, so that round's held-back score rests on 60 items."""
    earlier = (main_sample() + fresh_sample() + fresh2_sample() + fresh3_sample() + fresh4_sample()
               + fresh5_sample() + fresh6_sample() + fresh7_sample() + fresh8_sample() + fresh9_sample()
               + fresh10_sample() + fresh11_sample() + fresh12_sample())
    taken = {i.id for i in earlier}
    taken |= {i.id.split("@")[0].replace("transcript-", "ectsum-") for i in earlier if i.kind == "transcript"}
    return _draw(FRESH13_SEED, FRESH13_MIX, taken)


@lru_cache(maxsize=1)  # (each draw excludes every earlier one: built once)
def fresh14_sample() -> list[Item]:
    """30 items drawn in the round after fresh12 and fresh13 were scored (both became tuning data then)."""
    earlier = (main_sample() + fresh_sample() + fresh2_sample() + fresh3_sample() + fresh4_sample()
               + fresh5_sample() + fresh6_sample() + fresh7_sample() + fresh8_sample() + fresh9_sample()
               + fresh10_sample() + fresh11_sample() + fresh12_sample() + fresh13_sample())
    taken = {i.id for i in earlier}
    taken |= {i.id.split("@")[0].replace("transcript-", "ectsum-") for i in earlier if i.kind == "transcript"}
    return _draw(FRESH14_SEED, FRESH14_MIX, taken)


@lru_cache(maxsize=1)  # (each draw excludes every earlier one: built once)
def fresh15_sample() -> list[Item]:
    """30 more items drawn in the same round as fresh14, so that round's held-back score rests on 60 items."""
    earlier = (main_sample() + fresh_sample() + fresh2_sample() + fresh3_sample() + fresh4_sample()
               + fresh5_sample() + fresh6_sample() + fresh7_sample() + fresh8_sample() + fresh9_sample()
               + fresh10_sample() + fresh11_sample() + fresh12_sample() + fresh13_sample() + fresh14_sample())
    taken = {i.id for i in earlier}
    taken |= {i.id.split("@")[0].replace("transcript-", "ectsum-") for i in earlier if i.kind == "transcript"}
    return _draw(FRESH15_SEED, FRESH15_MIX, taken)


@lru_cache(maxsize=1)  # (each draw excludes every earlier one: built once)
def fresh16_sample() -> list[Item]:
    """30 items drawn in the round after fresh14 and fresh15 were scored (both became tuning data then)."""
    earlier = (main_sample() + fresh_sample() + fresh2_sample() + fresh3_sample() + fresh4_sample()
               + fresh5_sample() + fresh6_sample() + fresh7_sample() + fresh8_sample() + fresh9_sample()
               + fresh10_sample() + fresh11_sample() + fresh12_sample() + fresh13_sample() + fresh14_sample()
               + fresh15_sample())
    taken = {i.id for i in earlier}
    taken |= {i.id.split("@")[0].replace("transcript-", "ectsum-") for i in earlier if i.kind == "transcript"}
    return _draw(FRESH16_SEED, FRESH16_MIX, taken)


@lru_cache(maxsize=1)  # (each draw excludes every earlier one: built once)
def fresh17_sample() -> list[Item]:
    """30 more items drawn in the same round as fresh16, so that round's held-back score rests on 60 items."""
    earlier = (main_sample() + fresh_sample() + fresh2_sample() + fresh3_sample() + fresh4_sample()
               + fresh5_sample() + fresh6_sample() + fresh7_sample() + fresh8_sample() + fresh9_sample()
               + fresh10_sample() + fresh11_sample() + fresh12_sample() + fresh13_sample() + fresh14_sample()
               + fresh15_sample() + fresh16_sample())
    taken = {i.id for i in earlier}
    taken |= {i.id.split("@")[0].replace("transcript-", "ectsum-") for i in earlier if i.kind == "transcript"}
    return _draw(FRESH17_SEED, FRESH17_MIX, taken)


@lru_cache(maxsize=1)  # (each draw excludes every earlier one: built once)
def fresh18_sample() -> list[Item]:
    """30 items drawn in the round after fresh16 and fresh17 were scored (both became tuning data then)."""
    earlier = (main_sample() + fresh_sample() + fresh2_sample() + fresh3_sample() + fresh4_sample()
               + fresh5_sample() + fresh6_sample() + fresh7_sample() + fresh8_sample() + fresh9_sample()
               + fresh10_sample() + fresh11_sample() + fresh12_sample() + fresh13_sample() + fresh14_sample()
               + fresh15_sample() + fresh16_sample() + fresh17_sample())
    taken = {i.id for i in earlier}
    taken |= {i.id.split("@")[0].replace("transcript-", "ectsum-") for i in earlier if i.kind == "transcript"}
    return _draw(FRESH18_SEED, FRESH18_MIX, taken)


@lru_cache(maxsize=1)  # (each draw excludes every earlier one: built once)
def fresh19_sample() -> list[Item]:
    """30 more items drawn in the same round as fresh18, so that round's held-back score rests on 60 items."""
    earlier = (main_sample() + fresh_sample() + fresh2_sample() + fresh3_sample() + fresh4_sample()
               + fresh5_sample() + fresh6_sample() + fresh7_sample() + fresh8_sample() + fresh9_sample()
               + fresh10_sample() + fresh11_sample() + fresh12_sample() + fresh13_sample() + fresh14_sample()
               + fresh15_sample() + fresh16_sample() + fresh17_sample() + fresh18_sample())
    taken = {i.id for i in earlier}
    taken |= {i.id.split("@")[0].replace("transcript-", "ectsum-") for i in earlier if i.kind == "transcript"}
    return _draw(FRESH19_SEED, FRESH19_MIX, taken)


@lru_cache(maxsize=1)  # (each draw excludes every earlier one: built once)
def fresh20_sample() -> list[Item]:
    """30 items drawn in the round after fresh18 and fresh19 were scored (both became tuning data then)."""
    earlier = (main_sample() + fresh_sample() + fresh2_sample() + fresh3_sample() + fresh4_sample()
               + fresh5_sample() + fresh6_sample() + fresh7_sample() + fresh8_sample() + fresh9_sample()
               + fresh10_sample() + fresh11_sample() + fresh12_sample() + fresh13_sample() + fresh14_sample()
               + fresh15_sample() + fresh16_sample() + fresh17_sample() + fresh18_sample() + fresh19_sample())
    taken = {i.id for i in earlier}
    taken |= {i.id.split("@")[0].replace("transcript-", "ectsum-") for i in earlier if i.kind == "transcript"}
    return _draw(FRESH20_SEED, FRESH20_MIX, taken)


@lru_cache(maxsize=1)  # (each draw excludes every earlier one: built once)
def fresh21_sample() -> list[Item]:
    """30 more items drawn in the same round as fresh20, so that round's held-back score rests on 60 items."""
    earlier = (main_sample() + fresh_sample() + fresh2_sample() + fresh3_sample() + fresh4_sample()
               + fresh5_sample() + fresh6_sample() + fresh7_sample() + fresh8_sample() + fresh9_sample()
               + fresh10_sample() + fresh11_sample() + fresh12_sample() + fresh13_sample() + fresh14_sample()
               + fresh15_sample() + fresh16_sample() + fresh17_sample() + fresh18_sample() + fresh19_sample()
               + fresh20_sample())
    taken = {i.id for i in earlier}
    taken |= {i.id.split("@")[0].replace("transcript-", "ectsum-") for i in earlier if i.kind == "transcript"}
    return _draw(FRESH21_SEED, FRESH21_MIX, taken)


@lru_cache(maxsize=1)  # (each draw excludes every earlier one: built once)
def fresh22_sample() -> list[Item]:
    """30 items drawn in the round after fresh20 and fresh21 were scored (both became tuning data then)."""
    earlier = (main_sample() + fresh_sample() + fresh2_sample() + fresh3_sample() + fresh4_sample()
               + fresh5_sample() + fresh6_sample() + fresh7_sample() + fresh8_sample() + fresh9_sample()
               + fresh10_sample() + fresh11_sample() + fresh12_sample() + fresh13_sample() + fresh14_sample()
               + fresh15_sample() + fresh16_sample() + fresh17_sample() + fresh18_sample() + fresh19_sample()
               + fresh20_sample() + fresh21_sample())
    taken = {i.id for i in earlier}
    taken |= {i.id.split("@")[0].replace("transcript-", "ectsum-") for i in earlier if i.kind == "transcript"}
    return _draw(FRESH22_SEED, FRESH22_MIX, taken)


@lru_cache(maxsize=1)  # (each draw excludes every earlier one: built once)
def fresh23_sample() -> list[Item]:
    """30 more items drawn in the same round as fresh22, so that round's held-back score rests on 60 items."""
    earlier = (main_sample() + fresh_sample() + fresh2_sample() + fresh3_sample() + fresh4_sample()
               + fresh5_sample() + fresh6_sample() + fresh7_sample() + fresh8_sample() + fresh9_sample()
               + fresh10_sample() + fresh11_sample() + fresh12_sample() + fresh13_sample() + fresh14_sample()
               + fresh15_sample() + fresh16_sample() + fresh17_sample() + fresh18_sample() + fresh19_sample()
               + fresh20_sample() + fresh21_sample()
               + fresh22_sample())
    taken = {i.id for i in earlier}
    taken |= {i.id.split("@")[0].replace("transcript-", "ectsum-") for i in earlier if i.kind == "transcript"}
    return _draw(FRESH23_SEED, FRESH23_MIX, taken)


@lru_cache(maxsize=1)  # (each draw excludes every earlier one: built once)
def fresh24_sample() -> list[Item]:
    """30 items drawn in the round after fresh22 and fresh23 were scored (both became tuning data then)."""
    earlier = (main_sample() + fresh_sample() + fresh2_sample() + fresh3_sample() + fresh4_sample()
               + fresh5_sample() + fresh6_sample() + fresh7_sample() + fresh8_sample() + fresh9_sample()
               + fresh10_sample() + fresh11_sample() + fresh12_sample() + fresh13_sample() + fresh14_sample()
               + fresh15_sample() + fresh16_sample() + fresh17_sample() + fresh18_sample() + fresh19_sample()
               + fresh20_sample() + fresh21_sample() + fresh22_sample() + fresh23_sample())
    taken = {i.id for i in earlier}
    taken |= {i.id.split("@")[0].replace("transcript-", "ectsum-") for i in earlier if i.kind == "transcript"}
    return _draw(FRESH24_SEED, FRESH24_MIX, taken)


@lru_cache(maxsize=1)  # (each draw excludes every earlier one: built once)
def fresh25_sample() -> list[Item]:
    """30 more items drawn in the same round as fresh24, so that round's held-back score rests on 60 items."""
    earlier = (main_sample() + fresh_sample() + fresh2_sample() + fresh3_sample() + fresh4_sample()
               + fresh5_sample() + fresh6_sample() + fresh7_sample() + fresh8_sample() + fresh9_sample()
               + fresh10_sample() + fresh11_sample() + fresh12_sample() + fresh13_sample() + fresh14_sample()
               + fresh15_sample() + fresh16_sample() + fresh17_sample() + fresh18_sample() + fresh19_sample()
               + fresh20_sample() + fresh21_sample() + fresh22_sample() + fresh23_sample()
               + fresh24_sample())
    taken = {i.id for i in earlier}
    taken |= {i.id.split("@")[0].replace("transcript-", "ectsum-") for i in earlier if i.kind == "transcript"}
    return _draw(FRESH25_SEED, FRESH25_MIX, taken)

QUANTITY_SEED = 4846
QUANTITY_MIX = {"phrasebank": 200, "wire": 100}


@lru_cache(maxsize=1)
def _phrasebank() -> list[str]:
    with gzip.open(DATA / "financial_phrasebank" / "Sentences_50Agree.txt.gz", "rt", encoding="latin-1") as fh:
        return [line.rsplit("@", 1)[0].strip() for line in fh if line.strip()]


def _wire_sentences(r: dict[str, object]) -> list[str]:
    """Prose sentences of a wire item (table lines and the dateline left out)."""
    import re

    body = str(r["text"]).split(" - ", 1)[-1]
    prose = " ".join(line.strip() for line in body.splitlines()
                     if len(line.strip()) > 40 or not re.match(r"^\s{2,}\S", line))
    return [s.strip() for s in re.split(r"(?<=[a-z0-9%)][.])\s+(?=[A-Z\"])", prose) if 40 <= len(s.strip()) <= 400]


def quantity_sentences() -> list[tuple[str, str]]:
    """(id, sentence) pairs for the quantity gold: financial news sentences and Reuters prose sentences."""
    rng = random.Random(QUANTITY_SEED)
    bank = _phrasebank()
    out = [(f"phrasebank-{i}", bank[i]) for i in sorted(rng.sample(range(len(bank)), QUANTITY_MIX["phrasebank"]))]
    items = rng.sample(_reuters(), 400)
    for r in items:
        sentences = _wire_sentences(r)
        if not sentences:
            continue
        n = rng.randrange(len(sentences))
        out.append((f"{r['id']}#{n}", sentences[n]))
        if len(out) >= sum(QUANTITY_MIX.values()):
            break
    return out


QUANTITY2_SEED = 4847
_HAS_NUMBER = r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|half|dozen)\b"


def quantity_sentences_tune2() -> list[tuple[str, str]]:
    """250 further (id, sentence) pairs for the quantity gold's ``tune2`` split: 150 phrasebank and 100 Reuters
    prose sentences that hold a number (in digits or words), none of them in :func:`quantity_sentences`."""
    import re

    have = {q for q, _ in quantity_sentences()}
    num = re.compile(_HAS_NUMBER, re.IGNORECASE)
    rng = random.Random(QUANTITY2_SEED)
    bank = _phrasebank()
    cand = [i for i in range(len(bank)) if f"phrasebank-{i}" not in have and num.search(bank[i])]
    out = [(f"phrasebank-{i}", bank[i]) for i in sorted(rng.sample(cand, 150))]
    for r in rng.sample(_reuters(), 600):
        sentences = _wire_sentences(r)
        idx = [n for n, x in enumerate(sentences) if num.search(x) and f"{r['id']}#{n}" not in have]
        if not idx:
            continue
        n = rng.choice(idx)
        out.append((f"{r['id']}#{n}", sentences[n]))
        if len(out) >= 250:
            break
    return out


QUANTITY3_SEED = 4848


def _call_sentences(r: dict[str, object], part: str) -> list[str]:
    """Sentences of an earnings call's transcript (``part`` "t") or lines of its summary ("s") holding a number."""
    import re

    num = re.compile(_HAS_NUMBER, re.IGNORECASE)
    if part == "s":
        parts = [x.strip() for x in str(r["summary"]).splitlines()]
    else:
        parts = [x.strip() for x in re.split(r"(?<=[a-z0-9%)][.?!])\s+(?=[A-Z])", str(r["transcript"]))]
    return [x for x in parts if 30 <= len(x) <= 400 and num.search(x)]


def quantity_sentences_tune3() -> list[tuple[str, str]]:
    """250 further (id, sentence) pairs for the quantity gold's ``tune3`` split, in modern earnings-call English:
    100 transcript sentences, 60 call-summary lines, 50 phrasebank and 40 Reuters prose sentences, each holding a
    number, none of them in an earlier split."""
    import re

    have = {q for q, _ in quantity_sentences()} | {q for q, _ in quantity_sentences_tune2()}
    num = re.compile(_HAS_NUMBER, re.IGNORECASE)
    rng = random.Random(QUANTITY3_SEED)
    out: list[tuple[str, str]] = []
    calls = rng.sample(_ectsum(), 200)
    for part, want in (("t", 100), ("s", 60)):
        got = 0
        for r in calls:
            sentences = _call_sentences(r, part)
            if sentences and got < want:
                n = rng.randrange(len(sentences))
                out.append((f"ectsum-{r['id']}#{part}{n}", sentences[n]))
                got += 1
    return out + _bank_draw(rng, have, num, 50) + _wire_draw(rng, have, num, 300, 40)


def _bank_draw(rng: random.Random, have: set[str], num: re.Pattern[str], k: int) -> list[tuple[str, str]]:
    """``k`` phrasebank sentences holding a number, none of them in ``have``."""
    bank = _phrasebank()
    cand = [i for i in range(len(bank)) if f"phrasebank-{i}" not in have and num.search(bank[i])]
    return [(f"phrasebank-{i}", bank[i]) for i in sorted(rng.sample(cand, k))]


def _wire_draw(rng: random.Random, have: set[str], num: re.Pattern[str], pool: int, want: int,
               ) -> list[tuple[str, str]]:
    """Up to ``want`` Reuters prose sentences holding a number, one from each of ``pool`` items drawn at random."""
    out: list[tuple[str, str]] = []
    for r in rng.sample(_reuters(), pool):
        sentences = _wire_sentences(r)
        idx = [n for n, x in enumerate(sentences) if num.search(x) and f"{r['id']}#{n}" not in have]
        if idx and len(out) < want:
            n = rng.choice(idx)
            out.append((f"{r['id']}#{n}", sentences[n]))
    return out


QUANTITY4_SEED = 4849


def quantity_sentences_tune4() -> list[tuple[str, str]]:
    """200 further (id, sentence) pairs for the quantity gold's ``tune4`` split, in the style of the test split:
    120 phrasebank sentences and 80 Reuters prose sentences, each holding a number, none of them in an earlier
    split."""
    import re

    have = ({q for q, _ in quantity_sentences()} | {q for q, _ in quantity_sentences_tune2()}
            | {q for q, _ in quantity_sentences_tune3()})
    num = re.compile(_HAS_NUMBER, re.IGNORECASE)
    rng = random.Random(QUANTITY4_SEED)
    return _bank_draw(rng, have, num, 120) + _wire_draw(rng, have, num, 400, 80)


QUANTITY5_SEED = 4850


def quantity_sentences_tune5() -> list[tuple[str, str]]:
    """200 further (id, sentence) pairs for the quantity gold's ``tune5`` split, drawn as ``tune4`` was (120
    phrasebank, 80 Reuters prose sentences with a number), none of them in an earlier split."""
    import re

    have = ({q for q, _ in quantity_sentences()} | {q for q, _ in quantity_sentences_tune2()}
            | {q for q, _ in quantity_sentences_tune3()} | {q for q, _ in quantity_sentences_tune4()})
    num = re.compile(_HAS_NUMBER, re.IGNORECASE)
    rng = random.Random(QUANTITY5_SEED)
    return _bank_draw(rng, have, num, 120) + _wire_draw(rng, have, num, 400, 80)


def quantity_sentence(qid: str) -> str:
    if qid.startswith("phrasebank-"):
        return _phrasebank()[int(qid.split("-")[1])]
    if qid.startswith("ectsum-"):
        key, _, ref = qid[len("ectsum-"):].partition("#")
        r = next(x for x in _ectsum() if x["id"] == key)
        return _call_sentences(r, ref[0])[int(ref[1:])]
    rid, _, n = qid.partition("#")
    r = next(x for x in _reuters() if x["id"] == rid)
    return _wire_sentences(r)[int(n)]


def item_by_id(iid: str) -> Item:
    """Rebuild one item from its id."""
    if iid.startswith("page-"):
        return Item(iid, "page", html=_pages()[iid[5:]])
    if iid.startswith("reuters-"):
        r = next(x for x in _reuters() if x["id"] == iid)
        kind = "wire-earn" if "earn" in r["topics"] else "wire-other"  # type: ignore[operator]
        return Item(iid, kind, {k: str(v) for k, v in r.items() if k != "topics"})
    if iid.startswith("ectsum-"):
        r = next(x for x in _ectsum() if f"ectsum-{x['id']}" == iid)
        return _ectsum_record(r, "summary")
    if iid.startswith("transcript-"):
        key, _, span = iid[len("transcript-"):].partition("@")
        a, b = (int(x) for x in span.split("-"))
        r = next(x for x in _ectsum() if x["id"] == key)
        return _ectsum_record(r, "transcript", (a, b))
    raise KeyError(iid)


def page_text(html: bytes) -> str:
    """What a reader sees on a page, roughly (for annotators only; the scorer reads the HTML itself)."""
    import lxml.html

    root = lxml.html.parse(io.BytesIO(html)).getroot()
    if root is None:
        return ""
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    lines = [" ".join(t.split()) for t in root.itertext()]
    return "\n".join(x for x in lines if x)


def write_folder(items: list[Item], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for n, item in enumerate(items):
        stem = f"{n:03d}"
        if item.record is not None:
            r = item.record
            body = f"ID: {item.id}\nKIND: {item.kind}\nPUBLISHED: {r.get('published')}\n" \
                   f"PUBLISHER: {r.get('publisher', '')}\nTITLE: {r.get('title')}\n\n{r.get('text')}\n"
            (out / f"{stem}.txt").write_text(body, encoding="utf-8")
        else:
            assert item.html is not None
            (out / f"{stem}.html").write_bytes(item.html)
            (out / f"{stem}.txt").write_text(f"ID: {item.id}\nKIND: page\n(text as a reader sees it, roughly; "
                                             f"the HTML is in {stem}.html)\n\n{page_text(item.html)}\n",
                                             encoding="utf-8")


if __name__ == "__main__":
    target = Path(sys.argv[1])
    write_folder(main_sample(), target / "main")
    write_folder(fresh_sample(), target / "fresh")
    write_folder(fresh2_sample(), target / "fresh2")
    write_folder(fresh3_sample(), target / "fresh3")
    write_folder(fresh4_sample(), target / "fresh4")
    write_folder(fresh5_sample(), target / "fresh5")
    write_folder(fresh6_sample(), target / "fresh6")
    write_folder(fresh7_sample(), target / "fresh7")
    write_folder(fresh8_sample(), target / "fresh8")
    write_folder(fresh9_sample(), target / "fresh9")
    write_folder(fresh10_sample(), target / "fresh10")
    write_folder(fresh11_sample(), target / "fresh11")
    write_folder(fresh12_sample(), target / "fresh12")
    write_folder(fresh13_sample(), target / "fresh13")
    write_folder(fresh14_sample(), target / "fresh14")
    write_folder(fresh15_sample(), target / "fresh15")
    write_folder(fresh16_sample(), target / "fresh16")
    write_folder(fresh17_sample(), target / "fresh17")
    write_folder(fresh18_sample(), target / "fresh18")
    write_folder(fresh19_sample(), target / "fresh19")
    write_folder(fresh20_sample(), target / "fresh20")
    write_folder(fresh21_sample(), target / "fresh21")
    write_folder(fresh22_sample(), target / "fresh22")
    write_folder(fresh23_sample(), target / "fresh23")
    write_folder(fresh24_sample(), target / "fresh24")
    write_folder(fresh25_sample(), target / "fresh25")
    with open(target / "quantity-sentences.jsonl", "w", encoding="utf-8") as fh:
        for qid, text in quantity_sentences():
            fh.write(json.dumps({"id": qid, "text": text}, ensure_ascii=False) + "\n")
    print(f"wrote {target}/main (120) and {target}/fresh (25)")
