"""Deterministic synthetic corpus: articles from templates, and claims CSVs, with planted conflicts.

Usage: python -m bench.corpus articles N OUTDIR | python -m bench.corpus claims N OUT.csv
"""

from __future__ import annotations

import csv
import random
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

COMPANIES = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark Industries", "Wayne Enterprises", "Tyrell",
             "Cyberdyne Systems", "Soylent", "Massive Dynamic", "Vandelay Industries", "Wonka Industries",
             "Oscorp Industries", "Aperture Science", "Black Mesa", "Weyland-Yutani", "Nakatomi Trading",
             "Gringotts", "Duff Beer", "Prestige Worldwide", "Pied Piper", "Veridian Dynamics", "Sirius Cybernetics",
             "Kraken Robotics", "Rekall", "Ollivanders", "Monsters", "Buy More", "Dunder Mifflin"]
FORMS = ["Inc", "Corp", "Ltd", "plc", "AG", "Oy"]
AUTHORS = ["Jane Roe", "John Doe", "Ann Lee", "Raj Patel", "Mia Wong", "Luis Garcia", "Staff Report",
           "AI Writing Agent Henry Rivers", "AI Writing Agent Rhys Northwood"]
HEDGES = ["", "", "", "about ", "roughly ", "nearly ", "more than ", "approximately "]
QUARTERS = ["first", "second", "third", "fourth"]
FILLER = ("Analysts at several brokerages said the quarter was shaped by pricing, supply constraints and a shift "
          "in customer demand toward larger multi-year contracts. Management pointed to investments in new "
          "capacity and to hiring in engineering and sales. Investors will watch execution, financing costs and "
          "the pace at which new facilities come online over the coming quarters. ")


def _money(rng: random.Random, base: float) -> str:
    v = base * rng.uniform(0.97, 1.03)
    if v >= 1e9:
        return f"${v / 1e9:.1f} billion"
    return f"${v / 1e6:.1f} million"


def article(n: int, seed: int = 42) -> str:
    """Article ``n`` (about 5 KB): several metrics for one company and quarter, sometimes a planted error."""
    rng = random.Random(seed * 1_000_003 + n)
    company = rng.choice(COMPANIES)
    form = rng.choice(FORMS)
    year = rng.choice([2023, 2024, 2025])
    q = rng.randint(1, 4)
    # a stable seed (str hashes change per process): the same article in every run
    truth = random.Random(zlib.crc32(f"{company}|{year}|{q}".encode()))
    revenue = truth.uniform(0.2, 20) * 1e9
    backlog = revenue * truth.uniform(3, 12)
    margin = truth.uniform(5, 60)
    capex = revenue * truth.uniform(0.1, 0.6)
    debt = revenue * truth.uniform(0.5, 4)
    if rng.random() < 0.1:  # a planted conflict: this source is off by 20-50%
        revenue *= rng.choice([0.6, 0.8, 1.3, 1.5])
    author = rng.choice(AUTHORS)
    byline = f"{author}." if author.startswith("AI ") else f"By {author}"
    qname = QUARTERS[q - 1]
    parts = [
        f"{company} {form} {qname}-quarter results: revenue, backlog and margins",
        byline,
        f"{company} {form} reported revenue of {rng.choice(HEDGES)}{_money(rng, revenue)} for the {qname} quarter "
        f"of {year}, up {rng.randint(3, 90)}% year over year.",
        f"The company said its contract backlog reached {rng.choice(HEDGES)}{_money(rng, backlog)} at quarter-end.",
        FILLER,
        f"Adjusted operating margin was {margin:.0f}% in Q{q} {year}, compared with {margin - rng.randint(1, 5):.0f}% "
        "a year ago.",
        f"{company} expects full-year {year + 1} capital expenditures of {_money(rng, capex)} to "
        f"{_money(rng, capex * 1.2)}.",
        FILLER,
        f"Total debt stood at roughly {_money(rng, debt)} as of the end of the quarter, while the firm signed new "
        f"deals with {rng.choice(COMPANIES)} and {rng.choice(COMPANIES)}.",
        FILLER * 9,
        f"Shares of {company} rose {rng.randint(1, 15)}% in after-hours trading.",
    ]
    return "\n".join(parts) + "\n"


def write_articles(n: int, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = out / f"{i:06d}.txt"
        if not p.exists():
            p.write_text(article(i), encoding="utf-8")
        paths.append(p)
    return paths


def claim_rows(n: int, seed: int = 7) -> Iterator[list[str]]:
    """``n`` structured claims: ~20 sources per (company, metric, period) group, 10% of sources unreliable."""
    rng = random.Random(seed)
    metrics = ["revenue", "net_income", "capex", "revenue_backlog", "operating_margin"]
    sources = [f"Source {k}" for k in range(400)]
    unreliable = set(rng.sample(sources, 40))
    per_group = 20
    for g in range(n // per_group + 1):
        company = f"Company {g % 5000}"
        metric = metrics[g % len(metrics)]
        year = 2000 + (g // 5000) % 26
        quarter = 1 + (g // 130_000) % 4
        truth = rng.uniform(1, 1000) * (1e6 if metric != "operating_margin" else 0.1)
        for s in rng.sample(sources, per_group):
            if n <= 0:
                return
            n -= 1
            value = truth * (rng.choice([0.5, 0.7, 1.4, 2.0]) if s in unreliable else 1.0)
            yield [s, company, metric, f"{year}-Q{quarter}", _plain(value), "USD" if metric != "operating_margin"
                   else "percent"]


def _plain(value: float) -> str:
    """Six significant digits as a spreadsheet shows them, never e-notation: 118674000, 12.3457."""
    text = f"{value:.6g}"
    return f"{float(text):.0f}" if "e" in text else text


def write_claims(n: int, out: Path) -> Path:
    with out.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["source", "subject", "metric", "period", "value", "unit"])
        w.writerows(claim_rows(n))
    return out


if __name__ == "__main__":
    kind, count, target = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    if kind == "articles":
        write_articles(count, target)
    else:
        write_claims(count, target)
