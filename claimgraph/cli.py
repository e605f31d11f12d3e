"""The ``claimgraph`` command line. Thin: each command parses options, calls one library function, renders.

Exit codes: 0 success; 1 an error (``Error: …`` on stderr) or, for batches,
at least one input failed; 2 a usage error.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import webbrowser
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
import typer.core
from rich.console import Console
from rich.table import Table

from claimgraph import __version__
from claimgraph.errors import ClaimgraphError

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


class _Group(typer.core.TyperGroup):
    """Turns domain errors into ``Error: …`` on stderr with exit code 1, wherever they are raised."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except ClaimgraphError as exc:
            err.print(f"Error: {exc}", markup=False, highlight=False)
            raise typer.Exit(1) from None


app = typer.Typer(name="claimgraph", cls=_Group, help="News articles to a source-attribution knowledge graph: who said what, "
                  "for which period, and where sources conflict.", no_args_is_help=True,
                  pretty_exceptions_enable=False, add_completion=False)


class OutFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    tsv = "tsv"
    jsonl = "jsonl"


# Options shared by commands, defined once.
StoreOpt = Annotated[str | None, typer.Option("--store", "-s", envvar="CLAIMGRAPH_STORE", show_envvar=True,
                                              help="Store: a folder (embedded Oxigraph, default ./.claimgraph/store), "
                                                   "'memory', or a SPARQL endpoint URL.")]
FormatOpt = Annotated[OutFormat, typer.Option("--format", "-f", help="Output format.")]
WaitOpt = Annotated[bool, typer.Option("--wait", help="Wait for another writer to release the store.")]
UpdateEndpointOpt = Annotated[str | None, typer.Option("--update-endpoint", envvar="CLAIMGRAPH_UPDATE_ENDPOINT",
                                                       help="SPARQL UPDATE endpoint of a remote store.")]


def main() -> None:
    """Entry point: run the app, turning domain errors into one line on stderr."""
    try:
        app()
    except ClaimgraphError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        _fail("interrupted")


def _fail(message: str) -> None:
    err.print(f"Error: {message}", markup=False, highlight=False)
    raise SystemExit(1)


@contextmanager
def _store(spec: str | None, *, read_only: bool = False, wait: bool = False,
           update_endpoint: str | None = None) -> Iterator[Any]:
    from claimgraph.graph.store import open_store

    options = {"update_endpoint": update_endpoint} if update_endpoint else {}
    try:
        store = open_store(spec, read_only=read_only, wait=wait, **options)
    except ClaimgraphError as exc:
        _fail(str(exc))
        raise
    try:
        yield store
    except ClaimgraphError as exc:
        _fail(str(exc))
    finally:
        store.close()


def _reader_store(spec: str | None, update_endpoint: str | None = None) -> Any:
    """Commands that only read open the embedded store read-only, so they work while a writer runs."""
    return _store(spec, read_only=True, update_endpoint=update_endpoint)


def _emit(rows: list[dict[str, Any]], fmt: OutFormat, columns: list[str] | None = None) -> None:
    if fmt is OutFormat.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    if fmt is OutFormat.jsonl:
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
        return
    columns = columns or (list(rows[0]) if rows else [])
    flat = [{c: _cell(r.get(c)) for c in columns} for r in rows]
    if fmt in (OutFormat.csv, OutFormat.tsv):
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=columns, delimiter="," if fmt is OutFormat.csv else "\t",
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(flat)
        sys.stdout.write(buf.getvalue())
        return
    table = Table(show_lines=False, highlight=False)
    for c in columns:
        table.add_column(c, overflow="fold")
    for r in flat:
        table.add_row(*(str(r[c]) for c in columns))
    out.print(table, markup=False)


def _cell(v: Any) -> Any:
    if isinstance(v, dict):
        return v.get("label") or v.get("stated") or v.get("name") or json.dumps(v, default=str)
    if isinstance(v, list):
        return ", ".join(str(_cell(x)) for x in v)
    return "" if v is None else v


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or '-' for stdin.")],
    store: StoreOpt = None,
    published: Annotated[str | None, typer.Option(help="Published date (YYYY-MM-DD) for inputs lacking one.")] = None,
    publisher: Annotated[str | None, typer.Option(help="Publisher for inputs lacking one.")] = None,
    url: Annotated[str | None, typer.Option(help="URL for inputs lacking one.")] = None,
    author: Annotated[list[str] | None, typer.Option(help="Author(s) for inputs lacking a byline.")] = None,
    input_format: Annotated[str | None, typer.Option("--input-format", help="Force txt|md|html|json|jsonl.")] = None,
    workers: Annotated[int, typer.Option(help="Extraction processes (default: one per core).")] = 0,
    max_bytes: Annotated[int, typer.Option(help="Refuse inputs larger than this many bytes.")] = 20_000_000,
    fmt: FormatOpt = OutFormat.table,
    wait: WaitOpt = False,
    update_endpoint: UpdateEndpointOpt = None,
    engine: Annotated[str, typer.Option(help="local (worker processes) or dask (a Dask cluster: --scheduler, "
                                             "else a local one).")] = "local",
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address, e.g. tcp://host:8786.")] = None,
    shards: Annotated[Path | None, typer.Option(help="Where Dask workers write N-Quads shards and index files "
                                                     "(a folder every worker sees).")] = None,
) -> None:
    """Read articles, extract their claims and store them (in transactions of whole articles)."""
    import os

    if engine not in ("local", "dask"):
        raise typer.BadParameter(f"unknown engine '{engine}'; use local or dask")
    if engine == "dask":
        _ingest_dask(paths, store, scheduler, shards, workers, fmt, wait, update_endpoint)
        return

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from claimgraph.pipeline import ingest as run_ingest
    from claimgraph.sources.readers import Format, Metadata

    meta = Metadata(authors=tuple(author or ()), publisher=publisher, published=published, url=url)
    forced = Format(input_format) if input_format else None
    n = workers or min(os.cpu_count() or 1, 4)
    with _store(store, wait=wait, update_endpoint=update_endpoint) as st, Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=err,
            transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task("ingesting", total=None)
        report = run_ingest(paths, st, meta=meta, fmt=forced, workers=n, max_bytes=max_bytes,
                            progress=lambda _s: progress.advance(task))
    if fmt in (OutFormat.json, OutFormat.jsonl):
        sys.stdout.write(json.dumps(report.to_json(), ensure_ascii=False) + "\n")
    else:
        out.print(f"{report.articles} articles added, {report.claims} claims, {report.unchanged} unchanged, "
                  f"{report.revised} new versions, {len(report.failed)} failed", markup=False)
    for _, reason in report.failed:
        err.print(f"skipped: {reason}", markup=False, highlight=False)
    if report.failed:
        raise typer.Exit(1)


def _ingest_dask(paths: list[str], store: str | None, scheduler: str | None, shards: Path | None, workers: int,
                 fmt: OutFormat, wait: bool, update_endpoint: str | None) -> None:
    import tempfile

    from claimgraph.distributed import extract_shards, load_shards

    with tempfile.TemporaryDirectory() as tmp:
        folder = shards or Path(tmp)
        shard_report = extract_shards(paths, folder, scheduler=scheduler, workers=workers or 2)
        with _store(store, wait=wait, update_endpoint=update_endpoint) as st:
            report = load_shards(shard_report.shards, st)
    report.failed += shard_report.failed
    if fmt in (OutFormat.json, OutFormat.jsonl):
        sys.stdout.write(json.dumps({**report.to_json(), "shards": len(shard_report.shards)}, ensure_ascii=False)
                         + "\n")
    else:
        out.print(f"{report.articles} articles added, {report.claims} claims, {report.unchanged} unchanged, "
                  f"{report.revised} new versions, {len(report.failed)} failed ({len(shard_report.shards)} shards)",
                  markup=False)
    for _, reason in report.failed:
        err.print(f"skipped: {reason}", markup=False, highlight=False)
    if report.failed:
        raise typer.Exit(1)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or '-' for stdin (same inputs as ingest).")],
    fmt: FormatOpt = OutFormat.table,
    input_format: Annotated[str | None, typer.Option("--input-format", help="Force txt|md|html|json|jsonl.")] = None,
    published: Annotated[str | None, typer.Option(help="Published date (YYYY-MM-DD) for inputs lacking one.")] = None,
) -> None:
    """Show what ingest would record, without touching a store (JSON Lines with --format json)."""
    from claimgraph.pipeline import extract_records
    from claimgraph.sources.readers import Format, Metadata

    failed = 0
    forced = Format(input_format) if input_format else None
    for record in extract_records(paths, meta=Metadata(published=published), fmt=forced):
        if "error" in record:
            failed += 1
            err.print(f"skipped: {record['error']}", markup=False, highlight=False)
            if "claims" not in record:
                continue  # nothing was read; otherwise the article is shown with what was read
        if fmt in (OutFormat.json, OutFormat.jsonl):
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            out.print(f"\n{record['source']}: {record['title']} ({len(record['claims'])} claims)", markup=False)
            _emit([{"company": c["company"], "metric": c["metric"], "measure": c["measure"],
                    "value": c["value"]["stated"], "period": (c["period"] or {}).get("label", "unresolved"),
                    "modality": c["modality"]} for c in record["claims"]], OutFormat.table)
    if failed:
        raise typer.Exit(1)


@app.command()
def articles(store: StoreOpt = None, fmt: FormatOpt = OutFormat.table) -> None:
    """List stored articles with authors, publisher, date and claim counts."""
    from claimgraph.graph.catalog import list_articles

    with _reader_store(store) as st:
        rows = list_articles(st)
    _emit(rows, fmt, None if fmt is not OutFormat.table else ["title", "authors", "publisher", "published", "claims"])


@app.command()
def claims(
    store: StoreOpt = None,
    company: Annotated[str | None, typer.Option(help="Company name, alias or ticker.")] = None,
    metric: Annotated[str | None, typer.Option(help="Metric id, e.g. revenue_backlog.")] = None,
    period: Annotated[str | None, typer.Option(help="Period label, e.g. 2025-Q3, or an instant date.")] = None,
    fmt: FormatOpt = OutFormat.table,
) -> None:
    """List stored claims, optionally filtered."""
    from claimgraph.graph.catalog import list_claims

    with _reader_store(store) as st:
        rows = list_claims(st, company=company, metric=metric, period=period)
    _emit(rows, fmt, None if fmt is not OutFormat.table else
          ["company", "metric", "measure", "value", "period", "modality", "article_title"])


@app.command()
def query(
    sparql: Annotated[str, typer.Argument(help="SPARQL text, a .rq file, '-' for stdin, or a bundled query name.")],
    store: StoreOpt = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="Bind a variable: NAME=VALUE.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f",
                                     help="table|csv|tsv|json|jsonl; turtle|nt|json-ld for CONSTRUCT.")] = "table",
    limit: Annotated[int | None, typer.Option(help="Print at most this many rows.")] = None,
    update_endpoint: UpdateEndpointOpt = None,
) -> None:
    """Run a read-only SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE); standard prefixes are predeclared."""
    from claimgraph.graph.sparql import parse_params, query_source, result_rows, run_query

    source = query_source(sparql)
    with _reader_store(store, update_endpoint) as st:
        result = run_query(st, source.text, params=parse_params(param or []), label=source.label)
        if result.type == "ASK":
            sys.stdout.write(("true" if result.askAnswer else "false") + "\n")
            return
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            from claimgraph.graph.namespaces import PREFIXES

            graph = result.graph
            assert graph is not None
            for p, iri in PREFIXES.items():
                graph.bind(p, iri)
            rdf_fmt = {"table": "turtle", "turtle": "turtle", "ttl": "turtle", "nt": "nt", "ntriples": "nt",
                       "json-ld": "json-ld", "jsonld": "json-ld", "json": "json-ld"}.get(fmt, "turtle")
            sys.stdout.write(graph.serialize(format=rdf_fmt))
            return
        names, rows = result_rows(result)
    if limit is not None:
        rows = rows[:limit]
    try:
        out_fmt = OutFormat(fmt)
    except ValueError:
        raise typer.BadParameter(f"'{fmt}' is not a format for SELECT; use table|csv|tsv|json|jsonl") from None
    _emit([dict(zip(names, r, strict=True)) for r in rows], out_fmt, names)


@app.command()
def update(
    sparql: Annotated[str, typer.Argument(help="SPARQL UPDATE text, a .ru/.rq file, or '-' for stdin.")],
    store: StoreOpt = None,
    wait: WaitOpt = False,
    update_endpoint: UpdateEndpointOpt = None,
) -> None:
    """Run a SPARQL UPDATE: the deliberate way to change the store by hand."""
    from claimgraph.graph.sparql import query_source
    from claimgraph.graph.writer import apply_update

    source = query_source(sparql)
    with _store(store, wait=wait, update_endpoint=update_endpoint) as st:
        apply_update(st, source.text)
    out.print("update applied; claim index and analysis rebuilt", markup=False)


@app.command()
def queries(fmt: FormatOpt = OutFormat.table) -> None:
    """List the bundled named queries with their descriptions and parameters."""
    from claimgraph.queries import list_queries

    rows = [q.to_json() for q in list_queries()]
    if fmt is OutFormat.table:
        rows = [{"name": r["name"], "parameters": ", ".join(p["name"] for p in r["parameters"]),  # type: ignore
                 "description": r["description"]} for r in rows]
    _emit(rows, fmt)


@app.command()
def prefixes(fmt: FormatOpt = OutFormat.table) -> None:
    """List the prefixes predeclared for every query."""
    from claimgraph.graph.namespaces import PREFIXES

    _emit([{"prefix": p, "iri": iri} for p, iri in PREFIXES.items()], fmt)


def _stored(store: Any, kind: str, *, include_all: bool = False, truncation: bool = True) -> list[dict[str, Any]]:
    """A report from the analysis kept in the store (read-only)."""
    from claimgraph.analysis.stored import stored_report

    return stored_report(store, kind, include_all=include_all, truncation=truncation,
                         note=lambda m: err.print(m, markup=False, highlight=False))


def _emit_stored(store: Any, kind: str, fmt: OutFormat, *, include_all: bool = False) -> None:
    """Stream a stored report's JSON texts (``conflicts``, ``resolve``) to stdout as JSON or JSON Lines."""
    from claimgraph.analysis.stored import stored_texts

    texts = stored_texts(store, kind, include_all=include_all,
                         note=lambda m: err.print(m, markup=False, highlight=False))
    write = sys.stdout.write
    if fmt is OutFormat.jsonl:
        for text in texts:
            write(text + "\n")
        return
    write("[")
    for n, text in enumerate(texts):
        write(("\n" if n == 0 else ",\n") + text)
    write("\n]\n")


TruncOpt = Annotated[bool, typer.Option("--truncation/--no-truncation",
                                        help="Allow whole-number headline figures to be truncations ($55B for $55.6B).")]


@app.command()
def conflicts(
    store: StoreOpt = None,
    show_all: Annotated[bool, typer.Option("--all", help="Also list groups whose sources agree.")] = False,
    fmt: FormatOpt = OutFormat.table,
    truncation: TruncOpt = True,
    wait: WaitOpt = False,
    update_endpoint: UpdateEndpointOpt = None,
) -> None:
    """Conflicts, revisions and possible conflicts per company, metric and period (from the stored analysis)."""
    with _reader_store(store, update_endpoint) as st:
        if truncation and fmt in (OutFormat.json, OutFormat.jsonl):
            _emit_stored(st, "conflicts", fmt, include_all=show_all)
            return
        report = _stored(st, "conflicts", include_all=show_all, truncation=truncation)
    if fmt is not OutFormat.table:
        _emit(report, fmt)
        return
    _print_conflicts(report)


def _print_conflicts(report: list[dict[str, Any]]) -> None:
    colors = {"conflict": "red", "possible_conflict": "magenta", "revision": "yellow", "consistent": "green",
              "unresolved": "white", "divergent": "cyan"}
    if not report:
        out.print("No conflicts: every group of claims agrees (use --all to list them).", markup=False)
    for g in report:
        period = g["period"]["label"] if g["period"] else "period unresolved"
        out.print(f"[bold {colors[g['status']]}]{g['status'].upper()}[/] {g['company']} · {g['metric']} "
                  f"({g['measure']}) · {period} · {g['modality_class'].split('@')[0]}", highlight=False)
        if g["reason"]:
            out.print(f"  reason: {g['reason']}", markup=False)
        superseded = set(g["superseded"])
        sides = g["sides"] if len(g["sides"]) > 1 else [[c["id"] for c in g["claims"]]]
        by_id = {c["id"]: c for c in g["claims"]}
        for n, side in enumerate(sides):
            if len(sides) > 1:
                out.print(f"  side {n + 1}:", markup=False)
            for cid in side:
                c = by_id[cid]
                mark = " (superseded)" if cid in superseded else ""
                out.print(f"    {c['value']['stated']}{mark} — {c['article_title'] or c['article']}"
                          f" [{c['author'] or 'unknown author'}, trust {c['trust']}]", markup=False, highlight=False)
                out.print(f"      \u201c{_clip(c['quote'])}\u201d", markup=False, highlight=False)
        for cid in superseded - {x for s in sides for x in s}:
            c = by_id[cid]
            out.print(f"    {c['value']['stated']} (superseded) — {c['article_title']}", markup=False)
        for link in g.get("corrections", []):
            out.print(f"  correction: {link['notice'] or 'corrected re-issue'} ({link['linked_because']})",
                      markup=False, highlight=False)
        out.print(f"  {_resolution_text(g)}", markup=False, highlight=False)
        for e in g.get("estimates", []):
            out.print(f"  {e['outcome'].replace('_', ' ')} against {e['stated']} ({e['modality']})"
                      + (f": {e['difference_percent']:+.1f}%" if e["difference_percent"] is not None else ""),
                      markup=False, highlight=False)


def _resolution_text(g: dict[str, Any]) -> str:
    """``resolved: 55.6B (confidence 0.91, 3 independent sources)`` or ``undecided: 55.6B | 48B``."""
    if g.get("resolution") == "undecided":
        sides = " | ".join(f"{_value(c)} ({c['independent_sources']} source{'s' * (c['independent_sources'] != 1)})"
                           for c in g["candidates"])
        return f"undecided: {sides}; the evidence is symmetric, no value is chosen"
    if g.get("resolved") is None and g.get("resolved_text") is None:
        return "not resolved"
    value = g["resolved_text"] if g.get("resolved_text") is not None else _human(g["resolved"])
    conf = g.get("confidence")
    return (f"resolved: {value}" + (f" (confidence {conf:.2f}, {g['independent_sources']} independent "
                                    f"source{'s' * (g['independent_sources'] != 1)})" if conf is not None else ""))


def _value(c: dict[str, Any]) -> str:
    return str(c["text"]) if c.get("text") is not None else _human(c["value"])


def _human(v: float) -> str:
    """55600000000.0 -> 55.6B (values are in base units)."""
    for scale, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(v) >= scale:
            return f"{v / scale:.6g}{suffix}"
    return f"{v:.6g}"


def _clip(text: str, n: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


@app.command()
def resolve(store: StoreOpt = None, fmt: FormatOpt = OutFormat.table, truncation: TruncOpt = True,
            wait: WaitOpt = False, update_endpoint: UpdateEndpointOpt = None) -> None:
    """Resolved value per group, with supporting and dissenting sources and learned source trust."""
    with _reader_store(store, update_endpoint) as st:
        if truncation and fmt in (OutFormat.json, OutFormat.jsonl):
            _emit_stored(st, "resolve", fmt)
            return
        rows = _stored(st, "resolve", truncation=truncation)
    if fmt is OutFormat.table:
        rows = [{"subject": r["subject"], "metric": r["metric"], "measure": r["measure"],
                 "period": r["period"]["label"], "value": _resolved_cell(r), "status": r["status"],
                 "confidence": "" if r["confidence"] is None else f"{r['confidence']:.2f}",
                 "support": len(r["support"]), "dissent": len(r["dissent"])} for r in rows]
    _emit(rows, fmt)


def _resolved_cell(r: dict[str, Any]) -> str:
    if r["resolution"] == "undecided":
        return "undecided: " + " | ".join(_value(c) for c in r["candidates"])
    return str(r["resolved_text"]) if r["resolved_text"] is not None else _human(r["value"])


@app.command()
def trust(store: StoreOpt = None, fmt: FormatOpt = OutFormat.table, wait: WaitOpt = False) -> None:
    """Source trust (articles, authors, publishers) learned by truth discovery, and when it was learned."""
    from claimgraph.analysis.stored import stored_trust_state

    with _reader_store(store) as st:
        rows = _stored(st, "trust")
        state = stored_trust_state(st)
    _emit(rows, fmt)
    since = state["claims_now"] - state["claims_then"]
    err.print(f"trust learned {state['computed_at'] or 'never'} (generation {state['generation']}, over "
              f"{state['claims_then']} claims; {since:+d} since; 'claimgraph analyse' relearns it)", markup=False,
              highlight=False)


@app.command()
def checks(store: StoreOpt = None, fmt: FormatOpt = OutFormat.table, wait: WaitOpt = False) -> None:
    """Arithmetic cross-checks between claims: growth, margins, sub-periods and parts."""
    with _reader_store(store) as st:
        rows = _stored(st, "checks")
    _emit(rows, fmt, None if fmt is not OutFormat.table else ["kind", "verdict", "explanation"])


@app.command()
def timeline(
    company: Annotated[str, typer.Argument(help="Company name, alias or ticker.")],
    metric: Annotated[str, typer.Argument(help="Metric id, e.g. revenue_backlog.")],
    store: StoreOpt = None,
    fmt: FormatOpt = OutFormat.table,
) -> None:
    """A metric's series across periods, e.g. backlog $25.9B → $55.6B → under $67B → about $100B, with sources."""
    from claimgraph.graph.catalog import series
    from claimgraph.graph.catalog import timeline as run_timeline

    with _reader_store(store) as st:
        points = run_timeline(st, company, metric)
    if fmt is not OutFormat.table:
        _emit(points, fmt)
        return
    if not points:
        out.print(f"No {metric} claims for {company}.", markup=False)
        return
    out.print(series(points), markup=False)
    _emit([{"period": p["period"]["label"], "stated": c["stated"], "modality": c["modality"],
            "source": c["title"], "author": c["author"]} for p in points for c in p["claims"]], OutFormat.table)


@app.command()
def analyse(store: StoreOpt = None, truncation: TruncOpt = True, wait: WaitOpt = False,
            update_endpoint: UpdateEndpointOpt = None) -> None:
    """Recompute the whole analysis and relearn source trust, and store them (ingest keeps them up to date)."""
    from claimgraph.analysis.conflicts import AgreementConfig
    from claimgraph.graph.writer import analyse_store

    with _store(store, wait=wait, update_endpoint=update_endpoint) as st:
        result = analyse_store(st, config=AgreementConfig(truncation=truncation))
    out.print(f"analysed: {result.groups} groups of {result.companies} companies; generation {result.generation}",
              markup=False)


@app.command()
def reindex(store: StoreOpt = None, wait: WaitOpt = False, update_endpoint: UpdateEndpointOpt = None) -> None:
    """Rebuild the claim index and the stored analysis from the RDF (after an interrupted write, or to check)."""
    from claimgraph.graph.writer import reindex as run_reindex

    with _store(store, wait=wait, update_endpoint=update_endpoint) as st:
        result = run_reindex(st)
    out.print(f"reindexed: {result.groups} groups of {result.companies} companies; generation {result.generation}",
              markup=False)


@app.command("import-claims")
def import_claims(
    path: Annotated[str, typer.Argument(help="CSV, TSV or JSONL with source, subject, metric, period, value.")],
    store: StoreOpt = None,
    wait: WaitOpt = False,
    update_endpoint: UpdateEndpointOpt = None,
) -> None:
    """Import structured claims (from spreadsheets or scrapers) for the same conflict analysis."""
    from claimgraph.graph.importer import import_claims as run_import

    with _store(store, wait=wait, update_endpoint=update_endpoint) as st:
        report = run_import(path, st)
    out.print(f"{report.claims} claims imported from {report.sources} sources, {len(report.failed)} rows skipped",
              markup=False)
    for line in report.failed[:20]:
        err.print(f"skipped: {line}", markup=False, highlight=False)
    if report.failed:
        raise typer.Exit(1)


OpenOpt = Annotated[bool, typer.Option("--open/--no-open", help="Open the page in the default browser.")]


@app.command()
def view(
    store: StoreOpt = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the HTML page.")] = Path(
        "claimgraph-view.html"),
    company: Annotated[str | None, typer.Option(help="Focus on one company.")] = None,
    metric: Annotated[str | None, typer.Option(help="Focus on one metric.")] = None,
    max_claims: Annotated[int, typer.Option(help="Aggregate claims into metric-period groups above this many.")] = 60,
    open_browser: OpenOpt = True,
    wait: WaitOpt = False,
) -> None:
    """Write the HTML network (self-contained, works offline), print its path and open it."""
    from claimgraph.view.page import write_view

    with _reader_store(store) as st:
        path, _, _ = write_view(st, output, company=company, metric=metric, max_claims=max_claims)
    out.print(str(path), markup=False, highlight=False)
    if open_browser:
        webbrowser.open(path.as_uri())


@app.command()
def serve(
    store: StoreOpt = None,
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1.")] = 8765,
    wait: WaitOpt = False,
) -> None:
    """Serve the view and exports on 127.0.0.1 (for remote machines: forward the port over SSH)."""
    from claimgraph.view.server import serve as run_server

    with _store(store, wait=wait) as st:
        run_server(st, port=port, announce=lambda url: out.print(url, markup=False, highlight=False))


@app.command()
def export(
    store: StoreOpt = None,
    fmt: Annotated[str | None, typer.Option("--format", "-f", help="turtle|trig|nquads|json-ld "
                                                                     "(default: from --output, else trig).")] = None,
    output: Annotated[str | None, typer.Option("--output", "-o", help="File to write (default: stdout).")] = None,
) -> None:
    """Export the store as Turtle, TriG, N-Quads or JSON-LD."""
    from claimgraph.graph.export import Format
    from claimgraph.graph.export import export as run_export

    chosen = Format(fmt) if fmt else (Format.from_path(output) if output else Format.TRIG)
    with _reader_store(store) as st:
        if output:
            with open(output, "wb") as fh:
                run_export(st, fh, fmt=chosen)
        else:
            run_export(st, sys.stdout.buffer, fmt=chosen)


@app.command()
def demo(
    store: StoreOpt = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the HTML page.")] = Path(
        "claimgraph-view.html"),
    open_browser: OpenOpt = True,
) -> None:
    """A fresh store, the bundled CoreWeave corpus ingested, the conflict report printed, the view written."""
    from claimgraph.pipeline import demo as run_demo

    result = run_demo(store, output)
    out.print(f"Store: {result.store}\n{result.report.articles} articles, {result.report.claims} claims ingested",
              markup=False)
    _print_conflicts(result.conflicts)
    out.print("\nSources that agree (at stated precision):", markup=False)
    for g in result.agreements:
        values = ", ".join(dict.fromkeys(c["value"]["stated"] for c in g["claims"]))
        sources = len({c["article"] for c in g["claims"]})
        out.print(f"  {g['metric']} {g['period']['label'] if g['period'] else ''}: {values} "
                  f"({sources} articles)", markup=False, highlight=False)
    out.print("\nCross-checks:", markup=False)
    for c in result.checks:
        out.print(f"  {c['kind']} [{c['verdict']}]: {c['explanation']}", markup=False, highlight=False)
    out.print(f"\nTimeline of revenue_backlog: {result.timeline}", markup=False)
    out.print(f"View: {result.view}", markup=False, highlight=False)
    if open_browser:
        webbrowser.open(result.view.as_uri())


@app.callback(invoke_without_command=True)
def _root(version: Annotated[bool, typer.Option("--version", help="Show the version.")] = False) -> None:
    if version:
        out.print(f"claimgraph {__version__}", markup=False)
        raise typer.Exit(0)
