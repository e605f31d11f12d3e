"""Extraction causes of wrong verdicts on the tuning verdict sets (issue 14), each on a sentence written here."""

from __future__ import annotations

from claimgraph.sources.extract import extract
from claimgraph.sources.readers import Metadata, text_document


def _claims(title: str, body: str) -> list[tuple[str | None, float, str | None]]:
    doc = text_document(f"{title}\n{body}", "x.txt", Metadata(published="1991-02-20"))
    return [(c.metric, round(c.value.low, 3), c.period.end.isoformat() if c.period else None)
            for c in extract(doc).claims]


def test_abbreviated_consolidated_group_line_is_the_groups_net() -> None:
    # "Cons <business> gp net profit": the consolidated group's figure (the sign word read with the value)
    got = _claims("NORDMARK KREDITBANK <NKB.VI> YEAR 1990",
                  "ZURICH, Feb 20 -\n    Cons insurance gp net profit 81.2 mln francs vs 64.9 mln\n"
                  "    Parent bank net profit 40.1 mln vs 38.0 mln\n REUTER")
    assert ("net_income", 81_200_000.0, "1990-12-31") in got
    assert ("net_income", 64_900_000.0, "1989-12-31") in got
    assert all(v not in (40_100_000.0, 38_000_000.0) for _, v, _ in got)  # (the parent's line is not the group's)


def test_a_business_word_alone_is_no_group_line() -> None:
    got = _claims("NORDMARK KREDITBANK <NKB.VI> YEAR 1990",
                  "ZURICH, Feb 20 -\n    Banking gp net profit 81.2 mln francs vs 64.9 mln\n REUTER")
    assert not [c for c in got if c[0] == "net_income"]


def test_wrapped_scale_word_line_is_no_line_of_its_own() -> None:
    # the label's figure wraps: "... 4.2" then "Mln vs 9.6 mln profit" is not a net profit of 9.6 mln
    got = _claims("HARBOURNE TRADING PLC <HBT.L> 1990 YEAR",
                  "LONDON, Feb 20 -\n    Net loss 3.1 mln stg vs 8.8 mln profit\n"
                  "    Loss on ordinary activities before minority interests 4.2\n    Mln vs 9.6 mln profit\n REUTER")
    assert ("net_income", -3_100_000.0, "1990-12-31") in got
    assert all(v != 9_600_000.0 for _, v, _ in got)


def test_profit_word_after_the_comparative_keeps_it_a_profit() -> None:
    # "Net loss ... vs 8.8 mln profit": the loss word is not the comparative's (it says profit, after the figure)
    got = _claims("HARBOURNE TRADING PLC <HBT.L> 1990 YEAR",
                  "LONDON, Feb 20 -\n    Net loss 3.1 mln stg vs 8.8 mln profit\n    Net loss 2.0 mln vs 1.5 mln\n"
                  " REUTER")
    assert ("net_income", 8_800_000.0, "1989-12-31") in got
    assert ("net_income", -8_800_000.0, "1989-12-31") not in got
