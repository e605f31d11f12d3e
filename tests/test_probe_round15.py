"""Hand-written articles of the fifteenth session's probes: each test fails on the code before its fix."""

from __future__ import annotations

from tests.conftest import claim_rows

_LEAD = ("Halvorsen Robotics Inc said revenue in its fiscal fourth quarter, which ended June 28, rose 18% to "
         "$1.21 billion.\n\n")


def test_a_coordinated_outlook_figure_keeps_its_own_period() -> None:
    # "first-quarter revenue of X and full-year revenue of Y": Y is the year's outlook, not the quarter's
    rows = claim_rows(_LEAD + "Halvorsen expects first-quarter revenue of $1.15 billion and full-year revenue of "
                      "$4.9 billion.\n", "2025-08-06", "Halvorsen Robotics results")
    assert ("Halvorsen Robotics", "revenue", "guidance", 1.15e9, "FY2026-Q1") in rows, rows
    assert ("Halvorsen Robotics", "revenue", "guidance", 4.9e9, "FY2026") in rows, rows


def test_a_coordinated_growth_outlook_after_a_comma_keeps_its_own_period() -> None:
    rows = claim_rows(_LEAD + "Halvorsen expects first-quarter revenue of $1.15 billion to $1.19 billion, and "
                      "full-year revenue growth of 10% to 12%.\n", "2025-08-06", "Halvorsen Robotics results")
    assert ("Halvorsen Robotics", "revenue", "guidance", 1.15e9, "FY2026-Q1") in rows, rows
    assert ("Halvorsen Robotics", "revenue", "guidance", 10.0, "FY2026") in rows, rows


def test_the_year_leading_the_next_growth_figure_is_not_the_quarter_outlook_before_it() -> None:
    # "..., and full-year fiscal 2026 revenue growth of 10% to 12%": fiscal 2026 leads the growth figure
    rows = claim_rows(_LEAD + "Halvorsen expects first-quarter revenue of $1.15 billion to $1.19 billion, and "
                      "full-year fiscal 2026 revenue growth of 10% to 12%.\n", "2025-08-06",
                      "Halvorsen Robotics results")
    assert ("Halvorsen Robotics", "revenue", "guidance", 1.15e9, "FY2026-Q1") in rows, rows
    assert ("Halvorsen Robotics", "revenue", "guidance", 10.0, "FY2026") in rows, rows


def test_an_outlook_with_a_companion_figure_shares_its_year() -> None:
    # (unchanged: a companion figure that names no period of its own is for the outlook's period)
    rows = claim_rows(_LEAD + "Halvorsen expects full-year earnings of $2.05 to $2.15 per share, with revenue of "
                      "$4.9 billion.\n", "2025-08-06", "Halvorsen Robotics results")
    assert ("Halvorsen Robotics", "eps", "guidance", 2.05, "FY2026") in rows, rows
    assert ("Halvorsen Robotics", "revenue", "guidance", 4.9e9, "FY2026") in rows, rows
