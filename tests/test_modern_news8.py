"""Hand-written articles in formats of other outlets and decades (the eighth modern-news round): each test fails on
the code before its fix."""

from __future__ import annotations

from tests.conftest import claim_rows as _claims


def test_a_person_named_after_a_role_ends_with_the_sentence() -> None:
    # "said CFO Martina Keller. Ruhrwerk continues": the next sentence's first word is no part of her name
    text = ("Essen, 6 November 2025 – Ruhrwerk AG increased Group sales by 3.2% to €6.84 billion in the third quarter "
            "of 2025.\n\n\"We are on track,\" said CFO Martina Keller. Ruhrwerk confirmed its guidance for fiscal 2025 and "
            "continues to expect adjusted EBITDA "
            "of between €3.5 billion and €3.7 billion.\n")
    claims = _claims(text)
    assert ("Ruhrwerk", "revenue", "reported", 6.84e9, "2025-Q3") in claims, claims
    assert ("Ruhrwerk", "adjusted_ebitda", "guidance", 3.5e9, "2025") in claims, claims


def test_a_description_before_the_name_of_the_subject() -> None:
    text = ("DUBLIN, Jan 6, 2026 (Reuters) - Irish low-cost carrier Shannonair said on Tuesday it still expects "
            "full-year net profit of between 1.4 billion and 1.5 billion euros for the year to March 31.\n")
    claims = _claims(text)
    assert ("Shannonair", "net_income", "guidance", 1.4e9, "FY2026") in claims, claims
    # a research firm's view names no company of the figures
    text = ("Research firm Kestrel Data said on Tuesday that smartphone shipments would grow 4% this year.\n")
    assert not any(c[0] == "Kestrel Data" for c in _claims(text))


def test_profit_after_tax_is_net_income() -> None:
    text = ("DUBLIN, Jan 6, 2026 (Reuters) - Shannonair Plc said on Tuesday it expects full-year profit after tax "
            "of 1.4 billion euros.\n")
    assert [c[1] for c in _claims(text)] == ["net_income"], _claims(text)


def test_headline_earnings_per_share_is_not_eps() -> None:
    # South Africa's main profit measure excludes remeasurements; basic EPS is stated beside it
    text = ("JOHANNESBURG, March 4, 2025 - Protea Retail Holdings said on Tuesday its headline earnings per share "
            "rose 12% to 512 cents in the six months to December 29. Basic earnings per share were 498 cents.\n")
    claims = _claims(text)
    assert [c[3] for c in claims if c[1] == "eps"] == [4.98], claims
