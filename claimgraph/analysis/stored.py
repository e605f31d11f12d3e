"""Reading the analysis kept in the store: the report commands' half of :mod:`claimgraph.analysis.kept`.

The report commands (``conflicts``, ``resolve``, ``trust``, ``checks``) only read rows of the claim index, so
this module imports nothing of the analysis itself (no numpy, no truth discovery): a command that answers in
a fraction of a second should not spend it importing code it does not run. Each group's conflicts and
resolution JSON was stored when the group was analysed (:func:`claimgraph.analysis.kept.update`), so the JSON
reports stream those texts in report order straight from the index (:func:`report_texts`), without
parsing them.

>>> from claimgraph.graph.index import ClaimIndex
>>> ix = ClaimIndex.memory()
>>> ix.con.execute("INSERT INTO groups (gid, company, metric, measure, period_end, status, report) VALUES "
...                "('g2', 'Acme', 'revenue', 'level', '2025-09-30', 'consistent', '{\\"id\\": 2}'), "
...                "('g1', 'Acme', 'revenue', 'level', '2025-06-30', 'conflict', '{\\"id\\": 1}')")  # doctest: +ELLIPSIS
<...>
>>> list(texts_of(ix, "conflicts")), list(texts_of(ix, "conflicts", include_all=True))
(['{"id": 1}'], ['{"id": 1}', '{"id": 2}'])
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from claimgraph.graph.index import SCHEMA_VERSION, ClaimIndex
from claimgraph.graph.namespaces import ID

if TYPE_CHECKING:
    from claimgraph.graph.store import Store

REPORTS = {"conflicts", "resolve", "trust", "checks"}
# The report order of statuses (:func:`claimgraph.analysis.analyse.conflicts_report` sorts by it too).
STATUS_ORDER = {"conflict": 0, "possible_conflict": 1, "revision": 2, "divergent": 3, "consistent": 4,
                "unresolved": 5}
HIDDEN = ("consistent", "unresolved", "divergent")  # left out of ``conflicts`` without ``--all``
_STATUS_SQL = "CASE status " + " ".join(f"WHEN '{k}' THEN {v}" for k, v in STATUS_ORDER.items()) + " ELSE 9 END"
_FETCH = 2000


def _gid(g: str) -> str:
    return f"{ID}group/{g}"  # the group's IRI, as text (no rdflib term: see claimgraph.graph.namespaces)


def _where(kind: str, include_all: bool, schema: int = SCHEMA_VERSION) -> tuple[str, str, str]:
    """The column, the rows and the report order of ``kind`` in the groups table (of layout ``schema``).

    ``resolve`` keeps the groups flagged ``has_resolution``: testing ``resolution IS NOT NULL`` reads that whole
    text column (381 MB at 1M claims, 0.13-0.2 CPU s), since a few groups have none. ``report`` has no NULL (every
    group has a report), so ``report IS NOT NULL`` is answered from the column's statistics without reading it.
    """
    if kind == "resolve":
        has = "has_resolution" if schema >= 4 else "resolution IS NOT NULL"  # layout 3: no flag yet
        return "resolution", has, "company, metric, measure, coalesce(period_end, ''), gid"
    where = "report IS NOT NULL" + ("" if include_all else " AND status NOT IN ('" + "', '".join(HIDDEN) + "')")
    return "report", where, f"{_STATUS_SQL}, company, metric, coalesce(period_end, ''), gid"


@dataclass(frozen=True)
class Page:
    """Which groups of the ``conflicts`` or ``resolve`` report to print: a company, metric and period (pushed
    into the index read) and at most ``limit`` groups in report order (0: every group).

    >>> Page(company="Acme", limit=2).cut([{"company": "Acme"}, {"subject": "Acme"}, {"company": "Zeta"},
    ...                                    {"company": "Acme"}])
    ([{'company': 'Acme'}, {'subject': 'Acme'}], 3)
    """

    company: str | None = None
    metric: str | None = None
    period: str | None = None
    limit: int = 0
    company_key: str | None = None  # the company's key as stored (:func:`stored_name`); else computed

    def key(self) -> str | None:
        """The key of the page's company (:func:`claimgraph.sources.companies.company_key`): groups of every
        spelling of the company match."""
        if self.company_key is not None or not self.company:
            return self.company_key
        from claimgraph.sources.companies import company_key

        return company_key(self.company)

    def sql(self) -> tuple[list[str], list[str]]:
        """Conditions on the groups table, and their parameters."""
        where, params = [], []
        key = self.key()
        if key:
            where.append("company_key = ?")
            params.append(key)
        if self.metric:
            where.append("metric = ?")
            params.append(self.metric)
        if self.period:
            where.append("(period_label = ? OR period_end = ?)")
            params += [self.period, self.period]
        return where, params

    def keeps(self, g: dict[str, Any]) -> bool:
        """Does a report row (made in memory) pass the filters?"""
        period = g.get("period") or {}
        return ((not self.company or self.company == g.get("company", g.get("subject")) or _same_key(self, g))
                and (not self.metric or self.metric == g.get("metric"))
                and (not self.period or self.period in (period.get("label"), period.get("end"))))

    def cut(self, rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], int]:
        """The rows that pass the filters, at most ``limit`` of them, and how many passed."""
        kept = [g for g in rows if self.keeps(g)]
        return (kept[: self.limit] if self.limit else kept), len(kept)


ALL = Page()


def _same_key(page: Page, g: dict[str, Any]) -> bool:
    from claimgraph.sources.companies import company_key

    name = g.get("company", g.get("subject"))
    return bool(name) and company_key(name) == page.key()


def texts_of(ix: ClaimIndex, kind: str, *, include_all: bool = False, page: Page = ALL,
             total: Callable[[int], None] | None = None) -> Iterator[str]:
    """The stored JSON text of each group of the ``conflicts`` or ``resolve`` report in ``page``, in report
    order; ``total`` is told how many groups match before the first text (``page.limit`` cuts the texts only).
    """
    texts: Iterator[str] = _texts(ix, kind, include_all=include_all, page=page, total=total, encoded=False)
    return texts


def encoded_texts_of(ix: ClaimIndex, kind: str, *, include_all: bool = False, page: Page = ALL,
                     total: Callable[[int], None] | None = None) -> Iterator[bytes]:
    """:func:`texts_of` as UTF-8 bytes, encoded by DuckDB (``encode``): what ``--format json`` writes, without
    making a Python string of 650 MB of JSON (1M claims) only to encode it again on the way out."""
    texts: Iterator[bytes] = _texts(ix, kind, include_all=include_all, page=page, total=total, encoded=True)
    return texts


def _texts(ix: ClaimIndex, kind: str, *, include_all: bool, page: Page, total: Callable[[int], None] | None,
           encoded: bool) -> Iterator[Any]:
    """The texts of :func:`texts_of`, as ``str`` or (``encoded``) UTF-8 ``bytes``.

    A page is read in two steps: the row ids of the page and the count from the key columns, filtered once
    (on small columns only: see :func:`_where`), then
    their texts by row id (``rowid = ANY(?)``: 0.05 s at 1M claims, where ``ORDER BY … LIMIT`` over the text
    column took 0.7 s and ``rowid IN (…)`` 1.2 s, both reading every text). Every group is read in one scan
    otherwise: the texts with their key columns, unordered, then put in report order in Python (sorting 650 MB
    of JSON inside DuckDB took 0.8 s at 1M claims; reading the key columns apart, filtered on the text column,
    scanned it twice).
    """
    column, where, order = _where(kind, include_all, ix.schema)
    text = f"encode({column})" if encoded else column
    conds, params = page.sql()
    where = " AND ".join([where, *conds])
    if page.limit:
        head = ix.con.execute(f"WITH k AS MATERIALIZED (SELECT rowid AS r, status, company, metric, measure, "
                              f"period_end, gid FROM groups WHERE {where}) SELECT r, (SELECT count(*) FROM k) "
                              f"FROM k ORDER BY {order} LIMIT {int(page.limit)}", params).fetchall()
        if total is not None:
            total(head[0][1] if head else 0)
        rows = [r[0] for r in head]
        page_texts = dict(ix.con.execute(f"SELECT rowid, {text} FROM groups WHERE rowid = ANY(?)",
                                         [rows]).fetchall())
        yield from (page_texts[r] for r in rows)
        return
    cur = ix.con.cursor()
    cur.execute(f"SELECT {order}, {text} FROM groups WHERE {where}", params)
    found: list[tuple[Any, ...]] = []
    while batch := cur.fetchmany(_FETCH):
        found += batch
    found.sort(key=_report_order)
    if total is not None:
        total(len(found))
    for n, r in enumerate(found):
        found[n] = ()  # each text freed once written
        yield r[-1]


def _report_order(row: tuple[Any, ...]) -> tuple[tuple[bool, Any], ...]:
    """The sort key of a row of key columns and a text (the text left out), as DuckDB orders them: values by
    byte (code point) order, NULLs last."""
    return tuple((v is None, "" if v is None else v) for v in row[:-1])


def conflicts_report(ix: ClaimIndex, *, include_all: bool = False, page: Page = ALL,
                     total: Callable[[int], None] | None = None) -> list[dict[str, Any]]:
    """The stored groups, exactly as :func:`claimgraph.analysis.analyse.conflicts_report` printed them."""
    return _decode(texts_of(ix, "conflicts", include_all=include_all, page=page, total=total))


def resolve_report(ix: ClaimIndex, *, page: Page = ALL,
                   total: Callable[[int], None] | None = None) -> list[dict[str, Any]]:
    """The stored resolutions, exactly as :func:`claimgraph.analysis.analyse.resolve_report` printed them."""
    return _decode(texts_of(ix, "resolve", page=page, total=total))


def _decode(texts: Iterable[str]) -> list[dict[str, Any]]:
    """Stored JSON objects decoded in one call (a call per object costs about as much again)."""
    out: list[dict[str, Any]] = json.loads("[" + ",".join(texts) + "]")
    return out


def trust_state(ix: ClaimIndex) -> dict[str, Any]:
    """When trust was last learned: time, generation, and analysed claims then and now."""
    return {"computed_at": ix.meta("trust_computed_at"), "generation": int(ix.meta("trust_generation") or 0),
            "claims_then": int(ix.meta("trust_claims") or 0), "claims_now": ix.analysed_count()}


def trust_report(ix: ClaimIndex) -> list[dict[str, Any]]:
    """The stored trust in the shape of :func:`claimgraph.analysis.analyse.trust_report`."""
    rows: list[dict[str, Any]] = []
    for kind, name, source, title, value in ix.con.execute(
            "SELECT kind, name, source, title, value FROM trust").fetchall():
        if kind == "article":
            rows.append({"kind": "article", "source": source, "name": title or source, "trust": round(value, 4)})
        else:
            rows.append({"kind": kind, "source": None, "name": name, "trust": round(value, 4)})
    rows.sort(key=lambda r: (r["kind"], -r["trust"], r["name"]))
    return rows


def checks_report(ix: ClaimIndex) -> list[dict[str, Any]]:
    """The stored cross-checks in the shape of :func:`claimgraph.analysis.analyse.checks_report`."""
    kinds = {"growth": 0, "margin": 1, "subperiods": 2, "parts": 3}
    rows = ix.rows("SELECT * FROM checks")
    rows.sort(key=lambda c: (kinds.get(c["kind"], 9), c["company"], c["pos"]))
    return [{"id": f"{ID}check/{c['cid']}", "kind": c["kind"], "verdict": c["verdict"],
             "explanation": c["explanation"], "low": c["low"], "high": c["high"],
             "inputs": [_gid(g) for g in c["inputs"].split("\x1f") if g],
             "checks": _gid(c["target"]) if c["target"] else None} for c in rows]


def view_group_rows(ix: ClaimIndex, claims: set[str] | None = None) -> list[dict[str, Any]]:
    """Rows in the shape of the bundled ``view-groups`` query (one per group, side and member), from the index."""
    cols = ix.columns("""SELECT g.gid, g.status, g.company, g.metric, g.measure, g.period_label, g.period_end,
            g.reason, g.resolved, g.unit, l.pos AS side, l.a AS claim
        FROM groups g JOIN group_links l ON l.gid = g.gid AND l.kind = 'side'
        ORDER BY g.gid, l.pos, l.a""")
    out = []
    for gid, status, company, metric, measure, label, end, reason, value, unit, side, claim in zip(
            *cols.values(), strict=True):
        if claims is not None and claim not in claims:
            continue
        out.append({"group": _gid(gid), "status": status, "company": company, "metric": metric, "measure": measure,
                    "periodLabel": label, "periodEnd": end, "reason": reason or None,
                    "value": None if value is None or value != value else value, "unit": unit,
                    "side": f"{_gid(gid)}/side/{side}", "claim": claim})
    return out


def view_check_rows(ix: ClaimIndex) -> list[dict[str, Any]]:
    """Rows in the shape of the bundled ``view-checks`` query, from the index."""
    out = []
    for c in ix.rows("SELECT * FROM checks ORDER BY cid"):
        base = {"check": f"{ID}check/{c['cid']}", "kind": c["kind"], "verdict": c["verdict"],
                "explanation": c["explanation"]}
        for g in (c["inputs"] or "").split("\x1f"):
            if g:
                out.append({**base, "input": _gid(g), "target": _gid(c["target"]) if c["target"] else None})
    return out


def group_summary(ix: ClaimIndex, *, company: str | None = None, metric: str | None = None) -> list[dict[str, Any]]:
    """One row per stored group, aggregated in the index (for the view of a big store): key, status, resolved
    value, claim and article counts.

    The rows are the view's aggregated nodes; members are read with :func:`view_group_rows` only when shown.
    """
    where, params = [], []
    if company:
        from claimgraph.sources.companies import company_key

        where.append("g.company_key = ?")  # every spelling of the company
        params.append(company_key(company))
    if metric:
        where.append("g.metric = ?")
        params.append(metric)
    sql = f"""SELECT g.gid, g.company, g.metric, g.measure, g.unit, g.period_label, g.period_end, g.status,
            g.reason, g.resolved, count(*) AS claims, count(DISTINCT c.article) AS articles
        FROM groups g JOIN group_claims m ON m.gid = g.gid JOIN claims c ON c.claim = m.claim
        {'WHERE ' + ' AND '.join(where) if where else ''}
        GROUP BY ALL ORDER BY g.company, g.metric, g.period_end, g.gid"""
    return [{**r, "group": _gid(r.pop("gid"))} for r in ix.rows(sql, params)]


# --- entry points for the commands that only read ---------------------------------------------------


def _reader(store: Store, note: Callable[[str], None] | None = None) -> Any:
    from claimgraph.graph.generations import open_reader

    return closing(open_reader(store, note=note))


def stored_report(store: Store, kind: str, *, include_all: bool = False, truncation: bool = True,
                  note: Callable[[str], None] | None = None, page: Page = ALL,
                  total: Callable[[int], None] | None = None) -> list[dict[str, Any]]:
    """A report read from the stored analysis (``conflicts``, ``resolve``, ``trust`` or ``checks``); for
    ``conflicts`` and ``resolve`` only the groups of ``page`` (``total`` is told how many match).

    Without truncation the analysis is recomputed in memory from the claim index (nothing is written).

    :raises StoreError: when the claim index is missing or stale.
    :raises QueryError: when ``page`` names a company or metric that nothing matched and no one knows.
    """
    with _reader(store, note) as ix:
        page = stored_name(ix, page)
        if kind in ("conflicts", "resolve"):
            count: list[int] = []
            if not truncation:
                rows, n = page.cut(_fresh(store, ix, kind, include_all=include_all))
                count.append(n)
            elif kind == "conflicts":
                rows = conflicts_report(ix, include_all=include_all, page=page, total=count.append)
            else:
                rows = resolve_report(ix, page=page, total=count.append)
            if not count[0]:
                check_names(store, page)
            if total is not None:
                total(count[0])
            return rows
        if not truncation:
            return _fresh(store, ix, kind, include_all=include_all)
        if kind == "trust":
            return trust_report(ix)
        return checks_report(ix)


def stored_texts(store: Store, kind: str, *, include_all: bool = False,
                 note: Callable[[str], None] | None = None, page: Page = ALL,
                 total: Callable[[int], None] | None = None) -> Iterator[bytes]:
    """The stored JSON text of each group of the ``conflicts`` or ``resolve`` report in ``page``, as UTF-8
    bytes, streamed in report order (what ``--format json`` prints, without parsing a million claims back into
    Python objects); ``total`` is told how many groups match before the first text.

    :raises StoreError: when the claim index is missing or stale.
    :raises QueryError: when ``page`` names a company or metric that nothing matched and no one knows.
    """
    count: list[int] = []

    def counted(n: int) -> None:
        count.append(n)
        if not n:
            check_names(store, page)
        if total is not None:
            total(n)

    with _reader(store, note) as ix:
        page = stored_name(ix, page)
        yield from encoded_texts_of(ix, kind, include_all=include_all, page=page, total=counted)


def stored_name(ix: ClaimIndex, page: Page) -> Page:
    """``page`` with its company's key as the groups are stored: read from a group shown under that name (no
    registry read: importing it costs 0.17 s); else the key of the name as given ("IVACO" finds the groups shown
    as "Ivaco"), when some group has it; else the key of the registry's name for an alias or ticker."""
    if not page.company:
        return page
    found = ix.con.execute("SELECT company_key FROM groups WHERE company = ? LIMIT 1", [page.company]).fetchall()
    if found:
        return replace(page, company_key=found[0][0])
    key = page.key()
    if ix.con.execute("SELECT 1 FROM groups WHERE company_key = ? LIMIT 1", [key]).fetchall():
        return replace(page, company_key=key)
    return named(page)


def named(page: Page) -> Page:
    """``page`` with its company given by the registry's name (an alias or ticker is accepted)."""
    if not page.company:
        return page
    from claimgraph.graph.catalog import canonical_company

    return replace(page, company=canonical_company(page.company), company_key=None)


def check_names(store: Store, page: Page) -> None:
    """When a page matched no group: refuse a company or metric that neither the store nor the registry knows
    (a typo gets "did you mean"); a known one simply has no groups to show.

    :raises QueryError: for an unknown company or metric.
    """
    from claimgraph.graph.catalog import check_company, check_metric

    if page.company:
        check_company(store, page.company)
    if page.metric:
        check_metric(store, page.metric)


def _fresh(store: Store, ix: ClaimIndex, kind: str, *, include_all: bool) -> list[dict[str, Any]]:
    from claimgraph.analysis import analyse as fresh
    from claimgraph.analysis.conflicts import AgreementConfig
    from claimgraph.analysis.kept import load_facts

    a = fresh.analyse_facts(load_facts(ix), fresh.load_notices(store), config=AgreementConfig(truncation=False))
    return {"conflicts": lambda: fresh.conflicts_report(a, include_all=include_all),
            "resolve": lambda: fresh.resolve_report(a), "trust": lambda: fresh.trust_report(a),
            "checks": lambda: fresh.checks_report(a)}[kind]()


def stored_trust_state(store: Store) -> dict[str, Any]:
    """:func:`trust_state` of ``store``'s index."""
    with _reader(store, lambda _m: None) as ix:
        return trust_state(ix)


def view_groups(store: Store, claims: set[str] | None = None) -> list[dict[str, Any]]:
    """:func:`view_group_rows` of ``store``'s index (for the view)."""
    with _reader(store, lambda _m: None) as ix:
        return view_group_rows(ix, claims)


def view_checks(store: Store) -> list[dict[str, Any]]:
    """:func:`view_check_rows` of ``store``'s index (for the view)."""
    with _reader(store, lambda _m: None) as ix:
        return view_check_rows(ix)
