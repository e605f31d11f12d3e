"""One company under several spellings: the analysis groups claims by :func:`company_key`, not by the name.

Articles write one company in several ways ("IVACO INC" in a table item, "Ivaco" in a prose story; "Cheung Kong
(Holdings) Ltd" and "Cheung Kong"; "Amazon.com Inc" and "Amazon"). The claims keep the name their article used
(in the RDF and the claim index, whose ``company_key`` column holds the key); the analysis reads them under one
**display name** per key: the name most of the company's analysed claims use (ties: the smallest string), so
every group, cross-check and correction link of the company shows one name, and the name is the same whether the
analysis ran over the whole store or over the companies an ingest touched (both read every claim of the key).

>>> from claimgraph.analysis.facts import FactTable
>>> t = FactTable.from_rows(ids=["a", "b", "c"], sources=["x", "y", "z"], companies=["IVACO", "Ivaco Inc", "IVACO"],
...                         metrics=["net_income"] * 3, low=[1.0] * 3, high=[1.0] * 3, points=[1.0] * 3,
...                         decimals=[0] * 3, units=["USD"] * 3, stated=["1"] * 3)
>>> unify_companies(t).company, t.fact(1).company, t.fact(1).named
(['IVACO', 'IVACO', 'IVACO'], 'IVACO', 'Ivaco Inc')
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

import numpy as np

from claimgraph.analysis.aliases import alias_keys
from claimgraph.analysis.facts import FactTable
from claimgraph.sources.companies import company_key

__all__ = ["company_key", "display_names", "unify_companies"]


def display_names(names: Sequence[str], counts: Iterable[int], keys: Sequence[str] | None = None) -> list[str]:
    """Each name's display name: among the names of its key (``keys``, one per name; else each name's
    :func:`company_key`), the one with most claims, then the smallest.

    >>> display_names(["Cheung Kong", "Cheung Kong (Holdings) Ltd", "Acme"], [1, 1, 4])
    ['Cheung Kong', 'Cheung Kong', 'Acme']
    """
    keys = [company_key(n) for n in names] if keys is None else keys
    best: dict[str, tuple[int, str]] = {}
    for key, name, count in zip(keys, names, counts, strict=True):
        rank = (-int(count), name)
        if key not in best or rank < best[key]:
            best[key] = rank
    return [best[k][1] for k in keys]


def unify_companies(table: FactTable) -> FactTable:
    """Put every claim of one company (one :func:`company_key`) under its display name, in place.

    The name a claim's article used stays on its fact (``Fact.named``, set only where it differs) and in
    ``table.named``. Nothing changes when no two names share a key (the common case costs one key per name).
    """
    if not len(table):
        return table
    codes, names = table.codes("company")
    name_keys = [company_key(n) for n in names]
    counts = np.bincount(codes, minlength=len(names)).tolist()
    if len(names) > 1:  # near names whose figures agree (claimgraph.analysis.aliases)
        aliases = alias_keys(table, [name_keys[c] for c in codes.tolist()])
        if aliases:
            merged = set(aliases) | set(aliases.values())
            # (a merged company shows the name most of its articles write, not the one with most claims: a
            # misspelt table item's title has more claims than the story that names the company right)
            articles: dict[int, set[str]] = defaultdict(set)
            for c, src in zip(codes.tolist(), table.source, strict=True):
                if name_keys[c] in merged:
                    articles[c].add(src)
            counts = [len(articles[n]) if name_keys[n] in merged else k for n, k in enumerate(counts)]
            name_keys = [aliases.get(k, k) for k in name_keys]
    if len(set(name_keys)) == len(names):
        return table
    shown = display_names(names, counts, name_keys)
    if shown == names:
        return table
    written = table.company
    table.named = list(written)
    table.company = [shown[c] for c in codes.tolist()]
    new_values = list(dict.fromkeys(shown))
    number = {v: i for i, v in enumerate(new_values)}
    remap = np.asarray([number[s] for s in shown], dtype=np.int64)
    table._codes["company"] = (remap[codes], new_values)
    display = dict(zip(names, shown, strict=True))
    for f in table.made:
        if f is not None and f.company != display[f.company]:
            f.named, f.company = f.company, display[f.company]
    return table
