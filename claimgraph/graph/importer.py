"""Structured claims import: CSV, TSV or JSONL rows of ``source, subject, metric, period, value[, unit, date]``.

Imported claims become the same RDF as extracted ones (each source in a named
graph of its own), so grouping, conflict analysis and resolution treat them
alike.

``period`` accepts a year ("2006"), a quarter ("2025-Q3"), a half ("2025-H1"),
a fiscal year ("FY2026", under the registry's fiscal calendar), an ISO date
(an instant) or an ISO interval ("2025-01-01/2025-03-31"). ``value`` is a
number in base units, or text such as "$55.6B" or "about 16%".

>>> parse_period("FY2016", (6, 30))
Period(start=datetime.date(2015, 7, 1), end=datetime.date(2016, 6, 30), label='FY2016')
>>> parse_value("about $55.6B", None).low
52820000000.0
>>> v = parse_value("55.6B", None)
>>> v.low, v.decimals
(55600000000.0, -8)
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimgraph.analysis.categories import CATEGORY, TEXT_UNITS, category_key
from claimgraph.background import WriteQueue
from claimgraph.collector import gc_paused
from claimgraph.errors import InputError
from claimgraph.graph.index import CLAIM_NAMES
from claimgraph.graph.namespaces import CG, DCTERMS, ENTITIES_GRAPH, ID, RDF, RDFS, SCHEMA, SKOS, XSD
from claimgraph.graph.rdf import (
    _clean,
    company_iri,
    metric_iri,
    nq_double,
    nq_int,
    nq_iri,
    nq_str,
    nquads,
    period_iri,
    safe_segment,
    vocabulary_quads,
)
from claimgraph.graph.store import Store
from claimgraph.graph.writer import Writer
from claimgraph.sources.companies import load_registry
from claimgraph.sources.encoding import decode_bytes
from claimgraph.sources.metrics import load_vocabulary
from claimgraph.sources.model import Period, Qualifier, Value
from claimgraph.sources.paths import read_capped
from claimgraph.sources.periods import as_instant, fiscal_quarter, fiscal_year
from claimgraph.sources.quantities import _decimals, find_quantities

BATCH = 20_000
_COL = {name: n for n, name in enumerate(CLAIM_NAMES)}


@dataclass
class ImportReport:
    claims: int = 0
    sources: int = 0
    failed: list[str] = field(default_factory=list)


def parse_period(text: str, fye: tuple[int, int] = (12, 31)) -> Period:
    """A period from the import formats.

    :raises ValueError: for anything else.
    """
    t = text.strip()
    if m := re.fullmatch(r"(\d{4})", t):
        return fiscal_year(int(m.group(1)), (12, 31))
    if m := re.fullmatch(r"FY\s?(\d{4}|\d{2})", t, re.IGNORECASE):
        y = int(m.group(1))
        return fiscal_year(y + 2000 if y < 100 else y, fye)
    if m := re.fullmatch(r"(FY)?(\d{4})-?Q([1-4])", t, re.IGNORECASE):
        return fiscal_quarter(int(m.group(2)), int(m.group(3)), fye if m.group(1) else (12, 31))
    if m := re.fullmatch(r"(\d{4})-?H([12])", t, re.IGNORECASE):
        a = fiscal_quarter(int(m.group(1)), 2 * int(m.group(2)) - 1, (12, 31))
        b = fiscal_quarter(int(m.group(1)), 2 * int(m.group(2)), (12, 31))
        return Period(a.start, b.end, t.upper())
    if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})/(\d{4}-\d{2}-\d{2})", t):
        start, end = dt.date.fromisoformat(m.group(1)), dt.date.fromisoformat(m.group(2))
        if end < start:
            raise ValueError(f"interval '{t}' ends before it starts")
        return Period(start, end, t)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", t):
        d = dt.date.fromisoformat(t)
        return Period(d, d, t)
    raise ValueError(f"unknown period '{text}'; use 2006, 2025-Q3, 2025-H1, FY2026, a date or start/end")


_PLAIN = re.compile(r"-?\d+(?:\.\d+)?")  # a number in base units, no exponent, no thousands separators


def parse_value(text: str, unit: str | None, *, categorical: bool = False) -> Value:
    """A value from a number in base units or a stated figure ("$55.6B", "about 16%").

    With ``categorical``, a text with no number ("Partly Cloudy", "Knuth, Donald") under no unit, or any text under
    a text unit (``category``, ``text``: "Boeing 747"), is a categorical value: unit ``category``, the stated text
    kept, low and high 0 (:func:`claimgraph.analysis.categories.category_of` reads its category back).

    >>> v = parse_value("Partly Cloudy", None, categorical=True)
    >>> v.unit, v.stated, v.low, v.decimals
    ('category', 'Partly Cloudy', 0.0, 0)

    :raises ValueError: when no number is found (and the value is not categorical).
    """
    if categorical and unit is not None and unit.strip().lower() in TEXT_UNITS:
        return _category(text, unit)
    t = str(text).strip()
    if _PLAIN.fullmatch(t):  # the common case first: the three patterns below match disjoint texts
        v = float(t)
        return Value(v, v, unit or "number", t, Qualifier.EXACT, _decimals(t.lstrip("-"), 1.0), v)
    if m := re.fullmatch(r"(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)\s*([kKmMbBtT]|bn|mln|mn)", t):
        # "55.6B", "120K", "3.2 mln": a number with a scale letter and no currency
        scale = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "t": 1e12}[m.group(2).lower()]
        digits = m.group(1).lstrip("-")
        v = float(m.group(1).replace(",", "")) * scale
        return Value(v, v, unit or "number", t, Qualifier.EXACT, _decimals(digits, scale), v)
    if re.fullmatch(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?", t):
        t = t.replace(",", "")
    if re.fullmatch(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?", t):
        v = float(t)
        digits = t.lstrip("-") if "e" not in t.lower() else str(int(v)) if v.is_integer() else t
        decimals = _decimals(digits, 1.0) if "e" not in t.lower() else 0
        return Value(v, v, unit or "number", t, Qualifier.EXACT, decimals, v)
    found = find_quantities(t)
    if not found:
        if categorical and unit is None:
            return _category(text, unit)
        raise ValueError(f"no number in value '{text}'" + ("; give unit 'category' for a categorical value"
                                                          if categorical else ""))
    return found[0].value if unit is None else Value(found[0].value.low, found[0].value.high, unit, t,
                                                      found[0].value.qualifier, found[0].value.decimals,
                                                      found[0].value.point)


# Cells that mark a missing value in truth-discovery and spreadsheet exports ("Not Available" in the books set):
# they state nothing, so they are skipped rather than stored as a categorical value that would compete with the
# values other sources give for the item.
MISSING = frozenset({"n/a", "na", "n.a.", "not available", "unavailable", "unknown", "null", "nan", "none given",
                     "not applicable", "missing", "?"})


def _category(text: str, unit: str | None) -> Value:
    t = str(text).strip()
    if " ".join(t.lower().split()) in MISSING:
        raise ValueError(f"'{t}' marks a missing value; leave the row out or give a value")
    if not category_key(t):
        raise ValueError(f"no value in '{text}'; give a number or a text with a word")
    return Value(0.0, 0.0, CATEGORY, t, Qualifier.EXACT, 0, None)


_SURROGATES = re.compile(r"[\ud800-\udfff]")


def _text_encoding(p: Path) -> str:
    """The encoding of a CSV/JSONL file, from its first 64 KB (binary files are refused)."""
    head = read_capped(p, 65536)
    if len(head) > 65536 and b"\n" in head:
        head = head[: head.rindex(b"\n") + 1]  # whole lines only: never judge a character cut in two
    if 0 < head.count(0) * 100 < len(head):
        head = head.replace(b"\x00", b"")  # a stray NUL: the rows holding one are reported, the others read
    decoded = decode_bytes(head, str(p))
    return {"utf-8": "utf-8-sig"}.get(decoded.encoding, decoded.encoding)


def _rows(path: str) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{path}: no such file; check the path" if not p.exists() else
                         f"{path}: not a file; give a .csv, .tsv or .jsonl file")
    ext = p.suffix.lower()
    if ext not in (".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".tab"):
        raise InputError(f"{path}: unsupported file type '{ext}'; use .csv, .tsv or .jsonl")
    encoding = _text_encoding(p)
    with p.open(encoding=encoding, errors="surrogateescape", newline="") as fh:
        if ext in (".jsonl", ".ndjson", ".json"):
            for n, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                if _SURROGATES.search(line):
                    yield n, None, f"{path} line {n}: not valid {encoding}; re-save the file as UTF-8"
                    continue
                try:
                    obj = json.loads(line)
                except ValueError as exc:
                    yield n, None, f"{path} line {n}: invalid JSON ({exc})"
                    continue
                yield n, obj if isinstance(obj, dict) else None, None if isinstance(obj, dict) else \
                    f"{path} line {n}: not an object"
            return
    yield from _csv_rows(p, path, encoding, "\t" if ext in (".tsv", ".tab") else ",")


def _csv_rows(p: Path, path: str, encoding: str, delimiter: str) -> Iterator[tuple[int, dict[str, Any] | None,
                                                                                  str | None]]:
    """The rows of a CSV or TSV file with their last line numbers, or the error of a row that cannot be read.

    A quote opened and never closed would make the rest of the file one value, so the rows after it would be lost
    without a word: that row is reported and the file is read again from the line after the one it started on.
    """
    import itertools

    fieldnames: list[str] | None = None
    skip = 0  # lines of the file consumed before this pass (the header and the rows up to an unclosed quote)
    while True:
        resume = None
        with p.open(encoding=encoding, errors="surrogateescape", newline="") as fh:
            reader = csv.DictReader(itertools.islice(fh, skip, None), fieldnames=fieldnames, delimiter=delimiter,
                                    strict=True)
            if fieldnames is None:
                try:
                    fieldnames = list(reader.fieldnames or [])
                except csv.Error as exc:
                    raise InputError(f"{path}: cannot read the header row ({exc}); fix the file") from None
                missing = {"source", "subject", "metric", "period", "value"} - set(fieldnames)
                if missing:
                    raise InputError(f"{path}: missing columns {sorted(missing)}; need source, subject, metric, "
                                     "period, value")
            done = reader.line_num  # lines of this pass read into whole rows (or rows reported)
            while resume is None:
                try:
                    row = next(reader)
                except StopIteration:
                    return
                except csv.Error as exc:
                    start = skip + done + 1
                    if "unexpected end of data" in str(exc) or reader.reader.line_num > done + 1:
                        # a quote opened on the row's first line ran on over the next lines: the row is reported,
                        # and the lines after its first are read again as rows of their own
                        yield start, None, (f"{path} line {start}: a quote opened on this line is never closed; "
                                            "close it (the lines after it are read as rows)")
                        resume = start
                        continue
                    yield start, None, f"{path} line {start}: {exc}; fix the row's quoting or delimiters"
                    done = reader.reader.line_num  # (DictReader's own line_num is set by whole rows only)
                    continue
                done = reader.line_num
                n = skip + done
                if any(isinstance(v, str) and _SURROGATES.search(v) for v in row.values()):
                    yield n, None, f"{path} line {n}: not valid {encoding}; re-save the file as UTF-8"
                    continue
                yield n, row, None
        skip = resume


def import_claims(path: str, store: Store, *, refresh_trust: bool | None = None) -> ImportReport:
    """Import every row of ``path`` into ``store``; bad rows are reported and skipped.

    Rows are written as N-Quads in batches of ``BATCH`` claims. Each batch goes to a temporary file that a writer
    thread hands to the store's bulk loader (:class:`claimgraph.background.WriteQueue`), so parsing, and then the
    analysis, never wait for the RDF writes; the analysis graphs are queued behind the claims. The claim index and
    the analysis of the companies touched are committed at the end, as one generation
    (:class:`claimgraph.graph.writer.Writer`).
    """
    report = ImportReport()
    vocab = load_vocabulary()
    registry = load_registry()
    writer = Writer(store, refresh_trust=refresh_trust, keep_analysis=False)
    writer.vocabulary(nquads(vocabulary_quads(vocab, registry)))
    state = _State(vocab, registry, Path(path).stem)
    lines: list[str] = []
    rows: list[tuple[Any, ...]] = []
    rdf = WriteQueue("claimgraph-import-writer")
    writer.rdf_queue = rdf
    batches = 0
    with tempfile.TemporaryDirectory(prefix="claimgraph-import-") as spool, gc_paused():
        # a million rows: millions of new objects and no cycles

        def flush() -> None:
            nonlocal batches
            writer.begin()
            writer.stage(rows)  # staged here, written there: finish() sees every row at once
            batches += 1
            batch = Path(spool) / f"batch-{batches}.nq"
            batch.write_text("".join(lines), encoding="utf-8")
            rdf.submit(_load_batch, writer, batch)

        try:
            for n, row, error in _rows(path):
                if row is None:
                    report.failed.append(error or f"line {n}: unreadable")
                    continue
                try:
                    text, index_row = state.row(row, n)
                except (KeyError, ValueError) as exc:
                    report.failed.append(f"{path} line {n}: {exc}")
                    continue
                except Exception as exc:  # one bad row must not end the import
                    report.failed.append(f"{path} line {n}: cannot import the row ({type(exc).__name__}: {exc})")
                    continue
                lines.append(text)
                rows.append(index_row)
                report.claims += 1
                if len(rows) >= BATCH:
                    flush()
                    lines, rows = [], []
            if lines:
                flush()
            writer.finish(pending=rdf.wait)  # the analysis is computed while the batches are written
        except BaseException:
            rdf.failed = True  # the batches still queued are not written
            raise
        finally:
            rdf.close()
    report.sources = len(state.sources)
    return report


def _load_batch(writer: Writer, batch: Path) -> None:
    writer.write_file(batch)
    batch.unlink()


_IRI = {k: f"<{v}>" for k, v in {
    "type": RDF.type, "Claim": SCHEMA.Claim, "subject": CG.subject, "metric": CG.metric, "measure": CG.measure,
    "low": CG.low, "high": CG.high, "statedValue": CG.statedValue, "unit": CG.unit, "statedText": CG.statedText,
    "qualifier": CG.qualifier, "decimals": CG.decimals, "modality": CG.modality,
    "periodResolution": CG.periodResolution, "quote": CG.quote, "quoteStart": CG.quoteStart,
    "quoteEnd": CG.quoteEnd, "appearance": SCHEMA.appearance, "period": CG.period, "date": DCTERMS.date,
}.items()}


def _printable(text: str) -> str:
    """:func:`_clean` without its regular expression for the usual text that has nothing to drop."""
    return text if text.isprintable() else _clean(text)


class _State:
    """What the import has already written (sources, companies, periods, metrics), and the row writer."""

    def __init__(self, vocab: Any, registry: Any, stem: str) -> None:
        self.vocab, self.registry, self.stem = vocab, registry, safe_segment(stem)
        self.sources: dict[str, str] = {}
        self.seen: set[str] = set()
        self.companies: dict[str, tuple[str, tuple[int, int]]] = {}
        self.company_iris: dict[str, str] = {}
        self.metric_iris: dict[str, str] = {}
        self.periods: dict[tuple[str, tuple[int, int], bool], tuple[Period, str]] = {}
        self.segments: dict[str, str] = {}
        self.claim_base = f"{ID}claim/import-"
        self.ent = nq_iri(str(ENTITIES_GRAPH))

    def _company(self, subject: str) -> tuple[str, tuple[int, int]]:
        hit = self.companies.get(subject)
        if hit is None:
            reg = self.registry
            known = reg.lookup(subject) or (reg.companies.get(reg.by_ticker[subject]) if subject in reg.by_ticker else None)
            hit = (known.name, known.fiscal_year_end) if known else (subject, (12, 31))
            self.companies[subject] = hit
        return hit

    def _period(self, text: str, fye: tuple[int, int], stock: bool) -> tuple[Period, str, str]:
        """The period of ``text`` (cached: a sheet names few periods), its IRI, and its entity quads once."""
        key = (text, fye, stock)
        hit = self.periods.get(key)
        if hit is not None:
            return hit[0], hit[1], ""
        period = parse_period(text, fye)
        if stock:
            period = as_instant(period)
        pi = nq_iri(str(period_iri(period)))
        self.periods[key] = (period, pi)
        if pi in self.seen:
            return period, pi, ""
        self.seen.add(pi)
        ent = self.ent
        return period, pi, (f"{pi} <{RDF.type}> <{DCTERMS.PeriodOfTime}> {ent} .\n"
                            f"{pi} <{RDFS.label}> {nq_str(period.label)} {ent} .\n"
                            f'{pi} <{CG.periodStart}> "{period.start.isoformat()}"^^<{XSD.date}> {ent} .\n'
                            f'{pi} <{CG.periodEnd}> "{period.end.isoformat()}"^^<{XSD.date}> {ent} .\n'
                            f"{pi} <{CG.periodKind}> {nq_str(period.kind)} {ent} .\n")

    def row(self, row: dict[str, Any], n: int) -> tuple[str, tuple[Any, ...]]:
        for key in ("source", "subject", "metric", "period", "value", "unit", "date"):
            if isinstance(row.get(key), (list, dict, bool)):  # a JSON record's list, object or true/false
                kind = {list: "a list", dict: "an object", bool: "true or false"}[type(row[key])]
                raise ValueError(f"'{key}' must be text or a number, not {kind}")
        for key in ("source", "subject", "metric", "period", "value"):
            if row.get(key) in (None, ""):
                raise ValueError(f"empty '{key}'")
        source_name, metric = str(row["source"]), str(row["metric"])
        company, fye = self._company(str(row["subject"]))
        m = self.vocab.get(metric)
        try:
            period, pi, period_lines = self._period(str(row["period"]), fye, m is not None and m.kind == "stock")
        except ValueError as exc:
            if str(row["period"]) in str(exc):
                raise
            raise ValueError(f"period '{row['period']}': {exc}; give a date that exists") from None
        value = parse_value(str(row["value"]), row.get("unit") or None, categorical=True)
        if not (math.isfinite(value.low) and math.isfinite(value.high)):  # "1e999" reads as infinity
            raise ValueError(f"value '{row['value']}' is not a finite number; give a figure")
        out: list[str] = []
        ent = self.ent
        src = self.sources.get(source_name)
        if src is None:
            src = nq_iri(str(ID[f"source/{safe_segment(source_name)}"]))
            self.sources[source_name] = src
            meta = src[:-1] + "/meta>"
            name = nq_str(source_name)
            out += [f"{src} <{RDF.type}> <{SCHEMA.CreativeWork}> {meta} .\n",
                    f"{src} <{SCHEMA.name}> {name} {meta} .\n", f"{src} <{SCHEMA.headline}> {name} {meta} .\n",
                    f'{src} <{CG.imported}> "true"^^<{XSD.boolean}> {meta} .\n']
        graph = src[:-1] + "/assertion>"
        co = self.company_iris.get(company)
        if co is None:
            co = self.company_iris[company] = nq_iri(str(company_iri(company)))
        if co not in self.seen:
            self.seen.add(co)
            out += [f"{co} <{RDF.type}> <{SCHEMA.Corporation}> {ent} .\n",
                    f"{co} <{SCHEMA.name}> {nq_str(company)} {ent} .\n"]
        mi = self.metric_iris.get(metric)
        if mi is None:
            mi = self.metric_iris[metric] = nq_iri(str(metric_iri(metric)))
        if m is None and mi not in self.seen:
            self.seen.add(mi)
            out += [f"{mi} <{RDF.type}> <{CG.Metric}> {ent} .\n", f"{mi} <{RDF.type}> <{SKOS.Concept}> {ent} .\n",
                    f"{mi} <{SKOS.notation}> {nq_str(metric)} {ent} .\n",
                    f"{mi} <{SKOS.prefLabel}> {nq_str(metric)} {ent} .\n",
                    f"{mi} <{SKOS.inScheme}> <{ID['metric-scheme']}> {ent} .\n",
                    f'{mi} <{CG.temporalKind}> "flow" {ent} .\n', f'{mi} <{CG.unitKind}> "any" {ent} .\n']
        if period_lines:
            out.append(period_lines)
        claim = f"<{self.claim_base}{self.segments.get(source_name) or self._segment(source_name)}-{self.stem}-{n}>"
        stated = str(row["value"])
        measure, modality = str(row.get("measure") or "level"), str(row.get("modality") or "reported")
        quote = f"{source_name}: {company} {metric} {row['period']} = {stated}"
        c, g, i = claim, graph, _IRI
        out.append(
            f"{c} {i['type']} {i['Claim']} {g} .\n{c} {i['subject']} {co} {g} .\n"
            f"{c} {i['metric']} {mi} {g} .\n{c} {i['measure']} {nq_str(measure)} {g} .\n"
            f"{c} {i['low']} {nq_double(value.low)} {g} .\n{c} {i['high']} {nq_double(value.high)} {g} .\n"
            + (f"{c} {i['statedValue']} {nq_double(value.mid)} {g} .\n" if value.unit != CATEGORY else "")
            + f"{c} {i['unit']} {nq_str(value.unit)} {g} .\n"
            f"{c} {i['statedText']} {nq_str(stated)} {g} .\n"
            f"{c} {i['qualifier']} {nq_str(value.qualifier.value)} {g} .\n"
            f"{c} {i['decimals']} {nq_int(value.decimals)} {g} .\n"
            f"{c} {i['modality']} {nq_str(modality)} {g} .\n"
            f'{c} {i["periodResolution"]} "stated" {g} .\n{c} {i["quote"]} {nq_str(quote)} {g} .\n'
            f"{c} {i['quoteStart']} {nq_int(0)} {g} .\n{c} {i['quoteEnd']} {nq_int(len(quote))} {g} .\n"
            f"{c} {i['appearance']} {src} {g} .\n{c} {i['period']} {pi} {g} .\n")
        if row.get("date"):
            out.append(f"{c} {i['date']} {nq_str(str(row['date']))} {g} .\n")
        r: list[Any] = [None] * len(CLAIM_NAMES)
        for k, v in (("claim", claim[1:-1]), ("article", src[1:-1]), ("company", _printable(company)),
                     ("metric", _printable(metric)), ("measure", _printable(measure)), ("low", float(value.low)),
                     ("high", float(value.high)), ("point", None if value.unit == CATEGORY else float(value.mid)),
                     ("decimals", int(value.decimals)),
                     ("qualifier", value.qualifier.value), ("unit", _printable(value.unit)), ("stated", _printable(stated)),
                     ("quote", _printable(quote)), ("quote_start", 0), ("quote_end", len(quote)),
                     ("period_label", _printable(period.label)), ("period_start", period.start.isoformat()),
                     ("period_end", period.end.isoformat()), ("period_kind", period.kind), ("resolution", "stated"),
                     ("modality", _printable(modality)), ("title", _printable(source_name)), ("superseded", False)):
            r[_COL[k]] = v
        return "".join(out), tuple(r)

    def _segment(self, source_name: str) -> str:
        seg = self.segments[source_name] = safe_segment(source_name)
        return seg
