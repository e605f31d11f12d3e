"""The pre-checks of branch issue12s9 give what the code they spare gives (extraction's output unchanged)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.sources import metadata, releases
from claimgraph.sources.language import text_units

_PIECES = ["Acme Corp.", " | ", " · ", " • ", "By Jane Doe", "Nov 20, 2024", "subscribe", "Sign up", "newsletter",
           "Revs 5,112,100 vs 3,659,600", "Qtly div five cts", "| Net debt | (410.0) |", ".", "!", ":", "\n", " ",
           "HOUSTON, Feb. 12, 2025 /PRNewswire/ -- ", "SAN DIEGO--(BUSINESS WIRE)--", "(GLOBE NEWSWIRE) -- ",
           "Telmo Bio Corp.", " today reported", "SOURCE Acme Inc.", "for investors", "x" * 170, "Revenue rose 5%"]
_texts = st.lists(st.sampled_from(_PIECES), max_size=12).map("".join)


def _head_segments_before(line: str) -> object:
    if line.startswith("|") or line.endswith("|"):
        return None
    parts = [p.strip() for p in metadata._SEGMENT_SPLIT.split(line)]
    if len(parts) < 2:
        return metadata.dated_byline(line)
    return metadata.head_segments(line)  # (a line with a separator takes the same path as before)


def _drop_before(original: str, cleaned: metadata.Cleaned) -> None:
    while len(cleaned.keep) > 1:
        start, end = cleaned.keep[-1]
        line = original[start:end].strip()
        if metadata._TABLE_ROW.search(line) or metadata._is_table_line(line) or (
                line.startswith("|") and line.count("|") >= 3 and re.search(r"\d", line)) \
                or metadata._ALIGNED_FIGURES.search(line):
            break
        debris = re.search(r"\b(?:for\s+(?:institutional\s+)?investors|subscribe|newsletter|sign\s+up)\b", line,
                           re.IGNORECASE)
        if not debris and (re.search(r"(?i)\b(?:dlrs|dollars|funds|currency)\b", line) or (
                len(cleaned.keep) > 1 and metadata.continues(
                    original[cleaned.keep[-2][0]:cleaned.keep[-2][1]].strip(), line))):
            break  # (since the fifteenth session: a wire item's currency note, a wrapped sentence's last words)
        if not line.endswith((".", "!", "?", ":", '"', "”", "。", "！", "？", "」")) and text_units(line) <= 4:
            cleaned.keep.pop()
            continue
        if re.search(r"\b(?:for\s+(?:institutional\s+)?investors|subscribe|newsletter|sign\s+up)\b",
                     line, re.IGNORECASE) and len(line) < 160:
            cleaned.keep.pop()
            continue
        break


def _issuer_before(text: str) -> str | None:
    m = releases._DATELINE.search(text[:3000])
    if m is None:
        return None
    source = releases._SOURCE_LINE.search(text)
    if source is not None and releases._ISSUER.match(source.group(1).strip()):
        return source.group(1).strip()
    return m.group(1).strip()


@settings(max_examples=400, deadline=None)
@given(_texts)
def test_reading_prechecks(text: str) -> None:
    assert metadata.head_segments(text) == _head_segments_before(text)
    assert releases.release_issuer(text) == _issuer_before(text)
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    a, b = metadata.Cleaned(keep=list(lines)), metadata.Cleaned(keep=list(lines))
    metadata._drop_trailing_debris(text, a)
    _drop_before(text, b)
    assert a.keep == b.keep


def test_reading_prechecks_written() -> None:
    for line in ["Dec. 02, 2025 7:05 AM ET | Acme Corp. (ACME) | By: Jane Doe", "Posted on November 7, 2024 by Jane Doe",
                 "By channel, sales rose 5% on November 7, 2024.", "Revenue rose."]:
        assert metadata.head_segments(line) == _head_segments_before(line)
    for text in ["HOUSTON, Feb. 12, 2025 /PRNewswire/ -- Acme Pumps, Inc. (NYSE: AP) today reported ...",
                 "NEW YORK -- Acme Inc. said revenue rose.", "TORONTO (GLOBE NEWSWIRE) -- Aurel Timber Corp. (TSX: AUR)"]:
        assert releases.release_issuer(text) == _issuer_before(text)


def test_shifted_copies_every_field() -> None:
    """``extract._shifted`` and ``_local_companies`` build a Quantity and a CompanyMention from every field by
    position: a field added to either must be added there too (this list fails first)."""
    import dataclasses

    from claimgraph.sources.companies import Company, CompanyMention
    from claimgraph.sources.extract import _local_companies, _shifted
    from claimgraph.sources.model import Quantity
    from claimgraph.sources.quantities import find_quantities
    from claimgraph.sources.sentences import Sentence

    assert [f.name for f in dataclasses.fields(Quantity)] == ["start", "end", "text", "value", "kind", "change_word"]
    assert [f.name for f in dataclasses.fields(CompanyMention)] == ["start", "end", "company", "how"]
    for q in find_quantities("Revenue doubled to $5 billion, up about 12%, from 4.4 bln dlrs."):
        assert _shifted(q, 7) == dataclasses.replace(q, start=q.start + 7, end=q.end + 7)
    m = CompanyMention(10, 14, Company("acme", "Acme"), "legal_form")
    assert _local_companies([m], Sentence(8, 30, "x" * 22)) == [dataclasses.replace(m, start=2, end=6)]


_WORDS = ["outlook", "Guidance", "EXPECTS", "sees", "projected", "called for", "Calls  for", "recall", "after",
          "Reported", "beat", "topping", "from", "compared  with", "Versus", "vs.", "in", "the", "like", "same",
          "fiscal", "corrected", "revised", "2024", " ", "  ", "\n", ", ", "; ", "to", "year", "quarter", "ſees", "K"]
_sentences = st.lists(st.sampled_from(_WORDS), max_size=16).map(" ".join)


@settings(max_examples=600, deadline=None)
@given(_sentences, st.integers(0, 60), st.integers(0, 60))
def test_context_prechecks(text: str, a: int, b: int) -> None:
    from claimgraph.sources import extract as E

    low = text.lower()
    assert E._outlook_sentence(text) == (E._OUTLOOK_SCAN.search(text, low) is not None)
    assert (E._CALLED_FOR_WORDS.search(text, low) is None) == (E._CALLED_FOR.search(text) is None)
    lo, hi = sorted((min(a, len(text)), min(b, len(text))))
    found = E._RESULT_BEFORE_WORDS.search(text, low, lo, hi)
    before = E._RESULT_BEFORE.search(text, lo, hi)
    assert (found is None) == (before is None) and (found is None or found.span() == before.span())
    for cut in range(len(text) + 1):
        assert E._compared_year(text[:cut]) == (E._COMPARED_YEAR.match(text[:cut]) is not None)


def test_context_prechecks_written() -> None:
    from claimgraph.sources import extract as E

    for before in ["up from $9.4 million, or $1.31 a share, in ", "compared with 5% in the same ", "vs 4% in fiscal ",
                   "revised from 5% in ", "rose 5% in ", "from 4% in the first half of ", "from 4% in\n"]:
        assert E._compared_year(before) == (E._COMPARED_YEAR.match(before) is not None), before
    for text in ["The company called for calm.", "We expect growth.", "Revenue rose.", "ſees ahead"]:
        assert E._outlook_sentence(text) == (E._OUTLOOK_SCAN.search(text, text.lower()) is not None)


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(["are", "were", "been", "all", "adjusted", "wall", " ", "  ", "\n", "\u00a0", "_", "x",
                                 "s", ".", "ADJUSTED", "are all", "readjusted"]), max_size=12).map("".join))
def test_adjusted_verb(text: str) -> None:
    from claimgraph.sources import extract as E

    assert E._adjusted_verb(text) == (E._ADJUSTED_VERB.search(text) is not None)


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(["And", "now,", "So", "the", "Our", "ITS", "all", "right", "first", "of", "Merchant",
                                 "segment", "division", "business", "units", "also", "We", "Revenue", "  ", "\n", ",",
                                 "was", "a", "the", "saw", "ok", "thirdly"]), max_size=10).map(" ".join))
def test_subject_possible(sentence: str) -> None:
    from claimgraph.sources import scopes

    if scopes._SUBJECT.match(sentence) is not None:
        assert scopes._subject_possible(sentence)
    for text in (sentence, " " + sentence.lower(), sentence.upper()):
        assert scopes._SUBJECT.match(text) is None or scopes._subject_possible(text)


def test_subject_possible_written() -> None:
    from claimgraph.sources import scopes

    for text in ["Our merchant segment also saw a rebound.", "And now, the Industrial division grew.",
                 "  so our Aerospace Systems business had", "OK, all right, the retail unit was weak."]:
        assert scopes._SUBJECT.match(text) is not None and scopes._subject_possible(text)
    assert not scopes._subject_possible("We saw our merchant segment grow.")
