"""Bad input, re-ingest, crashes, concurrency and injection: nothing lost, nothing corrupted, no traceback."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph, Literal
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.graph.rdf import safe_segment
from claimgraph.graph.store import open_store
from claimgraph.pipeline import ingest
from claimgraph.sources.extract import extract
from claimgraph.sources.quantities import find_quantities
from claimgraph.sources.readers import Metadata, decode, text_document
from tests.conftest import run_cli

ARTICLE = "Acme Corp results {n}\nBy Jane Doe\nAcme Corp reported revenue of ${v} billion in Q3 2025. " \
          "Its backlog was ${b} billion at quarter-end, up 12% year over year.\n"


def _bad_folder(root: Path) -> dict[str, str]:
    """Files that must each fail with a one-line reason naming them."""
    root.mkdir(parents=True, exist_ok=True)
    bad = {
        "empty.txt": "",
        "image.txt": "\x89PNG\r\n\x1a\n" + "\x00" * 32,
        "doc.txt": "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        "nothing.html": "<html><head><title>x</title></head><body><nav>Home | About</nav></body></html>",
        "notes.docx": "PK\x03\x04",
    }
    for name, content in bad.items():
        (root / name).write_bytes(content.encode("latin-1"))
    return bad


def test_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    root = tmp_path / "in"
    bad = _bad_folder(root)
    (root / "good.txt").write_text(ARTICLE.format(n=1, v=5, b=20), encoding="utf-8")
    (root / "latin1.txt").write_bytes("Café Corp results\nCafé Corp reported revenue of €5 million in 2024.\n"
                                      .encode("cp1252"))
    (root / "records.jsonl").write_text(
        json.dumps({"id": "r1", "title": "A", "text": "Acme Corp reported revenue of $1 billion in 2024."}) + "\n"
        + "{broken json\n"
        + json.dumps({"id": "r2", "title": "B", "text": "Beta Inc reported revenue of $2 billion in 2024."}) + "\n",
        encoding="utf-8")
    result = run_cli("ingest", str(root), "--store", str(tmp_path / "s"), "--workers", "2", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = [x for x in result.stderr.splitlines() if x.startswith("skipped:")]
    assert len(lines) == len(bad) + 1, result.stderr
    for name in bad:
        assert any(name in line for line in lines), name
    assert any("records.jsonl:2: invalid JSON" in line for line in lines)
    assert "4 articles added" in result.stdout
    claims = run_cli("claims", "--store", str(tmp_path / "s"), "--format", "json", cwd=tmp_path)
    companies = {c["company"] for c in json.loads(claims.stdout)}
    assert {"Acme", "Beta", "Café"} <= companies


def test_missing_file_and_oversized_file(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    big.write_bytes(b"Title\n" + b"Acme Corp reported revenue of $5 billion. " * (50 * 1024 * 1024 // 42))
    result = run_cli("ingest", str(big), str(tmp_path / "missing.txt"), "--store", str(tmp_path / "s"))
    assert result.returncode == 1
    assert "big.txt: file is 52.4 MB, over the 20 MB limit; split it or raise --max-bytes" in result.stderr
    assert "missing.txt: no such file or folder" in result.stderr


def test_non_utf8_text_is_decoded() -> None:
    assert decode("Société Générale – 5 €".encode("cp1252"), "x") == "Société Générale – 5 €"
    assert decode("naïve café".encode("latin-1"), "x") == "naïve café"


def test_folder_of_1000_files_with_some_bad(tmp_path: Path) -> None:
    root = tmp_path / "many"
    root.mkdir()
    bad = 0
    for n in range(1000):
        if n % 97 == 0:
            (root / f"{n:04d}.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
            bad += 1
        else:
            (root / f"{n:04d}.txt").write_text(ARTICLE.format(n=n, v=n % 9 + 1, b=n + 10), encoding="utf-8")
    store = open_store(str(tmp_path / "s"))
    report = ingest([str(root)], store, workers=2)
    assert report.articles == 1000 - bad and len(report.failed) == bad
    assert all(".txt: this is a PNG image" in reason for _, reason in report.failed)
    store.close()


def _segfault_on_boom(doc: object) -> object:
    """An extractor that crashes its process (SIGSEGV, as a fault in native code would) on one article."""
    if "BOOM" in getattr(doc, "text", ""):
        import faulthandler

        faulthandler.disable()  # no traceback dump from the dying worker
        os.kill(os.getpid(), signal.SIGSEGV)
    return extract(doc)  # type: ignore[arg-type]


def test_a_worker_that_dies_loses_nothing_and_hangs_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker killed mid-extraction (a segfault) breaks the pool: every other article is still stored whole, in
    order, and the crashing one is kept without claims and reported; nothing waits forever."""
    import threading

    import claimgraph.pipeline as pipeline

    root = tmp_path / "in"
    root.mkdir()
    for n in range(40):
        text = ARTICLE.format(n=f"{n} BOOM" if n in (5, 33) else n, v=n % 9 + 1, b=n + 10)
        (root / f"{n:03d}.txt").write_text(text, encoding="utf-8")
    monkeypatch.setattr(pipeline, "extract", _segfault_on_boom)  # the forked workers inherit it
    store = open_store("memory")
    outcome: list[pipeline.IngestReport] = []
    worker = threading.Thread(target=lambda: outcome.append(ingest([str(root)], store, workers=2)), daemon=True)
    worker.start()
    worker.join(timeout=240)
    assert outcome, "ingest hung after a worker died"
    report = outcome[0]
    assert report.articles == 40, report.failed
    assert sorted(source.rsplit("/", 1)[-1] for source, _ in report.failed) == ["005.txt", "033.txt"]
    assert all("process died" in reason and "kept with its metadata" in reason for _, reason in report.failed)
    counts = {r["source"].rsplit("/", 1)[-1]: r["n"] for r in store.select(
        "SELECT ?source (COUNT(?c) AS ?n) WHERE { ?a a schema:NewsArticle ; cg:source ?source "
        "OPTIONAL { ?c a schema:Claim ; schema:appearance ?a } } GROUP BY ?source")}
    assert len(counts) == 40 and counts["005.txt"] == 0 and counts["033.txt"] == 0
    assert all(n > 0 for name, n in counts.items() if name not in ("005.txt", "033.txt"))
    records = list(pipeline._ordered(pipeline.read_inputs([str(root)]), 2, pipeline._extract_result,
                                     pipeline._extract_crashed))
    assert [r.source for r, _, _ in records] == sorted(str(p) for p in root.iterdir())  # input order kept
    assert [err is not None for _, _, err in records].count(True) == 2


def _integrity(store_path: Path, sources: dict[str, str]) -> int:
    """Every stored article is whole: metadata, provenance and exactly the claims its text yields."""
    from claimgraph.graph.store import folder_state

    if folder_state(store_path) != "store":  # killed before the store was created (a loaded machine): nothing stored
        return 0
    store = open_store(str(store_path), read_only=True)
    try:
        rows = list(store.select(
            "SELECT ?a ?src (COUNT(DISTINCT ?c) AS ?n) WHERE { ?a a schema:NewsArticle ; cg:source ?src . "
            "?x a np:Assertion ; prov:wasDerivedFrom ?a ; prov:wasGeneratedBy ?act . "
            "OPTIONAL { ?c a schema:Claim ; schema:appearance ?a } } GROUP BY ?a ?src"))
        total = next(iter(store.select("SELECT (COUNT(?a) AS ?n) WHERE { ?a a schema:NewsArticle }")))["n"]
        assert len(rows) == total, "an article without its provenance graph"
        for r in rows:
            doc = text_document(sources[r["src"]], r["src"], Metadata())
            assert r["n"] == len(extract(doc).claims), f"{r['src']} is stored half-written"
        return len(rows)
    finally:
        store.close()


@pytest.mark.slow
def test_kill_9_leaves_only_whole_articles(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    sources = {}
    for n in range(400):
        text = ARTICLE.format(n=n, v=n % 9 + 1, b=n + 10) + " ".join(
            f"Acme Corp said segment {k} revenue was ${k + n % 5}.{k} million in Q{k % 4 + 1} 2025." for k in range(30))
        path = root / f"{n:04d}.txt"
        path.write_text(text, encoding="utf-8")
        sources[str(path)] = text
    store = tmp_path / "s"
    rng = random.Random(7)
    counts: list[int] = []
    for attempt in range(8):  # kill at random points; go on until some articles have been committed
        proc = subprocess.Popen([sys.executable, "-m", "claimgraph", "ingest", str(root), "--store", str(store),
                                 "--workers", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(2.0, 4.0) + 2.0 * attempt)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        counts.append(_integrity(store, sources))
        if len(counts) >= 3 and counts[-1] > 0:
            break
    assert counts[-1] > 0
    done = run_cli("ingest", str(root), "--store", str(store), "--workers", "2")
    assert done.returncode == 0, done.stderr
    assert _integrity(store, sources) == 400


def test_same_url_new_text_is_a_new_version(tmp_path: Path, runner: CliRunner) -> None:
    store = str(tmp_path / "s")
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Acme\nAcme Corp reported revenue of $5 billion in Q3 2025.\n", encoding="utf-8")
    b.write_text("Acme\nAcme Corp reported revenue of $5.5 billion in Q3 2025.\n", encoding="utf-8")
    url = "https://news.example/acme"
    assert runner.invoke(app, ["ingest", str(a), "--url", url, "--store", store, "--workers", "1"]).exit_code == 0
    assert runner.invoke(app, ["ingest", str(b), "--url", url, "--store", store, "--workers", "1"]).exit_code == 0
    arts = json.loads(runner.invoke(app, ["articles", "--store", store, "--format", "json"]).stdout)
    assert sorted(x["superseded"] for x in arts) == [False, True]
    claims = json.loads(runner.invoke(app, ["claims", "--store", store, "--format", "json"]).stdout)
    assert len(claims) == 2 and sorted(c["superseded"] for c in claims) == [False, True]
    conflicts = json.loads(runner.invoke(app, ["conflicts", "--all", "--store", store, "--format", "json"]).stdout)
    assert [g["status"] for g in conflicts] == ["consistent"] and conflicts[0]["resolved"] == 5.5e9
    rev = runner.invoke(app, ["query", "ASK { ?new prov:wasRevisionOf ?old . ?old cg:supersededBy ?new }",
                              "--store", store])
    assert rev.stdout.strip() == "true"


def test_second_writer_is_refused_or_waits(tmp_path: Path) -> None:
    path = tmp_path / "s"
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE.format(n=1, v=5, b=20), encoding="utf-8")
    holder = open_store(str(path))
    try:
        refused = run_cli("ingest", str(article), "--store", str(path))
        assert refused.returncode == 1
        assert "is locked by pid" in refused.stderr and "--wait" in refused.stderr
        reader = run_cli("claims", "--store", str(path), "--format", "json")
        assert reader.returncode == 0, reader.stderr  # readers read while a writer holds the store
        waiter = subprocess.Popen([sys.executable, "-m", "claimgraph", "ingest", str(article), "--store", str(path),
                                   "--wait"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(1.5)
        assert waiter.poll() is None, "the --wait writer should be waiting"
    finally:
        holder.close()
    out, err = waiter.communicate(timeout=120)
    assert waiter.returncode == 0, err
    assert "1 articles added" in out


HOSTILE = ('Evil "quoted" <b>title</b>\nBy O\'Brien <script>alert(1)</script>\n'
           'Acme Corp reported revenue of $5 billion in Q3 2025. } ; DROP ALL ; INSERT DATA { <a:a> <a:b> "c" } .\n'
           'Line with \\ backslash and "quotes" and\ttabs.\n')


def test_hostile_text_is_escaped_everywhere(tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "evil.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    store = str(tmp_path / "s")
    assert runner.invoke(app, ["ingest", str(path), "--store", store, "--workers", "1",
                               "--author", "Zoë / Ünïcode Name"]).exit_code == 0
    for fmt, parser in (("turtle", "turtle"), ("trig", "trig"), ("nquads", "nquads"), ("json-ld", "json-ld")):
        out = tmp_path / f"x.{fmt}"
        assert runner.invoke(app, ["export", "--store", store, "--format", fmt, "--output", str(out)]).exit_code == 0
        data = Dataset() if parser in ("trig", "nquads", "json-ld") else Graph()
        data.parse(out, format=parser)
        assert len(data) > 0
    claims = json.loads(runner.invoke(app, ["claims", "--store", store, "--format", "json"]).stdout)
    assert "DROP ALL" in claims[0]["quote"]
    count = runner.invoke(app, ["query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", store,
                                "--format", "csv"])
    assert int(count.stdout.splitlines()[1]) > 50
    html = tmp_path / "v.html"
    runner.invoke(app, ["view", "--store", store, "--no-open", "--output", str(html)])
    page = html.read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page and "<b>title</b>" not in page


@pytest.mark.parametrize("name", ["Jane Doe", "Zoë Ünïcode", "a/b\\c", "Staff  Report", "名前", "<script>", ""])
def test_minted_iris_are_valid(name: str) -> None:
    from rdflib import URIRef

    seg = safe_segment(name)
    assert seg and all(ch.isalnum() or ch in "-%_." for ch in seg)
    g = Graph()
    g.add((URIRef(f"https://w3id.org/claimgraph/id/author/{seg}"), URIRef("urn:x:p"), Literal(name)))
    assert len(Graph().parse(data=g.serialize(format="nt"), format="nt")) == 1


# --- property tests and fuzzing ------------------------------------------------------

@given(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False),
       st.sampled_from([("million", 1e6), ("billion", 1e9), ("bn", 1e9), ("M", 1e6), ("B", 1e9)]))
def test_money_parsing_property(value: object, scale: tuple[str, float]) -> None:
    text = f"${value} {scale[0]}" if len(scale[0]) > 2 else f"${value}{scale[0]}"
    (q,) = find_quantities(f"It was {text} in total.")
    assert q.value.low == pytest.approx(float(value) * scale[1])  # type: ignore[arg-type]
    assert q.value.unit == "USD" and q.value.low <= q.value.high


@given(st.integers(min_value=1990, max_value=2060), st.integers(min_value=1, max_value=4))
def test_quarter_parsing_property(year: int, quarter: int) -> None:
    from claimgraph.sources.periods import find_period_mentions

    for form in (f"Q{quarter} {year}", f"{quarter}Q{year % 100:02d}", f"Q{quarter}'{year % 100:02d}"):
        (m,) = find_period_mentions(f"In {form} it rose.")
        period, _ = m.resolve((12, 31), None, None)
        assert period is not None and period.label == f"{year}-Q{quarter}" and period.start < period.end


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_fuzz_random_bytes_never_raise(data: bytes) -> None:
    from claimgraph.errors import InputError

    try:
        text = decode(data, "fuzz")
    except InputError:
        return
    try:
        doc = text_document(text, "fuzz", Metadata())
    except InputError:
        return
    extract(doc)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_fuzz_mutated_articles_never_raise(examples: list[str], data: st.DataObject) -> None:
    text = Path(data.draw(st.sampled_from(examples))).read_text(encoding="utf-8")
    chars = list(text)
    for _ in range(data.draw(st.integers(min_value=1, max_value=40))):
        pos = data.draw(st.integers(min_value=0, max_value=len(chars) - 1))
        op = data.draw(st.sampled_from(["del", "dup", "ins"]))
        if op == "del":
            del chars[pos:pos + data.draw(st.integers(1, 50))]
        elif op == "dup":
            chars[pos:pos] = chars[pos:pos + 80]
        else:
            chars.insert(pos, data.draw(st.sampled_from(list("$%~.,-–0123456789QBM\n\x00\u2019<>"))))
        if not chars:
            chars = ["x"]
    mutated = "".join(chars)
    try:
        doc = text_document(mutated, "m", Metadata())
    except Exception as exc:
        assert type(exc).__name__ == "InputError"
        return
    ex = extract(doc)
    for c in ex.claims:
        assert doc.original[c.span[0]:c.span[1]] == c.quote


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=80),
       st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=200))
def test_graph_round_trip_property(title: str, body: str) -> None:
    from claimgraph.graph.export import Format, export
    from claimgraph.graph.rdf import article_quads

    text = f"{title.strip() or 'T'}\nAcme Corp reported revenue of $5 billion in Q3 2025. {body}"
    try:
        doc = text_document(text, "p", Metadata())
    except Exception:
        return
    store = open_store("memory")
    store.add(article_quads(extract(doc)))
    import io

    buf = io.BytesIO()
    export(store, buf, fmt=Format.NQUADS)
    back = Dataset()
    back.parse(data=buf.getvalue().decode("utf-8"), format="nquads")
    assert len(back) == len(store)
