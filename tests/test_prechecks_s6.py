"""Shortcuts of extraction's structural speed pass (issue 12 speed, branch issue12s6), each compared with what it
stands for, on crafted strings near their edges and on random strings over the characters and words that matter:
the same answers."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.sources import claims, companies, metric_choice, modality, scopes
from claimgraph.sources import extract as ex
from claimgraph.sources.quantities import find_quantities

_WORDS = ["rating", "Rating", "RATINGS", "recommendation", "cut its", "raised  the", "lowered their", "buy", "upgraded",
          "downgrade", "Downgraded the", "stock", "shares", "brokerage", "Brokerages", "brokerage firm", "house",
          "will", "Will", "goodwill", "willing", "will.", "are", "were", "have been", "all", "adjusted", "Adjusted",
          "These figures", "The results", "All earnings figures", "numbers", "per-share figures", "Q1", "the"]
_ALPHABET = st.sampled_from(list(" \t\n-.,;:'’s5AWaouwe_\u017f\u212a\u0130\u0131"))
_TEXT = st.lists(st.one_of(_ALPHABET, st.sampled_from(_WORDS)), max_size=30).map("".join)
_CRAFTED = ["", "will", "a will", "willwill will", "xwill will_", "it will grow in Q2", "goodwill in Q2",
            "Goldman Sachs cut its rating on the stock.", "lowered their buy recommendation", "A BROKERAGE said",
            "brokerages", "brokeragex", "downgraded the shares", "UPGRADES STOCK", "cut its r\u0131ting",
            "ra\u0131sed its rat\u0131ng", "bro\u212aerage", "These figures are adjusted for items.",
            "Earnings rose.  These figures were all adjusted", "The results have  been adjusted", "adjusted figures"]


def _same(text: str) -> None:
    assert ex._rated(text) == (ex._RATED.search(text) is not None), text
    for end in {0, 1, len(text) // 2, max(0, len(text) - 1), len(text)}:
        assert ex._will_before(text, end) == (ex._WILL.search(text, 0, end) is not None), (text, end)
    if ex._ADJUSTED_NOTE.search(text) is not None:
        assert ex._ADJUSTED_VERB.search(text) is not None, text


def test_crafted() -> None:
    for text in _CRAFTED:
        _same(text)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_random(text: str) -> None:
    _same(text)


def test_no_metric_is_picked_near_a_figure_without_mentions() -> None:
    """``_pick_metric_near`` picks only among the mentions it is given; with none it says no at once (as every test
    after that check would)."""
    vocab = ex.load_vocabulary()
    for text in ["Revenue rose 12% to $1.2 billion.", "It grew 5%, an increase in sales of $3 million.",
                 "$3.6 billion in revenue", "a 49.8% increase in consolidated income from operations"]:
        for q in find_quantities(text):
            assert metric_choice._pick_metric_near(text, q, [], vocab) == (None, None)


_HOLDER_PIECES = ["Acme", "Beta Corp", "and", "said", "that", "has", "had", "made", "ended 1987 with", "sales", "revenue",
                  "of", "5", ".", ";", ":", ",", "\n", "\n\n", " ", " ", "\t", "the", "In", "profit", "operating", "assets",
                  "market", "value", "cash", "flow", "market\nvalue", "cash \n\n flow", ", which reports next week,",
                  "\r", "\u2028", "x"]


def test_holders_on_lines_equal_finditer() -> None:
    """``_holders`` scans only the lines with a verb (``verb_lines``); a financial noun may run onto the next line."""
    rng = random.Random(11)
    texts = ["Acme has a market\nvalue of 5", "Acme had\nsales", ".\n\n\nAcme had cash\n\n\nflow",
             "x.\nAcme has sales\nBeta had profit. Gamma made\n\noperating profit"]
    texts += ["".join(rng.choice(_HOLDER_PIECES) + rng.choice(["", " "]) for _ in range(rng.randint(1, 40)))
              for _ in range(3000)]
    seps = [" ", "\n", " \n ", "\n\n", "\t", "  "]
    texts += ["".join(rng.choice(x) for x in (["", "x", "Sales rose.", "It said"], [".", ";", ",", "", " and"], seps,
                                               ["Acme", "Beta Corp", "Acme and Beta"], [" ", "\n", ", which rose,"],
                                               ["has", "had", "made"], [" ", "\n"], ["a", "", "strong"], [" "],
                                               ["market", "cash", "sales", "operating"], seps,
                                               ["value", "flow", "profit", "x"], ["", ".", "\nBeta had sales"]))
              for _ in range(2000)]
    for text in texts:
        want = [(m.span(), m.groups()) for m in companies._HOLDER.finditer(text)]
        assert [(m.span(), m.groups()) for m in companies._holders(text)] == want, text
    assert sum(1 for t in texts if list(companies._HOLDER.finditer(t))) > 20


_MARKET_WORDS = ["while", "While", "whereas", "WHEREAS", "but", "and", "And", "andx", "the", "a", "its", "our", "group",
                 "chip", "global", "industry", "market", "markets", "sector", "economy", "index", "consumers", "is",
                 "expected", "grew", "rose", "5%", "as a whole", ";", ":", ",", " ", "  ", "\n", "x"]
_MARKET_TEXT = st.lists(st.one_of(st.sampled_from(list(" ;:,.\u017f\u0130")), st.sampled_from(_MARKET_WORDS)),
                        max_size=30).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(_MARKET_TEXT)
def test_market_subjects_equal_finditer(text: str) -> None:
    want = tuple((m.start(), m.end()) for m in claims._MARKET_SUBJECT.finditer(text))
    assert claims._market_subjects(text, text.lower()) == want


_LEAD_WORDS = ["And", "now", ",", "So", "next", "let's", "Let me", "I'll", "I will", "I want to", "I would like to",
               "I'd like to", "I'm going to", "We'll", "we will", "We're going to", "we", "I", "turning", "Turning",
               "to", "move", "moves", "on", "onto", "as for", "In", "in terms of", "Within", "Outside of", "starting",
               "off", "with", "Aerospace", "the", "our", "Industrial segment", "Americas", "balance sheet", "outlook",
               "Okay", "OK", "all right", "First of all", "gos", "discusss", "Regarding", "Across", "x", "5"]
_LEAD_TEXT = st.lists(st.sampled_from(_LEAD_WORDS), max_size=12).map(" ".join)


@settings(max_examples=600, deadline=None)
@given(_LEAD_TEXT, st.sampled_from(["", " ", "\n ", ", sales rose.", "."]))
def test_lead_possible_holds_for_every_lead(text: str, end: str) -> None:
    sentence = text + end
    if scopes._LEAD.match(sentence) or scopes._TOPIC_LEAD.match(sentence):
        assert scopes._lead_possible(sentence), sentence


def test_scope_leads_still_found() -> None:
    for sentence in ["Turning to Aerospace, sales rose.", "And now, let's move on to the Americas.",
                     "I'd like to turn to our Industrial segment.", "We will now turn to Collins Aerospace.",
                     "Starting with Collins Aerospace on slide four."]:
        assert scopes._lead_possible(sentence)
        assert scopes.scope_opened(sentence) is not None, sentence
    assert scopes.ends_scope("Turning to our balance sheet, cash was $1.2 billion.")


_LEGAL_PIECES = ["Acme", "Widgets", "Beta", "of", "and", "&", "the", "Corp", "Corp.", "Inc", "Co", "Ltd", "AG", "SA",
                 "S.A.", "Plc", "plc", "Holdings", "Group", ",", ".", " ", "  ", "\t", "\n", "\n\n", "said", "x", "Incas",
                 "AcmeCorp", "-", "\u017f", "5"]


def test_legal_forms_on_lines_equal_finditer() -> None:
    """``_legal_forms`` scans only the lines with a legal form after a space or a tab."""
    rng = random.Random(13)
    texts = ["", "Acme Corp", "Revenue rose.\nAcme Widgets Corp said\nand Beta AG, too", "Acme\nCorp", "Acme,\tInc.",
             "x Co Inc Ltd\nBeta & Gamma Holdings"]
    texts += ["".join(rng.choice(_LEGAL_PIECES) + rng.choice(["", " "]) for _ in range(rng.randint(1, 30)))
              for _ in range(4000)]
    for text in texts:
        want = [(m.span(), m.groups()) for m in companies._LEGAL.finditer(text)]
        assert [(m.span(), m.groups()) for m in companies._legal_forms(text)] == want, text
    assert sum(1 for t in texts if list(companies._LEGAL.finditer(t))) > 200


_MODALITY_WORDS = ["unaudited", "misstated", "incorrectly", "wrongly", "before the", "restatement", "reported",
                   "stated", "income", "results", "prior", "previous", "previously", "earlier", "original",
                   "initial", "old", "former", "our", "its", "the", "revised", "February", "May", "August", "had",
                   "analysts", "analyst", "consensus", "EBIT", "range", "expectations", "forecast", "guidance",
                   "outlook", "estimates", "targets", "view", "projections", "plan", "expected", "guided",
                   "projected", "estimated", "planned", "said", "est.", "Est", "Wall Street", "the market",
                   "investors", "economists", "by", "surveyed", "polled", "of", "$", "5", "cents", "a share",
                   "decline", "that", "most", ",", ")", "\n", "xxxxxxxxxxxx"]
_MODALITY_TEXT = st.lists(st.one_of(st.sampled_from(list(" \n,;.)$5\u017f\u212a")), st.sampled_from(_MODALITY_WORDS)),
                          max_size=25).map(" ".join)


@settings(max_examples=600, deadline=None)
@given(_MODALITY_TEXT)
def test_modality_prechecks_answer_as_the_patterns_do(text: str) -> None:
    for window in (text, text[-120:], text[-60:]):
        want = modality._PRIOR_GUIDANCE.search(window)
        got = modality._prior_guidance(window)
        assert (got and got.span()) == (want and want.span()), window
        want = modality._FORECAST_AFTER.match(window)
        got = modality._forecast_after(window)
        assert (got and got.span()) == (want and want.span()), window
    for lo, hi in ((0, len(text)), (len(text) // 3, len(text)), (1, len(text) - 1)):
        assert modality._superseded_before(text, lo, hi) == modality.superseded_scan(text, lo, hi)
