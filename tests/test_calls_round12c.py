"""Call transcripts, hand-written in today's call style: a change said to be sequential, a unit that is the subject
of its clause, a year named twice when a speaker turns to it, an outlook given as a list, and the company's own
estimate."""

from __future__ import annotations

import datetime as dt

from claimgraph.sources.extract import extract
from claimgraph.sources.readers import Metadata, text_document


def _claims(body: str, title: str = "ACME Q4 2020 earnings call",
            published: str = "2021-02-09") -> list[tuple[str, str, float, str | None, str]]:
    doc = text_document(body, "x.txt", Metadata(title=title, published=dt.date.fromisoformat(published).isoformat()))
    return [(c.metric, c.measure.value, c.value.point if c.value.point is not None else c.value.low,
             c.period.label if c.period is not None else None, c.modality.value)
            for c in extract(doc).claims if c.metric != "unclassified"]


def test_an_amount_said_to_be_sequential_is_against_the_quarter_before() -> None:
    got = _claims("Thank you, operator.\n"
                  "Adjusted EBITDA was up about $3.2 million sequentially to $19.4 million.\n"
                  "Deposits grew $410 million, or 2.1%, sequentially.\n"
                  "Revenue was up $12 million year over year.\n")
    assert ("adjusted_ebitda", "change_qoq", 3.2e6, "2020-Q4", "reported") in got
    assert ("deposits", "change_qoq", 410e6, "2020-12-31", "reported") in got
    assert ("revenue", "change_yoy", 12e6, "2020-Q4", "reported") in got


def test_a_unit_as_the_subject_of_an_adjective_metric_keeps_its_figures() -> None:
    got = _claims("Thank you, operator.\n"
                  "Excluding those charges, our Harbor Services business generated operating income of $8 million.\n"
                  "Total operating income was $30 million.\n")
    assert ("operating_income", "level", 30e6, "2020-Q4", "reported") in got
    assert not any(v == 8e6 for _, _, v, _, _ in got)


def test_a_year_named_twice_when_the_speaker_turns_to_it_goes_on() -> None:
    got = _claims("Thank you, operator.\n"
                  "In the fourth quarter, adjusted EPS was $0.85.\n"
                  "Let me now recap our full year fiscal year 2020.\n"
                  "Adjusted operating profit was $640 million, up 11%.\n")
    assert ("adjusted_eps", "level", 0.85, "2020-Q4", "reported") in got
    assert ("adjusted_operating_income", "level", 640e6, "2020", "reported") in got


def test_every_item_of_an_outlook_list_with_its_year_is_the_outlook() -> None:
    got = _claims("Thank you, operator.\n"
                  "For next year we currently expect the following for 2021: net sales growth of 1% to 3%; a "
                  "same-store sales decline of 2% to 4%; and earnings per share in the range of $3.10 to $3.40.\n")
    assert {(m, p, mod) for m, _, _, p, mod in got} == {("revenue", "2021", "guidance"),
                                                        ("same_store_sales", "2021", "guidance"),
                                                        ("eps", "2021", "guidance")}


def test_the_companys_own_estimate_is_its_outlook() -> None:
    got = _claims("Thank you, operator.\n"
                  "We estimate that 2021 capital expenditures will be approximately $45 million.\n")
    assert ("capex", "level", 45e6, "2021", "guidance") in got
    got = _claims("Thank you, operator.\n"
                  "Analysts estimate that 2021 capital expenditures will be approximately $45 million.\n",
                  title="Acme capital spending", published="2021-02-09")
    assert all(mod != "guidance" for *_, mod in got)
