"""Listings read back from the store: articles, claims and timelines, in the public JSON shapes.

The JSON shapes are a public contract, documented in the README. Whole-store listings read the claim index
(:mod:`claimgraph.graph.index`), checked against the store's generation; ``*_sparql`` variants read the RDF,
and answer (with a one-line note) when the index is missing or out of date.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from claimgraph.errors import IndexUnavailableError, QueryError
from claimgraph.graph.store import Store, with_values
from claimgraph.queries import load_query

# rdflib (the SPARQL variants' bindings), the company registry and the metric vocabulary are imported where they
# are used: listing articles or claims from the claim index needs none of them (0.1-0.3 s of imports).


def company_key(name: str) -> str:
    """:func:`claimgraph.sources.companies.company_key` (imported when first needed)."""
    from claimgraph.sources.companies import company_key as key

    return key(name)


def canonical_company(name: str) -> str:
    """The registry's name for a company given by name, alias or ticker (else ``name`` as given).

    >>> canonical_company("CRWV"), canonical_company("Unknown Co")
    ('CoreWeave', 'Unknown Co')
    """
    from claimgraph.sources.companies import load_registry

    registry = load_registry()
    if name in registry.by_ticker:
        return registry.companies[registry.by_ticker[name]].name
    known = registry.lookup(name)
    return known.name if known else name


def spellings(store: Store, name: str) -> list[str]:
    """Every name the store's claims and groups give the company ``name`` (given by any spelling, alias or
    ticker), found by its key in the claim index; empty when the index cannot answer.

    The bundled queries bind their ``company`` parameter to all of them (``claimgraph query timeline -p
    company='AMAZON.COM INC'`` finds the claims written "Amazon" too).
    """
    keys = sorted({company_key(name), company_key(canonical_company(name))})
    sql = """SELECT company FROM claims WHERE company_key IN (SELECT unnest(?))
        UNION SELECT company FROM groups WHERE company_key IN (SELECT unnest(?)) ORDER BY company"""
    try:
        with _reader(store, lambda _m: None) as ix:
            return [r[0] for r in ix.con.execute(sql, [keys, keys]).fetchall() if r[0]]
    except IndexUnavailableError:
        return []


def _suggest(name: str, choices: list[str]) -> str:
    """ "; did you mean …?" with the names that start with ``name`` as whole words ("Tollan" for "Tollan
    Logistics"), else the close spellings.

    >>> _suggest("tollan", ["TSLA", "Tollan Logistics", "Tollanex"])
    "; did you mean 'Tollan Logistics'?"
    >>> _suggest("Tesla Motor", ["TSLA", "Tesla Motors"])
    "; did you mean 'Tesla Motors'?"
    """
    import difflib

    by_lower = {c.lower(): c for c in choices}
    key = name.lower().strip()
    close = [c for c in by_lower if key and c.startswith(key + " ")][:3] \
        or difflib.get_close_matches(key, list(by_lower), n=3, cutoff=0.6)
    return f"; did you mean {' or '.join(repr(by_lower[c]) for c in close)}?" if close else ""


def check_company(store: Store, name: str) -> None:
    """Refuse a company that neither the store nor the registry knows (typically a typo), suggesting names.

    :raises QueryError: with "did you mean …" when a known name is close.
    """
    from claimgraph.sources.companies import load_registry

    registry = load_registry()
    if name in registry.by_ticker or registry.lookup(name) is not None:
        return
    stored = known_values(store, "company", "known-companies", "name")
    if canonical_company(name) in stored or company_key(name) in {company_key(s) for s in stored}:
        return  # (another spelling of a stored company: "IVACO INC" for "Ivaco")
    names = sorted({*stored, *(c.name for c in registry.companies.values()),
                    *(a for c in registry.companies.values() for a in c.aliases), *registry.by_ticker})
    hint = _suggest(name, stored) or _suggest(name, names)  # (the names with claims first)
    raise QueryError(f"no company '{name}' in the store or the registry{hint} "
                     "(companies with claims: claimgraph claims --format csv)")


def check_metric(store: Store, metric: str) -> None:
    """Refuse a metric id that neither the vocabulary nor the store knows, suggesting ids.

    :raises QueryError: with "did you mean …" when a known id is close.
    """
    from claimgraph.sources.metrics import load_vocabulary

    if metric in load_vocabulary().metrics:
        return
    known = known_values(store, "metric", "known-metrics", "metric")
    if metric in known:
        return
    ids = sorted({*known, *load_vocabulary().metrics})
    raise QueryError(f"no metric '{metric}'{_suggest(metric, ids)} (metric ids: "
                     "claimgraph query 'SELECT ?id WHERE { ?m a cg:Metric ; skos:notation ?id }')")


def known_values(store: Store, column: str, query: str, var: str) -> list[str]:
    """The distinct companies or metrics (``column``) of the stored claims, from the claim index when it is
    present and current (a column scan, milliseconds at 1M claims), else from the RDF with the bundled ``query``
    (which reads the entities and vocabulary, not the claims)."""
    from claimgraph.errors import StoreError

    behind: list[str] = []
    try:
        with _reader(store, note=behind.append) as ix:
            if not behind:
                sql = f"SELECT DISTINCT {column} FROM claims WHERE {column} IS NOT NULL"  # column: ours, not input
                return [str(r[0]) for r in ix.con.execute(sql).fetchall()]
    except StoreError:
        pass  # missing, stale or busy index: the RDF answers
    return [str(r[var]) for r in store.select(load_query(query).text)]


Note = Callable[[str], None] | None


def list_articles(store: Store, *, note: Note = None) -> list[dict[str, Any]]:
    """Every article, from the claim index (same rows as :func:`list_articles_sparql`, which answers when the
    index is missing or out of date, with a ``note``)."""
    try:
        with _reader(store, note) as ix:
            return articles_of(ix)
    except IndexUnavailableError as exc:
        _fallback_note(exc, note)
        return sorted(list_articles_sparql(store), key=lambda r: (r["title"] is not None, r["title"] or "",
                                                                  r["id"]))


def articles_of(ix: Any) -> list[dict[str, Any]]:
    """:func:`list_articles` from an open claim index."""
    import json

    rows = ix.rows("""SELECT a.*, (SELECT count(*) FROM claims c WHERE c.article = a.article) AS n
                      FROM articles a""")
    rows.sort(key=lambda r: (r["title"] is not None, r["title"] or "", r["article"]))
    return [{"id": r["article"], "title": r["title"], "authors": json.loads(r["authors"] or "[]"),
             "publisher": r["publisher"], "published": r["published"], "url": r["url"], "sha256": r["sha256"],
             "claims": int(r["n"]), "record_id": r["record_id"], "superseded": bool(r["superseded"])}
            for r in rows]


def _reader(store: Store, note: Note = None) -> Any:
    from contextlib import closing

    from claimgraph.graph.generations import open_reader

    return closing(open_reader(store, note=note))


def _fallback_note(exc: IndexUnavailableError, note: Note) -> None:
    """Say (once, one line) that the answer comes from the RDF because the claim index cannot give it."""
    reason = str(exc).split("; run")[0]
    (note or (lambda m: print(m, file=sys.stderr)))(
        f"note: {reason}; read from the RDF store instead (slower; 'claimgraph reindex' rebuilds the index)")


_CLAIM_SQL = """SELECT claim, article, title, author AS authorName, quote, quote_start AS start, quote_end AS "end",
    company, metric, measure, low, high, unit, stated, qualifier, decimals, period_label AS periodLabel,
    period_start AS periodStart, period_end AS periodEnd, period_kind AS periodKind, resolution, modality, revises,
    superseded FROM claims"""


def list_articles_sparql(store: Store) -> list[dict[str, Any]]:
    """Every article: ``id``, ``title``, ``authors`` [{name, kind}], ``publisher``, ``published``, ``url``,
    ``sha256``, ``claims``."""
    out: dict[str, dict[str, Any]] = {}
    for r in store.select(load_query("articles").text):
        a = out.setdefault(r["article"], {
            "id": r["article"], "title": r.get("title"), "authors": [], "publisher": r.get("publisher"),
            "published": _iso(r.get("published")), "url": r.get("url"), "sha256": r["sha256"],
            "claims": int(r.get("claims") or 0), "record_id": r.get("recordId"),
            "superseded": bool(r.get("superseded") or False),
        })
        if r.get("authorName"):
            author = {"name": r["authorName"], "kind": r.get("authorKind")}
            if author not in a["authors"]:
                a["authors"].append(author)
    return list(out.values())


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def claim_json(r: dict[str, Any]) -> dict[str, Any]:
    """A claim row of the ``claims`` query in the public JSON shape (``value.label`` in the one number format)."""
    from claimgraph.numbers import claim_value

    period = None
    if r.get("periodLabel") is not None:
        period = {"label": r["periodLabel"], "start": _iso(r.get("periodStart")), "end": _iso(r.get("periodEnd")),
                  "kind": r.get("periodKind"), "resolution": r.get("resolution")}
    value = {"low": float(r["low"]), "high": float(r["high"]), "unit": r["unit"], "stated": r["stated"],
             "qualifier": r["qualifier"], "decimals": int(r["decimals"])}
    value["label"] = claim_value(value, measure=r["measure"], metric=r["metric"])
    return {
        "id": r["claim"], "article": r["article"], "article_title": r.get("title"), "author": r.get("authorName"),
        "quote": r["quote"], "span": [int(r["start"]), int(r["end"])], "company": r["company"],
        "metric": r["metric"], "measure": r["measure"],
        "value": value,
        "period": period, "modality": r["modality"], "revises": r.get("revises"),
        "superseded": bool(r.get("superseded") or False),
    }


def list_claims(store: Store, *, company: str | None = None, metric: str | None = None,
                period: str | None = None, note: Note = None) -> list[dict[str, Any]]:
    """Claims in the public JSON shape, filtered by company (name, alias or ticker), metric id and period label,
    from the claim index (same rows as :func:`list_claims_sparql`, which answers when the index is missing or
    out of date, with a ``note``)."""
    where, params = [], []
    if company:
        where.append("company_key IN (?, ?)")  # every spelling of the company (claimgraph.sources.companies)
        params += [company_key(company), company_key(canonical_company(company))]
    if metric:
        where.append("metric = ?")
        params.append(metric)
    if period:
        where.append("(period_label = ? OR period_end = ?)")
        params += [period, period]
    sql = _CLAIM_SQL + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY article, quote_start, claim"
    try:
        with _reader(store, note) as ix:
            rows = [claim_json(r) for r in ix.rows(sql, params)]
    except IndexUnavailableError as exc:
        _fallback_note(exc, note)
        return list_claims_sparql(store, company=company, metric=metric, period=period)
    if not rows:  # nothing found: a typo in the company or metric gets "did you mean"
        if company:
            check_company(store, company)
        if metric:
            check_metric(store, metric)
    return rows


def list_claims_sparql(store: Store, *, company: str | None = None, metric: str | None = None,
                       period: str | None = None) -> list[dict[str, Any]]:
    """Claims in the public JSON shape, filtered by company (name, alias or ticker), metric id and period label.

    Same rows as the bundled ``claims`` query, fetched in two steps (required columns, then the optional ones for
    the matching claims only) because Oxigraph evaluates an OPTIONAL over the whole store.
    """
    from rdflib import Literal

    bindings: dict[str, Any] = {}
    if company:
        bindings["company"] = Literal(canonical_company(company))
    if metric:
        bindings["metric"] = Literal(metric)
    core = {r["claim"]: r for r in store.select(load_query("claims-core").text, bindings)}
    _fill_optional(store, core)
    rows = [claim_json(r) for r in sorted(core.values(), key=lambda r: (r["article"], int(r["start"]), r["claim"]))]
    if period:
        rows = [c for c in rows if c["period"] and period in (c["period"]["label"], c["period"]["end"])]
    if not rows:  # nothing found: refuse a mistyped company or metric rather than print an empty list
        if company:
            check_company(store, company)
        if metric:
            check_metric(store, metric)
    return rows


BATCH = 2000


def _fill_optional(store: Store, core: dict[str, dict[str, Any]]) -> None:
    from rdflib import URIRef

    claims = [URIRef(c) for c in core]
    articles = sorted({r["article"] for r in core.values()})
    for i in range(0, len(claims), BATCH):
        chunk = claims[i:i + BATCH]
        for r in store.select(with_values(load_query("claims-periods").text, "claim", chunk)):
            core[r["claim"]].update(r)
        for r in store.select(with_values(load_query("claims-revisions").text, "claim", chunk)):
            core[r["claim"]]["revises"] = r["revises"]
    extra: dict[str, dict[str, Any]] = {}
    for i in range(0, len(articles), BATCH):
        chunk = [URIRef(a) for a in articles[i:i + BATCH]]
        for r in store.select(with_values(load_query("claims-sources").text, "article", chunk)):
            e = extra.setdefault(r["article"], {})
            for key in ("title", "authorName", "superseded"):
                if r.get(key) is not None:
                    e.setdefault(key, r[key])
    for r in core.values():
        r.update(extra.get(r["article"], {}))


def series(points: list[dict[str, Any]], *, metric: str | None = None) -> str:
    """A timeline as one line: per period the most precise reported figure, in the one number format
    (:mod:`claimgraph.numbers`).

    The test below mirrors the example corpus: the exact, more precise figure wins.

    >>> series([{"period": {"label": "2025-Q1"}, "claims": [
    ...     {"stated": "~$56B", "low": 53.2e9, "high": 58.8e9, "unit": "USD", "qualifier": "approximate",
    ...      "modality": "reported"},
    ...     {"stated": "$55.6B", "low": 55.6e9, "high": 55.6e9, "unit": "USD", "qualifier": "exact",
    ...      "modality": "reported"}]}])
    '$55.6B (2025-Q1)'
    """
    from claimgraph.numbers import claim_value

    parts = []
    for p in points:
        claims = [c for c in p["claims"] if c["modality"] == "reported"] or p["claims"]
        # narrowest interval, then most stated digits ("$55.6 billion" over "$55 billion")
        best = min(claims, key=lambda c: (c["high"] - c["low"], -sum(ch.isdigit() for ch in c["stated"]), c["stated"]))
        parts.append(f"{claim_value(best, metric=metric)} ({p['period']['label']})")
    return " → ".join(parts)


def timeline(store: Store, company: str, metric: str, *, note: Note = None) -> list[dict[str, Any]]:
    """One company's metric across periods: per period, the claims and their sources (from the claim index; from
    the RDF, with a ``note``, when the index is missing or out of date).

    :raises QueryError: when nothing is found and the company or metric is unknown (a typo: "did you mean").
    """
    sql = """SELECT period_label AS periodLabel, period_start AS periodStart, period_end AS periodEnd, stated, low,
        high, unit, modality, qualifier, claim, title, author AS authorName, article FROM claims
        WHERE company_key IN (?, ?) AND metric = ? AND measure = 'level' AND period_end IS NOT NULL
        AND NOT superseded ORDER BY period_end, period_start, modality, claim"""
    try:
        with _reader(store, note) as ix:  # every spelling of the company, by its key
            points = _points(ix.rows(sql, [company_key(company), company_key(canonical_company(company)), metric]))
    except IndexUnavailableError as exc:
        _fallback_note(exc, note)
        points = timeline_sparql(store, company, metric)
    if not points:
        check_company(store, company)
        check_metric(store, metric)
    return points


def timeline_sparql(store: Store, company: str, metric: str) -> list[dict[str, Any]]:
    """One company's metric across periods, read from the RDF with the bundled ``timeline`` query."""
    from rdflib import Literal

    bindings = {"company": Literal(canonical_company(company)), "metric": Literal(metric)}
    return _points(list(store.select(load_query("timeline").text, bindings)))


def _points(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    points: dict[tuple[str, str], dict[str, Any]] = {}
    for r in rows:
        key = (_iso(r["periodEnd"]) or "", r["periodLabel"])
        p = points.setdefault(key, {"period": {"label": r["periodLabel"], "start": _iso(r["periodStart"]),
                                               "end": _iso(r["periodEnd"])}, "claims": []})
        p["claims"].append({"id": r["claim"], "stated": r["stated"], "low": float(r["low"]), "high": float(r["high"]),
                            "unit": r["unit"], "modality": r["modality"], "qualifier": r["qualifier"],
                            "article": r["article"], "title": r.get("title"), "author": r.get("authorName")})
    return [points[k] for k in sorted(points)]
