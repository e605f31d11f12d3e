"""The ``claimgraph`` command line. Thin: each command parses options, calls one library function, renders.

Exit codes: 0 success; 1 an error (``Error: …`` on stderr) or, for batches,
at least one input failed; 2 a usage error.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar, cast

import typer
import typer.core
from rich.console import Console
from rich.markup import escape

from claimgraph import __version__
from claimgraph.cli_values import install as install_plain_values
from claimgraph.errors import ClaimgraphError, ConfigError, QueryError

if TYPE_CHECKING:
    from claimgraph.analysis.stored import Page

T = TypeVar("T")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _visible(text: str) -> str:
    """``text`` safe for a terminal: control characters (an ANSI escape in a stored title) shown as ``\\xNN``.

    >>> _visible("a\\x1b[31mred")
    'a\\\\x1b[31mred'
    """
    return _CONTROLS.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text) if _CONTROLS.search(text) else text


class _Terminal:
    """A console that never lets stored text drive the terminal: strings are printed with controls made visible."""

    def __init__(self, console: Console) -> None:
        self.console = console

    @property
    def is_terminal(self) -> bool:
        return self.console.is_terminal

    def print(self, obj: Any, **options: Any) -> None:
        self.console.print(_visible(obj) if isinstance(obj, str) else obj, **options)


_stdout = Console(soft_wrap=True)
_stderr = Console(stderr=True, soft_wrap=True)
out = _Terminal(_stdout)
err = _Terminal(_stderr)
_NOTED: set[str] = set()  # the notes a command printed (each is printed once)


def _hide_flag_types(params: list[Any]) -> list[Any]:
    """Flags take no value: show no type for them in --help (typer would print ``--help <bool>``); plain values
    are coerced without pydantic (:mod:`claimgraph.cli_values`)."""
    install_plain_values(params)
    for param in params:
        if getattr(param, "param_type_name", "") == "option" and getattr(param, "is_flag", False):
            param.metavar = ""
    return params


def _cli_signal(exc: BaseException) -> bool:
    """Exit, Abort and usage errors of typer (or click) that the framework reports itself."""
    return isinstance(exc, (typer.Exit, typer.Abort)) or hasattr(exc, "exit_code") or \
        type(exc).__module__.split(".")[0] in ("click", "typer")


class _Command(typer.core.TyperCommand):
    """A command whose --help shows no types on flags."""

    def get_params(self, ctx: Any) -> list[Any]:
        return _hide_flag_types(super().get_params(ctx))


class _Group(typer.core.TyperGroup):
    """Turns domain errors into ``Error: …`` on stderr with exit code 1, wherever they are raised; any other
    exception becomes one ``Error: internal error …`` line (set CLAIMGRAPH_DEBUG=1 for the traceback)."""

    def get_params(self, ctx: Any) -> list[Any]:
        return _hide_flag_types(super().get_params(ctx))

    def invoke(self, ctx: Any) -> Any:
        _NOTED.clear()
        try:
            return super().invoke(ctx)
        except ClaimgraphError as exc:
            _say_error(str(exc))
            raise typer.Exit(1) from None
        except KeyboardInterrupt:
            _say_error("interrupted")
            raise typer.Exit(130) from None
        except BrokenPipeError:
            _quiet_stdout()
            raise typer.Exit(1) from None
        except OSError as exc:  # the system refused a read or a write: a full disk, a device error, permissions
            if os.environ.get("CLAIMGRAPH_DEBUG"):
                raise
            _quiet_stdout()
            _say_error(_os_error(exc))
            raise typer.Exit(1) from None
        except Exception as exc:
            if _cli_signal(exc) or os.environ.get("CLAIMGRAPH_DEBUG"):
                raise
            if _disk_full(exc):  # a library (DuckDB, RocksDB) that reports a full disk in its own exception type
                _say_error(f"no space left on device; free some space and run the same command again (what was "
                           f"committed before is kept) ({type(exc).__name__}: {_one_line(str(exc))[:160]})")
                raise typer.Exit(1) from None
            _say_error(f"internal error ({type(exc).__name__}: {_one_line(str(exc))}); please report it with the "
                       "command you ran (CLAIMGRAPH_DEBUG=1 shows the traceback)")
            raise typer.Exit(1) from None


def _disk_full(exc: BaseException) -> bool:
    text = str(exc)
    return "No space left on device" in text or "Disk quota exceeded" in text


def _os_error(exc: OSError) -> str:
    """One line for an operating-system error: what failed, on which file (the output when none is named), and
    what to do about it."""
    import errno

    where = f" ({exc.filename})" if exc.filename else " (writing the output)" if exc.errno in (
        errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EFBIG, errno.EBADF) else ""
    fix = {errno.ENOSPC: "free some space and run it again", errno.EDQUOT: "free some space and run it again",
           errno.EFBIG: "free some space or write somewhere else", errno.EACCES: "check the permissions",
           errno.EPERM: "check the permissions", errno.EROFS: "the file system is read-only; write somewhere else",
           errno.EBADF: "an output stream is closed; redirect it to a file or /dev/null"}
    return f"{exc.strerror or type(exc).__name__}{where}; {fix.get(exc.errno or 0, 'check the path and run it again')}"


def _one_line(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[0][:300] if lines else ""


def _say_error(message: str) -> None:
    err.print(f"Error: {_one_line(message) or 'failed'}", markup=False, highlight=False)


def _quiet_stdout() -> None:
    """The reader of stdout went away (``| head``): send the rest to /dev/null instead of failing at exit."""
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


app = typer.Typer(name="claimgraph", cls=_Group, help="News articles to a source-attribution knowledge graph: who said what, "
                  "for which period, and where sources conflict.", no_args_is_help=True,
                  pretty_exceptions_enable=False, add_completion=False)


class OutFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    tsv = "tsv"
    jsonl = "jsonl"


class InputFormat(StrEnum):
    txt = "txt"
    md = "md"
    html = "html"
    json = "json"
    jsonl = "jsonl"
    feed = "feed"


# Options shared by commands, defined once.
StoreOpt = Annotated[str | None, typer.Option("--store", "-s", envvar="CLAIMGRAPH_STORE", show_envvar=True,
                                              help="Store: a folder (embedded Oxigraph, default ./.claimgraph/store), "
                                                   "'memory', or a SPARQL endpoint URL.")]
FormatOpt = Annotated[OutFormat, typer.Option("--format", "-f", help="Output format.")]
WaitOpt = Annotated[bool, typer.Option("--wait", help="Wait for another writer to release the store.")]
UpdateEndpointOpt = Annotated[str | None, typer.Option("--update-endpoint", envvar="CLAIMGRAPH_UPDATE_ENDPOINT",
                                                       help="SPARQL UPDATE endpoint of a remote store.")]
NetworkOpt = Annotated[bool, typer.Option("--allow-network", help="Let SERVICE (queries) and LOAD (updates) fetch "
                                                                   "data over the network; refused otherwise.")]
InputFormatOpt = Annotated[InputFormat | None, typer.Option("--input-format", help="Force the input format.")]
PublishedOpt = Annotated[str | None, typer.Option(help="Published date (YYYY-MM-DD) for inputs lacking one.")]


def main() -> None:
    """Entry point: run the app; errors are one line on stderr (see :class:`_Group`)."""
    for name, mode in (("stdout", "w"), ("stderr", "w")):
        if getattr(sys, name) is None:  # started with the stream closed (``>&-``): write nowhere rather than crash
            setattr(sys, name, open(os.devnull, mode))  # noqa: SIM115 (lives as long as the process)
    try:
        app()
    except ClaimgraphError as exc:  # raised before a command runs
        _say_error(str(exc))
        raise SystemExit(1) from None
    except KeyboardInterrupt:
        _say_error("interrupted")
        raise SystemExit(130) from None


def _options(update_endpoint: str | None) -> dict[str, Any]:
    return {"update_endpoint": update_endpoint} if update_endpoint else {}


def _read(spec: str | None, fn: Callable[[Any], T], *, wait: bool = False, update_endpoint: str | None = None,
          attempts: int = 4) -> T:
    """Run ``fn`` on the store opened for reading: never creates a store, and works while a writer runs (or says
    "the store is being written; retry or pass --wait"). ``fn`` is run again on failure (up to ``attempts``
    times), so it must not have written any output yet."""
    from claimgraph.graph.store import with_store

    return with_store(spec, fn, read_only=True, wait=wait, create=False, attempts=attempts,
                      **_options(update_endpoint))


def _write(spec: str | None, fn: Callable[[Any], T], *, wait: bool = False, update_endpoint: str | None = None,
           create: bool = True) -> T:
    """Run ``fn`` on the store opened for writing (holding its write lock)."""
    from claimgraph.graph.store import with_store

    return with_store(spec, fn, read_only=False, wait=wait, create=create, attempts=1, **_options(update_endpoint))


def _emit(rows: list[dict[str, Any]], fmt: OutFormat, columns: list[str] | None = None) -> None:
    if fmt in (OutFormat.json, OutFormat.jsonl):
        _emit_texts([json.dumps(r, ensure_ascii=False, default=str) for r in rows], fmt)
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
    if len(flat) > PLAIN_TABLE_ROWS or _too_wide(columns, flat):
        _plain_table(columns, flat)
        return
    from rich.table import Table  # (imported by the commands that print a table only)

    table = Table(show_lines=False, highlight=False)
    for c in columns:
        table.add_column(_visible(c), overflow="fold")
    for r in flat:
        table.add_row(*(_visible(str(r[c])) for c in columns))
    out.print(table, markup=False)


PLAIN_TABLE_ROWS = 2000  # larger tables are aligned here: rich measures and folds every cell (about 1 ms a row)


def _too_wide(columns: list[str], flat: list[dict[str, Any]]) -> bool:
    """Whether the table's cells would be folded to nothing in the console's width (a query's many columns piped to
    another program): then it is printed as aligned columns, which keep every cell whole."""
    natural = sum(max([len(c), *(len(str(r[c])) for r in flat)]) + 3 for c in columns) + 1
    return natural > _stdout.width


def _plain_table(columns: list[str], flat: list[dict[str, Any]]) -> None:
    """A large table as aligned columns, one row per line (never folded to the terminal's width)."""
    from rich.cells import cell_len

    def width(text: str) -> int:
        return len(text) if text.isascii() else cell_len(text)

    cells = [[_visible(c) for c in columns]] + [[_visible(str(r[c])) for c in columns] for r in flat]
    widths = [max(width(row[i]) for row in cells) for i in range(len(columns))]

    def line(row: list[str]) -> str:
        return " │ ".join(t + " " * (w - width(t)) for t, w in zip(row, widths, strict=True)).rstrip()

    rule = "─┼─".join("─" * w for w in widths)
    sys.stdout.write("\n".join([line(cells[0]), rule, *map(line, cells[1:])]) + "\n")


def _emit_texts(texts: list[str], fmt: OutFormat) -> None:
    """JSON objects already encoded: a JSON array with one object per line, or JSON Lines.

    (One object per line keeps the encoding in C: an indented dump is pure Python, seconds for a large store.)
    """
    if fmt is OutFormat.jsonl:
        sys.stdout.write("".join(t + "\n" for t in texts))
    else:
        sys.stdout.write("[\n" + ",\n".join("  " + t for t in texts) + "\n]\n" if texts else "[]\n")


def _cell(v: Any) -> Any:
    if isinstance(v, dict):
        return v.get("label") or v.get("stated") or v.get("name") or json.dumps(v, default=str)
    if isinstance(v, list):
        return ", ".join(str(_cell(x)) for x in v)
    return "" if v is None else v


def _check_published(published: str | None) -> None:
    from claimgraph.sources.metadata import parse_date

    if published is not None and parse_date(published) is None:
        raise ConfigError(f"cannot read --published '{published}'; use YYYY-MM-DD")


def _note(message: str) -> None:
    """A one-line note on stderr, printed once per command (a read retried on a fresh store says it again)."""
    if message not in _NOTED:
        _NOTED.add(message)
        err.print(message, markup=False, highlight=False)


def _print_warnings(lines: list[str]) -> None:
    for line in lines:
        err.print(f"warning: {line}", markup=False, highlight=False)


@app.command(cls=_Command)
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or '-' for stdin.")],
    store: StoreOpt = None,
    published: PublishedOpt = None,
    publisher: Annotated[str | None, typer.Option(help="Publisher for inputs lacking one.")] = None,
    url: Annotated[str | None, typer.Option(help="URL for inputs lacking one.")] = None,
    author: Annotated[list[str] | None, typer.Option(help="Author(s) for inputs lacking a byline.")] = None,
    input_format: InputFormatOpt = None,
    workers: Annotated[int, typer.Option(min=0, help="Extraction processes (default: one per core).")] = 0,
    max_bytes: Annotated[int, typer.Option(min=1, help="Refuse inputs larger than this many bytes.")] = 20_000_000,
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

    _check_published(published)
    meta = Metadata(authors=tuple(a for a in author or () if a.strip()), publisher=publisher, published=published,
                    url=url)
    forced = Format(input_format.value) if input_format else None
    n = workers or min(os.cpu_count() or 1, 4)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("inputs"),
                  console=_stderr, transient=True, disable=not _stderr.is_terminal) as progress:
        task = progress.add_task("ingesting", total=None)
        report = _write(store, lambda st: run_ingest(
            paths, st, meta=meta, fmt=forced, workers=n, max_bytes=max_bytes,
            progress=lambda done, total: progress.update(task, completed=done, total=total)),
            wait=wait, update_endpoint=update_endpoint)
    if fmt in (OutFormat.json, OutFormat.jsonl):
        sys.stdout.write(json.dumps(report.to_json(), ensure_ascii=False) + "\n")
    else:
        out.print(f"{report.articles} articles added, {report.claims} claims, {report.unchanged} unchanged, "
                  f"{report.revised} new versions, {len(report.failed)} failed", markup=False)
    _print_warnings(report.warnings)
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
        report = _write(store, lambda st: load_shards(shard_report.shards, st), wait=wait,
                        update_endpoint=update_endpoint)
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


@app.command(cls=_Command)
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or '-' for stdin (same inputs as ingest).")],
    fmt: FormatOpt = OutFormat.table,
    input_format: InputFormatOpt = None,
    published: PublishedOpt = None,
) -> None:
    """Show what ingest would record, without touching a store (JSON Lines with --format json)."""
    from claimgraph.pipeline import extract_records
    from claimgraph.sources.readers import Format, Metadata

    _check_published(published)
    failed = 0
    forced = Format(input_format.value) if input_format else None
    warn = lambda line: _print_warnings([line])  # noqa: E731
    for record in extract_records(paths, meta=Metadata(published=published), fmt=forced, warn=warn):
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


@app.command(cls=_Command)
def articles(store: StoreOpt = None, fmt: FormatOpt = OutFormat.table, wait: WaitOpt = False,
             update_endpoint: UpdateEndpointOpt = None) -> None:
    """List stored articles with authors, publisher, date and claim counts."""
    from claimgraph.graph.catalog import list_articles

    rows = _read(store, lambda st: list_articles(st, note=_note), wait=wait, update_endpoint=update_endpoint)
    _emit(rows, fmt, None if fmt is not OutFormat.table else ["title", "authors", "publisher", "published", "claims"])


@app.command(cls=_Command)
def claims(
    store: StoreOpt = None,
    company: Annotated[str | None, typer.Option(help="Company name, alias or ticker.")] = None,
    metric: Annotated[str | None, typer.Option(help="Metric id, e.g. revenue_backlog.")] = None,
    period: Annotated[str | None, typer.Option(help="Period label, e.g. 2025-Q3, or an instant date.")] = None,
    fmt: FormatOpt = OutFormat.table,
    wait: WaitOpt = False,
    update_endpoint: UpdateEndpointOpt = None,
) -> None:
    """List stored claims, optionally filtered (an unknown company or metric is an error, with suggestions)."""
    from claimgraph.graph.catalog import list_claims

    rows = _read(store, lambda st: list_claims(st, company=company, metric=metric, period=period, note=_note),
                 wait=wait, update_endpoint=update_endpoint)
    if fmt is OutFormat.table:
        from claimgraph.numbers import claim_value

        rows = [{**r, "value": claim_value(r["value"], measure=r["measure"], metric=r["metric"]),
                 "stated": r["value"]["stated"]} for r in rows]
    _emit(rows, fmt, None if fmt is not OutFormat.table else
          ["company", "metric", "measure", "value", "stated", "period", "modality", "article_title"])


_RDF_FORMATS = {"table": "turtle", "turtle": "turtle", "ttl": "turtle", "nt": "nt", "ntriples": "nt",
                "json-ld": "json-ld", "jsonld": "json-ld", "json": "json-ld"}


@app.command(cls=_Command)
def query(
    sparql: Annotated[str, typer.Argument(help="SPARQL text, a .rq file, '-' for stdin, or a bundled query name.")],
    store: StoreOpt = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="Bind a variable: NAME=VALUE.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f",
                                     help="table|csv|tsv|json|jsonl; turtle|nt|json-ld for CONSTRUCT.")] = "table",
    limit: Annotated[int | None, typer.Option(min=0, help="Print at most this many rows (a SELECT is asked for "
                                                          "this page only: LIMIT).")] = None,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many rows first (the next page: OFFSET).")] = 0,
    wait: WaitOpt = False,
    allow_network: NetworkOpt = False,
    update_endpoint: UpdateEndpointOpt = None,
) -> None:
    """Run a read-only SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE); standard prefixes are predeclared.

    --limit and --offset page a SELECT: the store is asked for that page only, so a whole-store listing (a
    bundled query without ORDER BY) answers its first rows in milliseconds.
    """
    from claimgraph.graph.sparql import (
        bundled_company,
        bundled_params,
        parse_params,
        query_source,
        result_rows,
        run_query,
        sliced,
    )

    if fmt not in _RDF_FORMATS and fmt not in OutFormat.__members__:
        raise ConfigError(f"unknown --format '{fmt}'; use table, csv, tsv, json or jsonl (turtle, nt or json-ld for "
                          "CONSTRUCT and DESCRIBE)")
    source = query_source(sparql)
    params = parse_params(param or [])
    text = sliced(source.text, limit, offset)  # None: the rows are cut here instead

    def run(st: Any) -> tuple[str, Any]:
        bundled_params(st, source, params)
        bound = dict(params)  # (a retry runs again with the parameters as given)
        sparql = bundled_company(st, source, text or source.text, bound)  # the company under any spelling
        result = run_query(st, sparql, params=bound, label=source.label, allow_network=allow_network)
        if result.type == "ASK":
            return "ask", bool(result.askAnswer)
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            from claimgraph.graph.namespaces import PREFIXES

            graph = result.graph
            assert graph is not None
            for p, iri in PREFIXES.items():
                graph.bind(p, iri)
            return "graph", graph.serialize(format=_RDF_FORMATS.get(fmt, "turtle"))
        return "rows", result_rows(result)

    kind, payload = _read(store, run, wait=wait, update_endpoint=update_endpoint)
    if kind == "ask":
        sys.stdout.write(("true" if payload else "false") + "\n")
        return
    if kind == "graph":
        sys.stdout.write(payload)
        return
    names, rows = payload
    if text is None:
        rows = rows[offset:][:limit] if limit is not None else rows[offset:]
    if limit and len(rows) == limit:
        err.print(f"{limit:,} rows shown (from row {offset + 1:,}); --offset {offset + limit} for the next page",
                  markup=False, highlight=False)
    if fmt not in OutFormat.__members__:
        raise ConfigError(f"'{fmt}' is not a format for SELECT results; use table, csv, tsv, json or jsonl")
    _emit([dict(zip(names, r, strict=True)) for r in rows], OutFormat(fmt), names)


@app.command(cls=_Command)
def update(
    sparql: Annotated[str, typer.Argument(help="SPARQL UPDATE text, a .ru/.rq file, or '-' for stdin.")],
    store: StoreOpt = None,
    wait: WaitOpt = False,
    allow_network: NetworkOpt = False,
    update_endpoint: UpdateEndpointOpt = None,
) -> None:
    """Run a SPARQL UPDATE: the deliberate way to change the store by hand."""
    from claimgraph.graph.sparql import check_nesting, query_source, refuse_network
    from claimgraph.graph.writer import apply_update

    source = query_source(sparql)
    check_nesting(source.text, "update")
    if not allow_network:
        refuse_network(source.text, source.label)

    def run(st: Any) -> None:
        st.allow_network = allow_network
        apply_update(st, source.text)

    _write(store, run, wait=wait, update_endpoint=update_endpoint)
    out.print("update applied; claim index and analysis rebuilt", markup=False)


@app.command(cls=_Command)
def queries(fmt: FormatOpt = OutFormat.table) -> None:
    """List the bundled named queries with their descriptions and parameters."""
    from claimgraph.queries import list_queries

    rows = [q.to_json() for q in list_queries()]
    if fmt is OutFormat.table:
        rows = [{"name": r["name"], "parameters": ", ".join(p["name"] for p in r["parameters"]),  # type: ignore
                 "description": r["description"]} for r in rows]
    _emit(rows, fmt)


@app.command(cls=_Command)
def prefixes(fmt: FormatOpt = OutFormat.table) -> None:
    """List the prefixes predeclared for every query."""
    from claimgraph.graph.namespaces import PREFIXES

    _emit([{"prefix": p, "iri": iri} for p, iri in PREFIXES.items()], fmt)


def _trust_state(store: Any) -> dict[str, Any] | None:
    """When trust was learned, from the index (None when the index cannot say: it was learned now, in memory)."""
    from claimgraph.analysis.stored import stored_trust_state
    from claimgraph.errors import IndexUnavailableError

    try:
        return stored_trust_state(store)
    except IndexUnavailableError:
        return None


def _stored(store: Any, kind: str, *, include_all: bool = False, truncation: bool = True, page: Page | None = None,
            total: Callable[[int], None] | None = None) -> list[dict[str, Any]]:
    """A report from the analysis kept in the store (read-only); analysed from the RDF in memory, with a note,
    when the claim index is missing or out of date. ``page`` (conflicts and resolve) picks the groups; ``total``
    is told how many matched."""
    from claimgraph.analysis.stored import ALL, check_names, named, stored_report
    from claimgraph.errors import IndexUnavailableError

    page = page or ALL
    try:
        return stored_report(store, kind, include_all=include_all, truncation=truncation, note=_note, page=page,
                             total=total)
    except IndexUnavailableError as exc:
        reason = str(exc).split("; run")[0]
    # No usable claim index: analyse the RDF in memory, store nothing.
    from claimgraph.analysis import analyse as fresh
    from claimgraph.analysis.conflicts import AgreementConfig

    _note(f"note: {reason}; analysed the RDF store in memory without keeping the result ('claimgraph reindex' "
          "rebuilds the index)")
    a = fresh.analyse(store, write=False, config=AgreementConfig(truncation=truncation))
    if kind not in ("conflicts", "resolve"):
        return fresh.trust_report(a) if kind == "trust" else fresh.checks_report(a)
    page = named(page)
    rows, n = page.cut(fresh.conflicts_report(a, include_all=include_all) if kind == "conflicts"
                       else fresh.resolve_report(a))
    if not n:
        check_names(store, page)
    if total is not None:
        total(n)
    return rows


def _emit_stored(store: Any, kind: str, fmt: OutFormat, page: Page, *, include_all: bool = False) -> int:
    """Stream a stored report's JSON texts (``conflicts``, ``resolve``) of ``page`` to stdout as JSON or JSON
    Lines; returns how many groups matched (``page.limit`` of them at most are printed).

    The texts are written as the UTF-8 bytes DuckDB hands over, never made into Python strings (650 MB of JSON
    for ``conflicts --limit 0`` at 1M claims). The first text is read before anything is printed, so a missing
    or busy index fails (and is retried, or answered by an in-memory analysis) with nothing written yet."""
    import itertools

    from claimgraph.analysis.stored import stored_texts
    from claimgraph.errors import IndexUnavailableError

    count: list[int] = []
    texts: Iterator[bytes] = stored_texts(store, kind, include_all=include_all, note=_note, page=page,
                                          total=count.append)
    try:
        first = next(texts, None)
    except IndexUnavailableError:
        count.clear()
        texts = iter([json.dumps(r, default=str, ensure_ascii=False).encode("utf-8")
                      for r in _stored(store, kind, include_all=include_all, page=page, total=count.append)])
        first = next(texts, None)
    write = _byte_writer()
    if first is None:
        write(b"[]\n" if fmt is OutFormat.json else b"")
        return count[0] if count else 0
    texts = itertools.chain([first], texts)
    if fmt is OutFormat.jsonl:
        for text in texts:
            write(text)
            write(b"\n")
        return count[0]
    write(b"[\n")
    for n, text in enumerate(texts):
        if n:
            write(b",\n")  # apart: joining it to a 15 KB text would copy the text
        write(text)
    write(b"\n]\n")
    return count[0]


def _byte_writer() -> Callable[[bytes], object]:
    """Write bytes to stdout: its binary buffer (after what was written as text), or decoded when stdout has none."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None:
        return cast(Callable[[bytes], object], buffer.write)
    text_write = sys.stdout.write
    return lambda data: text_write(data.decode("utf-8"))


DEFAULT_GROUPS = 50  # groups a report prints unless --limit says otherwise (1M claims: 44,203 conflict groups)
LimitOpt = Annotated[int, typer.Option("--limit", "-n", min=0, help="Print at most this many groups (0: all of "
                                                                      "them; the count left out goes to stderr).")]
GroupCompanyOpt = Annotated[str | None, typer.Option(help="Only this company's groups (name, alias or ticker).")]
GroupMetricOpt = Annotated[str | None, typer.Option(help="Only groups of this metric id, e.g. revenue.")]
GroupPeriodOpt = Annotated[str | None, typer.Option(help="Only groups of this period label (2025-Q3) or end date.")]


def _page(company: str | None, metric: str | None, period: str | None, limit: int) -> Page:
    from claimgraph.analysis.stored import Page

    if period is not None and not re.search(r"(?:19|20)\d\d", period):
        # ("--period junk", "--period Q3": every label and end date names its year; a typo would list nothing)
        raise QueryError(f"--period '{period}' names no period: give a label such as 2025-Q3, FY2025 or 2024-H1, or "
                         "an end date such as 2025-09-30")
    return Page(company=company, metric=metric, period=period, limit=limit)


def _report_groups(kind: str, store: str | None, fmt: OutFormat, page: Page, *, include_all: bool = False,
                   truncation: bool = True, wait: bool = False,
                   update_endpoint: str | None = None) -> list[dict[str, Any]] | None:
    """The ``conflicts`` or ``resolve`` groups of ``page``: streamed to stdout for JSON (None returned), else
    returned to be rendered. Either way, groups the limit left out are counted on stderr."""
    if fmt in (OutFormat.json, OutFormat.jsonl) and truncation:
        total = _read(store, lambda st: _emit_stored(st, kind, fmt, page, include_all=include_all), wait=wait,
                      update_endpoint=update_endpoint)
        rows = None
        shown = min(total, page.limit or total)
    else:
        count: list[int] = []

        def run(st: Any) -> list[dict[str, Any]]:
            count.clear()
            return _stored(st, kind, include_all=include_all, truncation=truncation, page=page, total=count.append)

        rows = _read(store, run, wait=wait, update_endpoint=update_endpoint)
        total, shown = count[0], len(rows)
    if total > shown:
        err.print(f"… {total - shown:,} more group{'s' * (total - shown != 1)} ({shown:,} of {total:,} shown); "
                  "--limit 0 for all, or narrow with --company, --metric, --period", markup=False, highlight=False)
    return rows


TruncOpt = Annotated[bool, typer.Option("--truncation/--no-truncation",
                                        help="Allow whole-number headline figures to be truncations ($55B for $55.6B).")]


@app.command(cls=_Command)
def conflicts(
    store: StoreOpt = None,
    show_all: Annotated[bool, typer.Option("--all", help="Also list groups whose sources agree.")] = False,
    company: GroupCompanyOpt = None,
    metric: GroupMetricOpt = None,
    period: GroupPeriodOpt = None,
    limit: LimitOpt = DEFAULT_GROUPS,
    fmt: FormatOpt = OutFormat.table,
    truncation: TruncOpt = True,
    wait: WaitOpt = False,
    update_endpoint: UpdateEndpointOpt = None,
) -> None:
    """Conflicts, revisions and possible conflicts per company, metric and period (from the stored analysis).

    Prints the first 50 groups in report order (conflicts first) and counts the rest on stderr; --limit 0
    prints every group (with --format jsonl, one group per line as it is read).
    """
    page = _page(company, metric, period, limit)
    report = _report_groups("conflicts", store, fmt, page, include_all=show_all, truncation=truncation, wait=wait,
                            update_endpoint=update_endpoint)
    if report is None:
        return
    if fmt is not OutFormat.table:
        _emit(report, fmt)
        return
    with _stdout:  # one write for the page (a write per line cost 0.5 s for 50 groups of 20 claims under load)
        _print_conflicts(report)


def _print_conflicts(report: list[dict[str, Any]]) -> None:
    from claimgraph.numbers import claim_value

    colors = {"conflict": "red", "possible_conflict": "magenta", "revision": "yellow", "consistent": "green",
              "unresolved": "white", "divergent": "cyan"}
    if not report:
        out.print("No conflicts: every group of claims agrees (use --all to list them).", markup=False)
    for g in report:
        period = g["period"]["label"] if g["period"] else "period unresolved"
        head = _visible(f"{g['company']} · {g['metric']} ({g['measure']}) · {period} · "
                        f"{g['modality_class'].split('@')[0]}")
        out.print(f"[bold {colors.get(g['status'], 'white')}]{g['status'].upper()}[/] {escape(head)}", highlight=False)
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
                value = claim_value(c["value"], measure=g["measure"], metric=g["metric"])
                out.print(f"    {value} (“{c['value']['stated']}”){mark} — {c['article_title'] or c['article']}"
                          f" [{c['author'] or 'unknown author'}, trust {c['trust']}]", markup=False, highlight=False)
                out.print(f"      \u201c{_clip(c['quote'])}\u201d", markup=False, highlight=False)
        for cid in superseded - {x for s in sides for x in s}:
            c = by_id[cid]
            out.print(f"    {claim_value(c['value'], measure=g['measure'], metric=g['metric'])} "
                      f"(“{c['value']['stated']}”, superseded) — {c['article_title']}", markup=False)
        for link in g.get("corrections", []):
            out.print(f"  correction: {link['notice'] or 'corrected re-issue'} ({link['linked_because']})",
                      markup=False, highlight=False)
        out.print(f"  {_resolution_text(g)}", markup=False, highlight=False)
        for e in _distinct(g.get("estimates", []), ("outcome", "stated", "modality", "difference_percent")):
            # (an estimate repeated by a re-issue or a copy: once)
            out.print(f"  {e['outcome'].replace('_', ' ')} against {e['stated']} ({e['modality']})"
                      + (f": {e['difference_percent']:+.1f}%" if e["difference_percent"] is not None else ""),
                      markup=False, highlight=False)


def _distinct(rows: list[dict[str, Any]], fields: tuple[str, ...]) -> list[dict[str, Any]]:
    """Rows in order, the first of those alike in ``fields`` only.

    >>> _distinct([{"a": 1, "b": 1}, {"a": 1, "b": 2}, {"a": 2, "b": 3}], ("a",))
    [{'a': 1, 'b': 1}, {'a': 2, 'b': 3}]
    """
    seen: set[tuple[Any, ...]] = set()
    out = []
    for r in rows:
        key = tuple(r.get(f) for f in fields)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def _resolution_text(g: dict[str, Any]) -> str:
    """``resolved: 55.6B (confidence 0.91, 3 independent sources)`` or ``undecided: 55.6B | 48B``."""
    if g.get("resolution") == "undecided":
        sides = " | ".join(f"{_value(c, g)} ({c['independent_sources']} source{'s' * (c['independent_sources'] != 1)})"
                           for c in g["candidates"])
        return f"undecided: {sides}; the evidence is symmetric, no value is chosen"
    if g.get("resolved") is None and g.get("resolved_text") is None:
        return "not resolved"
    value = g["resolved_text"] if g.get("resolved_text") is not None else _human(
        g["resolved"], g.get("unit") or "", g.get("metric") or "", g.get("measure") or "level")
    conf = g.get("confidence")
    return (f"resolved: {value}" + (f" (confidence {conf:.2f}, {g['independent_sources']} independent "
                                    f"source{'s' * (g['independent_sources'] != 1)})" if conf is not None else ""))


def _value(c: dict[str, Any], g: dict[str, Any]) -> str:
    if c.get("text") is not None:
        return str(c["text"])
    return _human(c["value"], g.get("unit") or "", g.get("metric") or "", g.get("measure") or "level")


def _human(v: float, unit: str = "", metric: str = "", measure: str = "level") -> str:
    """A value in base units as a person reads it ($55.6B, 62%, 6 cents/share): the shared formatter."""
    from claimgraph.numbers import format_value, per_share_metric

    return format_value(v, unit, measure=measure, per_share=per_share_metric(metric))


def _clip(text: str, n: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


@app.command(cls=_Command)
def resolve(store: StoreOpt = None, company: GroupCompanyOpt = None, metric: GroupMetricOpt = None,
            period: GroupPeriodOpt = None, limit: LimitOpt = DEFAULT_GROUPS, fmt: FormatOpt = OutFormat.table,
            truncation: TruncOpt = True, wait: WaitOpt = False, update_endpoint: UpdateEndpointOpt = None) -> None:
    """Resolved value per group, with supporting and dissenting sources and learned source trust.

    Prints the first 50 groups (by company, metric and period) and counts the rest on stderr; --limit 0 prints
    every group. JSON gives each group's ``value`` (null when undecided) and ``best``: the value the evidence
    leans to, given even when the group is undecided (``tied`` true), for a scorer that must pick one
    (docs/conflicts.md).
    """
    rows = _report_groups("resolve", store, fmt, _page(company, metric, period, limit), truncation=truncation,
                          wait=wait, update_endpoint=update_endpoint)
    if rows is None:
        return
    if fmt is OutFormat.table:

        rows = [{"subject": r["subject"], "metric": r["metric"], "measure": r["measure"],
                 "period": r["period"]["label"], "series": r.get("modality_class") or "",
                 "value": _resolved_cell(r), "status": r["status"],
                 "confidence": "" if r["confidence"] is None else f"{r['confidence']:.2f}",
                 "support": len(r["support"]), "dissent": len(r["dissent"])} for r in rows]
    _emit(rows, fmt)


def _resolved_cell(r: dict[str, Any]) -> str:
    if r["resolution"] == "undecided":
        return "undecided: " + " | ".join(_value(c, r) for c in r["candidates"])
    if r["resolved_text"] is not None:
        return str(r["resolved_text"])
    return _human(r["value"], r.get("unit") or "", r.get("metric") or "", r.get("measure") or "level")


@app.command(cls=_Command)
def trust(store: StoreOpt = None, fmt: FormatOpt = OutFormat.table, wait: WaitOpt = False,
          update_endpoint: UpdateEndpointOpt = None) -> None:
    """Source trust (articles, authors, publishers) learned by truth discovery, and when it was learned."""
    rows, state = _read(store, lambda st: (_stored(st, "trust"), _trust_state(st)), wait=wait,
                        update_endpoint=update_endpoint)
    _emit(rows, fmt)
    if state is None:
        err.print("trust learned just now from the RDF store, in memory, and not kept ('claimgraph reindex' keeps "
                  "it)", markup=False, highlight=False)
        return
    since = state["claims_now"] - state["claims_then"]
    err.print(f"trust learned {state['computed_at'] or 'never'} (generation {state['generation']}, over "
              f"{state['claims_then']} claims; {since:+d} since; 'claimgraph analyse' relearns it)", markup=False,
              highlight=False)


@app.command(cls=_Command)
def checks(store: StoreOpt = None, fmt: FormatOpt = OutFormat.table, wait: WaitOpt = False,
           update_endpoint: UpdateEndpointOpt = None) -> None:
    """Arithmetic cross-checks between claims: growth, margins, sub-periods and parts."""
    rows = _read(store, lambda st: _stored(st, "checks"), wait=wait)
    _emit(rows, fmt, None if fmt is not OutFormat.table else ["kind", "verdict", "explanation"])


@app.command(cls=_Command)
def timeline(
    company: Annotated[str, typer.Argument(help="Company name, alias or ticker.")],
    metric: Annotated[str, typer.Argument(help="Metric id, e.g. revenue_backlog.")],
    store: StoreOpt = None,
    fmt: FormatOpt = OutFormat.table,
    wait: WaitOpt = False,
    update_endpoint: UpdateEndpointOpt = None,
) -> None:
    """A metric's series across periods, e.g. backlog $25.9B → $55.6B → under $67B → about $100B, with sources."""
    from claimgraph.graph.catalog import series
    from claimgraph.graph.catalog import timeline as run_timeline

    points = _read(store, lambda st: run_timeline(st, company, metric, note=_note), wait=wait,
                   update_endpoint=update_endpoint)
    if fmt is not OutFormat.table:
        _emit(points, fmt)
        return
    if not points:
        out.print(f"No {metric} claims for {company}.", markup=False)
        return
    from claimgraph.numbers import claim_value

    out.print(series(points, metric=metric), markup=False)
    _emit([{"period": p["period"]["label"], "value": claim_value(c, metric=metric), "stated": c["stated"],
            "modality": c["modality"], "source": c["title"], "author": c["author"]}
           for p in points for c in p["claims"]], OutFormat.table)


@app.command(cls=_Command)
def analyse(store: StoreOpt = None, truncation: TruncOpt = True, wait: WaitOpt = False,
            update_endpoint: UpdateEndpointOpt = None) -> None:
    """Recompute the whole analysis and relearn source trust, and store them (ingest keeps them up to date)."""
    from claimgraph.analysis.conflicts import AgreementConfig
    from claimgraph.graph.writer import analyse_store

    result = _write(store, lambda st: analyse_store(st, config=AgreementConfig(truncation=truncation)), wait=wait,
                    update_endpoint=update_endpoint, create=False)
    out.print(f"analysed: {result.groups} groups of {result.companies} companies; generation {result.generation}",
              markup=False)


@app.command(cls=_Command)
def reindex(store: StoreOpt = None, wait: WaitOpt = False, update_endpoint: UpdateEndpointOpt = None) -> None:
    """Rebuild the claim index and the stored analysis from the RDF (after an interrupted write, or to check)."""
    from claimgraph.graph.writer import reindex as run_reindex

    result = _write(store, run_reindex, wait=wait, update_endpoint=update_endpoint, create=False)
    out.print(f"reindexed: {result.groups} groups of {result.companies} companies; generation {result.generation}",
              markup=False)


@app.command("import-claims", cls=_Command)
def import_claims(
    path: Annotated[str, typer.Argument(help="CSV, TSV or JSONL with source, subject, metric, period, value.")],
    store: StoreOpt = None,
    wait: WaitOpt = False,
    update_endpoint: UpdateEndpointOpt = None,
) -> None:
    """Import structured claims (from spreadsheets or scrapers) for the same conflict analysis."""
    from claimgraph.graph.importer import import_claims as run_import

    report = _write(store, lambda st: run_import(path, st), wait=wait, update_endpoint=update_endpoint)
    out.print(f"{report.claims} claims imported from {report.sources} sources, {len(report.failed)} rows skipped",
              markup=False)
    for line in report.failed[:20]:
        err.print(f"skipped: {line}", markup=False, highlight=False)
    if len(report.failed) > 20:
        err.print(f"skipped: … and {len(report.failed) - 20} more rows", markup=False, highlight=False)
    if report.failed:
        raise typer.Exit(1)


OpenOpt = Annotated[bool, typer.Option("--open/--no-open", help="Open the page in the default browser.")]
VIEW_FILE = "claimgraph-view.html"


def _view_path(output: Path) -> Path:
    """``output``, or the default file name inside it when it is a folder."""
    return output / VIEW_FILE if output.is_dir() else output


@app.command(cls=_Command)
def view(
    store: StoreOpt = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the HTML page (a file, or a folder "
                                                                "to write claimgraph-view.html in).")] = Path(VIEW_FILE),
    company: Annotated[str | None, typer.Option(help="Focus on one company.")] = None,
    metric: Annotated[str | None, typer.Option(help="Focus on one metric.")] = None,
    max_claims: Annotated[int, typer.Option(min=1, help="Aggregate claims into metric-period groups above this "
                                                        "many.")] = 60,
    layout: Annotated[str, typer.Option(help="hierarchical: companies, metrics, then periods left to right; "
                                             "force: force-directed.")] = "hierarchical",
    open_browser: OpenOpt = True,
) -> None:
    """Write the HTML network (self-contained, works offline), print its path and open it. Reads the store only."""
    from claimgraph.view.page import write_view

    target = _view_path(output)

    def run(st: Any) -> Path:
        try:
            path, _, _ = write_view(st, target, company=company, metric=metric, max_claims=max_claims, layout=layout)
        except OSError as exc:
            raise ConfigError(f"cannot write {target} ({exc.strerror or exc}); pass another --output") from None
        return path

    path = _read(store, run)
    out.print(str(path), markup=False, highlight=False)
    if open_browser:
        import webbrowser

        webbrowser.open(path.as_uri())


@app.command(cls=_Command)
def serve(
    store: StoreOpt = None,
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port on 127.0.0.1 (0 picks a free one).")] = 8765,
) -> None:
    """Serve the view and exports on 127.0.0.1, reading the store only (for remote machines: forward the port
    over SSH; requests for any other host name are refused)."""
    from claimgraph.view.server import serve as run_server

    _read(store, lambda st: run_server(st, port=port, announce=lambda url: out.print(url, markup=False,
                                                                                        highlight=False)),
          attempts=1)


@app.command(cls=_Command)
def export(
    store: StoreOpt = None,
    fmt: Annotated[str | None, typer.Option("--format", "-f", help="turtle (ttl), trig, nquads (nq) or json-ld "
                                                                     "(default: from --output, else trig).")] = None,
    output: Annotated[str | None, typer.Option("--output", "-o", help="File to write (default: stdout).")] = None,
    wait: WaitOpt = False,
    update_endpoint: UpdateEndpointOpt = None,
) -> None:
    """Export the store as Turtle, TriG, N-Quads or JSON-LD."""
    from claimgraph.graph.export import Format, export_file
    from claimgraph.graph.export import export as run_export

    chosen = Format.parse(fmt) if fmt else (Format.from_path(output) if output else Format.TRIG)
    if output:
        path = _read(store, lambda st: export_file(st, output, fmt=chosen), wait=wait, update_endpoint=update_endpoint)
        size = path.stat().st_size
        out.print(f"wrote {path} ({chosen.value}, {size:,} bytes)", markup=False, highlight=False)
    else:
        _read(store, lambda st: run_export(st, sys.stdout.buffer, fmt=chosen), wait=wait,
              update_endpoint=update_endpoint, attempts=1)  # output already written cannot be taken back


@app.command(cls=_Command)
def demo(
    store: StoreOpt = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the HTML page.")] = Path(VIEW_FILE),
    open_browser: OpenOpt = True,
) -> None:
    """The bundled CoreWeave corpus ingested (into the default store unless --store names one), the conflict report
    printed, the view written; then every other command explores the same store."""
    from claimgraph.graph.store import DEFAULT_STORE
    from claimgraph.pipeline import demo as run_demo

    result = run_demo(store, _view_path(output))
    default = result.store == DEFAULT_STORE
    out.print(f"Store: {result.store}{' (the default store)' if default else ''}\n"
              f"{result.report.articles} articles, {result.report.claims} claims ingested", markup=False)
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
    _print_next_steps(result.store, default)
    if open_browser:
        import webbrowser

        webbrowser.open(result.view.as_uri())


def _print_next_steps(store: str, default: bool) -> None:
    """How to keep exploring the demo's store with the other commands."""
    import shlex

    if store == "memory":
        out.print("\nThe memory store is gone now; run 'claimgraph demo' without --store to keep exploring.",
                  markup=False)
        return
    suffix = "" if default else f" --store {shlex.quote(store)}"
    also = "" if default else f" (or export CLAIMGRAPH_STORE={shlex.quote(store)})"
    out.print(f"\nKeep exploring this store{also}:", markup=False)
    for command in ("articles", "claims --company CoreWeave --metric revenue_backlog", "conflicts --all",
                    "timeline CoreWeave revenue_backlog", "ingest YOUR-ARTICLES/"):
        out.print(f"  claimgraph {command}{suffix}", markup=False, highlight=False)


@app.callback(invoke_without_command=True)
def _root(version: Annotated[bool, typer.Option("--version", help="Show the version.")] = False) -> None:
    if version:
        out.print(f"claimgraph {__version__}", markup=False)
        raise typer.Exit(0)


if __name__ == "__main__":  # python -m claimgraph.cli, as well as python -m claimgraph and the claimgraph script
    main()
