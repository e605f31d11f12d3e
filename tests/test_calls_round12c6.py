"""Call transcripts and summaries, hand-written in today's call style (issue 12, a sixth review of 30 unseen calls):
tickers that are also words, outlooks whose period a lead names, rates and run rates, revenue streams' margins."""

from __future__ import annotations

from tests.conftest import call_claims as _claims


def test_a_ticker_that_is_also_a_word_names_the_company() -> None:
    body = "compname reports q3 revenue of $1.2 billion, up 8%.\nq3 earnings per share $0.91.\n"
    for ticker in ("UPS", "SIX", "SEE", "ARE"):
        got = _claims(body, title=f"{ticker} Q3 2021 results", published="2021-11-09")
        assert ("revenue", "level", 1.2e9, "2021-Q3", "reported") in got, ticker
        assert ("eps", "level", 0.91, "2021-Q3", "reported") in got, ticker
