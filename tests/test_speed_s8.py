"""The shortcuts of the speed round issue12s8, each compared with the whole path it stands for: the same
extraction (claims, quantities, companies), value for value, on crafted texts, random ones and real passages."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.sources import extract as ex
from claimgraph.sources.readers import Metadata, text_document


def _both(text: str, title: str | None = None) -> tuple[Any, Any]:
    """The extraction of ``text`` with the shortcuts and without them."""
    meta = Metadata(title=title) if title else Metadata()
    fast = ex.extract(text_document(text, "x.txt", meta))
    ex.SKIP_WITHOUT_COMPANY = False
    try:
        whole = ex.extract(text_document(text, "x.txt", meta))
    finally:
        ex.SKIP_WITHOUT_COMPANY = True
    return fast, whole


def _same(text: str, title: str | None = None) -> None:
    fast, whole = _both(text, title)
    assert fast.main_company == whole.main_company
    assert fast.companies == whole.companies
    assert fast.claims == whole.claims
    assert fast.quantities == whole.quantities


# company-less text of every kind the claim rules read: results, outlooks, share moves, pronouns that would carry
# the company of a sentence before, a wire results table, estimates, segments, a call's lines
_PIECES = [
    "Revenue rose 12% to $4.2 billion in the third quarter.",
    "It earned 8.5 mln dlrs last year.",
    "The shares rose 2.4% to $31.20 on Tuesday.",
    "Gold rose 3/8 to 412-1/2 dlrs.",
    "Net income was $64 million, or 52 cents a share, compared with a loss of $21 million a year earlier.",
    "We expect full-year revenue of $1.1 billion to $1.2 billion.",
    "Analysts had expected earnings of 95 cents a share.",
    "Shr 12 cts vs 10 cts\nNet 1,234,000 vs 998,000\nRevs 45.6 mln vs 40.1 mln",
    "Our Industrial segment sales increased 24% over the prior year quarter.",
    "Turning to our outlook.",
    "For the full year, adjusted EPS was $3.10.",
    "The effective tax rate was 23.7% for 2021 compared to 24.8% in 2020.",
    "Sales in the period grew 8.8 pct.",
    "Its operating margin widened by 150 basis points to 14.2%.",
    "TORONTO, March 3 - Net profit 1,200,000 dlrs vs 900,000.",
    "The company said it plans to cut 300 jobs.",
    "Gross margin was 41.5%, down from 43.0%.",
    "That's down from $1.2 billion, or 30 cents per share, a year ago.",
]


@pytest.mark.parametrize("piece", _PIECES)
def test_one_piece_the_same(piece: str) -> None:
    _same(piece)
    _same(piece, title="Quarterly results")


def test_the_shortcut_is_taken_only_without_a_company() -> None:
    fast, _ = _both("Acme Corp said revenue rose 12% to $4.2 billion in the third quarter.")
    assert fast.main_company is not None and fast.claims
    fast, _ = _both("Revenue rose 12% to $4.2 billion in the third quarter.")
    assert fast.main_company is None and not fast.claims and fast.quantities


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=6), st.sampled_from([" ", "\n", "\n\n"]))
def test_random_texts_the_same(pieces: list[str], joint: str) -> None:
    _same(joint.join(pieces))


def test_real_passages_the_same() -> None:
    from bench.extract import _real_texts

    texts = _real_texts(60)
    if not texts:
        pytest.skip("the shared data folder (../shared/data) is missing; set CLAIMGRAPH_SHARED_DATA")
    for text in texts:
        _same(text)
