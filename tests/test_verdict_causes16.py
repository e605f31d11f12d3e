"""Extraction causes of wrong verdicts on the tuning verdict sets (issue 14, sixteenth round), each on sentences
written here (not copied from the data)."""

from __future__ import annotations

from claimgraph.analysis.conflicts import AgreementConfig, analyse_groups
from claimgraph.analysis.facts import Fact, FactTable
from claimgraph.analysis.spans import on_stated_spans
from claimgraph.sources.extract import extract
from claimgraph.sources.readers import Metadata, text_document
from claimgraph.sources.segments import segment_after, segment_before


def _claims(title: str, body: str, published: str = "1991-02-20") -> list[tuple[str, str | None, float, str | None]]:
    doc = text_document(f"{title}\n{body}", "x.txt", Metadata(published=published))
    return [(c.company, c.metric, round(c.value.low, 3),
             f"{c.period.start.isoformat()}/{c.period.end.isoformat()}" if c.period else None)
            for c in extract(doc).claims]


def test_a_division_named_with_an_initialism_is_a_part() -> None:
    s = "The company said its NW Freight division posted 1990 net income of 41.2 mln dlrs."
    assert segment_before(s, s.index("net income")) == "NW Freight division"


def test_a_metric_from_a_named_part_of_the_company_is_the_parts() -> None:
    s = "It said the operating loss from its Harbor Ferries widened to 6.1 mln dlrs from 2.3 mln dlrs."
    assert segment_after("Net loss from its Harbor Ferries rose.", len("Net loss")) == "Harbor Ferries"
    assert segment_before(s, s.index("6.1")) == "Harbor Ferries"
    # (not a period, a month or the company's own name)
    assert segment_after("Net income from its Fiscal 1990 results was up.", len("Net income")) is None
    s2 = "Profit at its Brandt Holdings rose to 3 mln dlrs."
    assert segment_before(s2, s2.index("3 mln"), own=("Brandt Holdings",)) is None


def test_a_division_and_a_named_line_do_not_give_the_companys_net() -> None:
    got = _claims("ALBERTA TRANSPORT <ATR> CONFIRMS EARNINGS",
                  "CALGARY, Feb 20 - Alberta Transport Ltd said 1990 net profit fell to 88.2 mln dlrs from "
                  "97.5 mln dlrs in 1989.\n"
                  "    The company said its AT Rail division reported 1990 net income of 41.2 mln dlrs, compared "
                  "with 44.0 mln dlrs in 1989.\n"
                  "    It said the net loss from its Prairie Line increased to 12.5 mln dlrs loss from 3.1 mln dlrs "
                  "loss in 1989.\n")
    net = {c[2] for c in got if c[1] == "net_income"}
    assert {88_200_000.0, 97_500_000.0} <= net
    assert not net & {41_200_000.0, 44_000_000.0, -12_500_000.0, -3_100_000.0}, got


def test_a_figure_a_stated_period_changed_from_is_the_earlier_periods() -> None:
    # "first half results declined from X", with no level reached: X is the year-earlier first half's figure
    got = _claims("HALVARD MINING <HLV> SEES BETTER SECOND HALF",
                  "TORONTO, March 20 - Halvard Mining said it expects net earnings to be substantially stronger than "
                  "the 44.0 mln dlrs reported for the first half.\n"
                  "    In reporting that first half net earnings declined from 65.0 mln dlrs, Halvard said its oil "
                  "interests were weak.\n", "1991-03-20")
    assert ("Halvard Mining", "net_income", 65_000_000.0, "1989-07-01/1989-12-31") in got, got
    assert ("Halvard Mining", "net_income", 44_000_000.0, "1990-07-01/1990-12-31") in got, got


def test_a_period_changed_to_keeps_its_figure() -> None:
    got = _claims("HALVARD MINING <HLV> FIRST HALF",
                  "TORONTO, March 20 - Halvard Mining said first half net earnings declined to 44.0 mln dlrs from "
                  "65.0 mln dlrs.\n", "1991-03-20")
    assert ("Halvard Mining", "net_income", 44_000_000.0, "1990-07-01/1990-12-31") in got, got
    assert ("Halvard Mining", "net_income", 65_000_000.0, "1989-07-01/1989-12-31") in got, got


def test_a_first_period_stated_from_its_start_up_day() -> None:
    got = _claims("GRANBY MUTUAL <GRMU> SEES BETTER 1991",
                  "AKRON, Ohio, Feb 20 - Granby Mutual Inc, which today reported earnings of 212,480 dlrs on "
                  "revenues of 4,118,302 dlrs for the period from May 3 startup through the end of 1990, said it "
                  "expects higher profits in 1991.\n")
    assert ("Granby Mutual", "net_income", 212_480.0, "1990-05-03/1990-12-31") in got, got
    assert ("Granby Mutual", "revenue", 4_118_302.0, "1990-05-03/1990-12-31") in got, got


def test_a_first_period_of_some_months_and_the_year_after_it() -> None:
    got = _claims("TALLAROO GOLD SAYS OUTPUT ROSE",
                  "PERTH, Feb 20 - Tallaroo Gold Ltd said net profit rose to 31.25 mln dlrs from 18.40 mln in "
                  "the 1989 period of seven months from the start of mining.\n")
    assert ("Tallaroo Gold", "net_income", 18_400_000.0, "1989-06-01/1989-12-31") in got, got
    assert ("Tallaroo Gold", "net_income", 31_250_000.0, "1990-01-01/1990-12-31") in got, got


def _table(points: list[float], sources: list[str]) -> FactTable:
    return FactTable.from_rows(ids=["story", "table"], sources=sources, companies=["Granby Mutual"] * 2,
                               metrics=["net_income"] * 2, low=points, high=points, points=points, decimals=[0, 0],
                               units=["USD"] * 2, stated=[f"{p:,.0f}" for p in points],
                               periods=(["1990-05-03..1990-12-31", "1990"], ["1990-05-03", "1990-01-01"],
                                        ["1990-12-31", "1990-12-31"]))


def test_a_years_figure_another_article_states_for_the_first_period_takes_its_start() -> None:
    t = _table([212_480.0, 212_480.0], ["a", "b"])
    assert on_stated_spans(t) == 1
    assert t.period_start[1] == "1990-05-03"
    assert "first period" in (t.period_from or [None, ""])[1]
    # another figure, or the same article, is left as extracted
    for points, sources in (([212_480.0, 251_900.0], ["a", "b"]), ([212_480.0, 212_480.0], ["a", "a"])):
        t = _table(points, sources)
        assert on_stated_spans(t) == 0
        assert t.period_start[1] == "1990-01-01"


def _fact(fid: str, source: str, value: float, decimals: int, qualifier: str, modality: str) -> Fact:
    width = 0.05 * value if qualifier == "approximate" else 0.0
    return Fact(fid, source, "Halden Semiconductor", "revenue", "level", value - width, value + width, value, decimals,
                qualifier, "USD", "FY1991-Q2", "1990-12-06", "1991-03-05", modality, None,
                stated=f"{value / 1e6:.{max(0, 6 + decimals)}f} mln")


def test_a_result_hedged_with_about_agrees_at_its_stated_precision() -> None:
    def status(hedged: float, decimals: int, reported: float, modality: str = "reported") -> str:
        facts = [_fact("a", "early", hedged, decimals, "approximate", modality),
                 _fact("b", "table", reported, -5, "exact", "reported")]
        return analyse_groups(facts, AgreementConfig())[0].status

    # "revenues increased to about 30.6 mln dlrs" against the table's 30.2 mln a week later: they differ at 0.1 mln
    assert status(30_600_000.0, -5, 30_200_000.0) == "conflict"
    # "about 12 mln" against 11.8 mln rounds to it; "about 54 mln" against 51.9 mln does not
    assert status(12_000_000.0, -6, 11_800_000.0) == "consistent"
    assert status(54_000_000.0, -6, 51_900_000.0) == "conflict"
