"""Issue 13, inputs: a bad value, name, record, encoding or file never loses the good inputs beside it.

Each test reproduces one way the batch was broken before (see the issue's items 1, 2, 3, 5 and 8).
"""

from __future__ import annotations

import json
import os
import random
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimgraph.graph.store import open_store
from claimgraph.graph.writer import Writer
from claimgraph.pipeline import IngestReport, Prepared, _flush
from claimgraph.sources.readers import read_inputs
from tests.conftest import run_cli, run_unprivileged

GOOD = "Acme Corp results {n}\nBy Jane Doe\nAcme Corp reported revenue of ${n} billion in Q3 2025.\n"


def _good_files(root: Path, count: int) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for n in range(1, count + 1):
        (root / f"good{n:03d}.txt").write_text(GOOD.format(n=n), encoding="utf-8")


def _articles(store: Path) -> list[dict[str, object]]:
    out = run_cli("articles", "--store", str(store), "--format", "json")
    assert out.returncode == 0, out.stderr
    rows: list[dict[str, object]] = json.loads(out.stdout)
    return rows


def _no_traceback(stderr: str) -> None:
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr


# --- item 1: newlines and control characters in any stored value ------------------------------------------------

def test_newline_in_any_value_never_loses_the_batch(tmp_path: Path) -> None:
    root = tmp_path / "in"
    _good_files(root, 60)
    records = [
        {"title": "Evil\ntitle", "text": "Beta Inc reported revenue of $2 billion in 2024."},
        {"title": "T2", "publisher": "Evil\r\npublisher", "text": "Gamma Inc reported revenue of $3 billion in 2024."},
        {"title": "T3", "url": "https://x.example/a\nb", "text": "Delta Inc reported revenue of $4 billion in 2024."},
        {"title": "T4", "authors": ["Ann\nBee"], "text": "Zeta Inc reported revenue of $5 billion in 2024."},
        {"title": "Ctl \x0b\x1f\x7f\u2028 chars \"q\" \\", "id": "a\nb",
         "text": "Eta Inc reported revenue of $6 billion in 2024."},
    ]
    (root / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    (root / "new\nline name.txt").write_text(GOOD.format(n=99), encoding="utf-8")
    store = tmp_path / "s"
    result = run_cli("ingest", str(root), "--store", str(store), "--workers", "1")
    _no_traceback(result.stderr)
    assert result.returncode == 0, result.stderr
    assert "66 articles added" in result.stdout
    rows = _articles(store)
    assert len(rows) == 66
    titles = {r["title"] for r in rows}
    assert "Evil\ntitle" in titles and any(str(t).startswith("Ctl") and '"q" \\' in str(t) for t in titles)
    assert any(r["publisher"] == "Evil\r\npublisher" for r in rows)
    # the stored N-Quads export parses back
    nq = tmp_path / "all.nq"
    assert run_cli("export", "--store", str(store), "--output", str(nq)).returncode == 0
    from rdflib import Dataset

    ds = Dataset()
    ds.parse(nq, format="nquads")
    assert len(ds) > 0


def test_control_characters_are_kept_and_quotes_stay_exact(tmp_path: Path) -> None:
    text = "Acme results\nAcme Corp\x01 reported \x1frevenue of $5 billion in Q3 2025.\n"
    path = tmp_path / "ctl.txt"
    path.write_bytes(text.encode("utf-8"))
    store = tmp_path / "s"
    done = run_cli("ingest", str(path), "--store", str(store))
    assert done.returncode == 0, done.stderr
    claims = json.loads(run_cli("claims", "--store", str(store), "--format", "json").stdout)
    assert claims
    for c in claims:
        assert text[c["span"][0]:c["span"][1]] == c["quote"]
    assert any("\x01" in c["quote"] and "\x1f" in c["quote"] for c in claims)
    # kept in the store, but never sent raw to a terminal (an ANSI escape in a title must not recolour it)
    path.write_bytes(b"Acme \x1b[31mred\x1b[0m results\nBeta Inc reported revenue of $7 billion in 2024.\n"
)
    assert run_cli("ingest", str(path), "--store", str(store)).returncode == 0
    for command in (["articles"], ["claims"], ["conflicts", "--all"]):
        shown = run_cli(*command, "--store", str(store))
        assert shown.returncode == 0 and "\x1b" not in shown.stdout and "red" in shown.stdout, command


def test_nquads_are_single_line_and_escaped() -> None:
    from rdflib import Literal, URIRef

    from claimgraph.graph.rdf import nquads

    text = nquads([(URIRef("urn:s"), URIRef("urn:p"), Literal('a\nb\r"c"\\\x01\x0b\u2028'), URIRef("urn:g")),
                   (URIRef("urn:s"), URIRef("urn:p"), Literal("x\ny", lang="en"), URIRef("urn:g"))])
    lines = text.splitlines()
    assert len(lines) == 2, text
    assert '"""' not in text
    import pyoxigraph as ox

    quads = list(ox.parse(text.encode("utf-8"), ox.RdfFormat.N_QUADS))
    assert quads[0].object.value.startswith('a\nb\r"c"\\')
    assert quads[1].object.value == "x\ny" and quads[1].object.language == "en"


def test_imported_and_analysed_values_with_newlines(tmp_path: Path) -> None:
    csv_path = tmp_path / "claims.csv"
    csv_path.write_text('source,subject,metric,period,value,measure\n'
                        '"Wire\nService","Acme\nCorp",revenue,2025-Q3,$5B,level\n'
                        '"Other \x01 source","Acme\nCorp",revenue,2025-Q3,$7B,level\n', encoding="utf-8")
    store = tmp_path / "s"
    imported = run_cli("import-claims", str(csv_path), "--store", str(store))
    _no_traceback(imported.stderr)
    assert imported.returncode == 0, imported.stderr
    conflicts = run_cli("conflicts", "--store", str(store), "--format", "json")
    _no_traceback(conflicts.stderr)
    assert conflicts.returncode == 0, conflicts.stderr
    groups = json.loads(conflicts.stdout)
    assert groups and groups[0]["company"] == "Acme\nCorp" and groups[0]["status"] == "conflict"


def test_a_batch_that_fails_to_store_is_retried_article_by_article() -> None:
    store = open_store("memory")
    good = [Prepared(f"good{n}.txt", sha=f"{n:064d}", nquads=f"<urn:a{n}> <urn:p> \"v\" <urn:g{n}> .\n", claims=1)
            for n in range(5)]
    bad = Prepared("bad.txt", sha="f" * 64, nquads='<urn:b> <urn:p> """broken\nliteral""" <urn:g> .\n', claims=1)
    batch = [*good[:2], bad, *good[2:]]
    report = IngestReport()
    _flush(Writer(store), batch, report)
    assert report.articles == 5 and report.claims == 5
    assert [s for s, _ in report.failed] == ["bad.txt"]
    assert all(store.ask(f"ASK {{ GRAPH <urn:g{n}> {{ ?s ?p ?o }} }}") for n in range(5))
    assert not store.ask("ASK { GRAPH <urn:g> { ?s ?p ?o } }")


# --- item 2: file names that are not UTF-8 ------------------------------------------------------------------------

def test_file_name_not_utf8_never_loses_the_batch(tmp_path: Path) -> None:
    root = tmp_path / "in"
    _good_files(root, 3)
    bad = os.path.join(os.fsencode(root), b"bad\xff\xfe.txt")
    with open(bad, "wb") as fh:
        fh.write(GOOD.format(n=42).encode("utf-8"))
    store = tmp_path / "s"
    result = run_cli("ingest", str(root), "--store", str(store), "--workers", "2")
    _no_traceback(result.stderr)
    assert result.returncode == 0, result.stderr
    assert "4 articles added" in result.stdout
    # the name is stored in a safe, readable form
    sources = run_cli("query", "SELECT ?s WHERE { ?a cg:source ?s }", "--store", str(store), "--format", "json")
    assert any(r["s"].endswith("bad\\xff\\xfe.txt") for r in json.loads(sources.stdout)), sources.stdout
    # named on the command line, and when it fails, it is reported readably
    with open(bad, "wb") as fh:
        fh.write(b"")
    again = run_cli("extract", os.fsdecode(bad), "--format", "json")
    _no_traceback(again.stderr)
    assert again.returncode == 1 and "skipped: " in again.stderr and "bad\\xff\\xfe.txt: file is empty" in again.stderr


# --- item 3: JSON and JSONL records are validated one by one ------------------------------------------------------

def test_one_wrong_type_in_a_jsonl_line_never_drops_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    lines = [
        {"id": "r1", "title": "A", "text": "Acme Corp reported revenue of $1 billion in 2024."},
        {"id": "r2", "title": "B", "authors": 5, "text": "Beta Inc reported revenue of $2 billion in 2024."},
        {"id": "r3", "title": "C", "text": "Gamma Inc reported revenue of $3 billion in 2024."},
        {"id": "r4", "title": "D", "authors": {"name": "X Writer", "evil": 1},
         "text": "Delta Inc reported revenue of $4 billion in 2024."},
        {"id": "r5", "title": 7, "text": "Eta Inc reported revenue of $5 billion in 2024."},
        {"id": "r6", "title": "F", "text": ["not", "a", "string"]},
        {"id": "r7", "title": "G", "published": 20240101, "text": "Theta Inc reported revenue of $7 billion in 2024."},
        {"id": "r8", "title": "H", "authors": [{"name": "Ann Lee"}, "Bo Chan", {"name": "Cy Do", "url": "u"}],
         "publisher": {"name": "Wire"}, "text": "Iota Inc reported revenue of $8 billion in 2024."},
        {"id": "r9", "title": "I", "authors": [{"nom": "x"}], "text": "Kappa Inc reported revenue of $9 billion."},
        {"id": {"x": 1}, "title": "J", "text": "Lambda Inc reported revenue of $9 billion in 2024."},
        {"id": "r11", "title": "K", "url": 5, "text": "Mu Inc reported revenue of $9 billion in 2024."},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    store = tmp_path / "s"
    result = run_cli("ingest", str(path), "--store", str(store), "--workers", "1")
    _no_traceback(result.stderr)
    assert result.returncode == 1
    skipped = sorted(x for x in result.stderr.splitlines() if x.startswith("skipped:"))
    assert [x.split(": ", 2)[1] for x in skipped] == [f"{path}:{n}" for n in (10, 11, 2, 5, 6, 7, 9)], skipped
    assert all(len(x.split(": ", 2)) == 3 and x.split(": ", 2)[2] for x in skipped)
    assert "'authors'" in next(x for x in skipped if f"{path}:2:" in x)
    rows = {r["record_id"]: r for r in _articles(store)}
    assert sorted(rows) == ["r1", "r3", "r4", "r8"]
    assert [a["name"] for a in rows["r4"]["authors"]] == ["X Writer"]  # type: ignore[index]
    assert sorted(a["name"] for a in rows["r8"]["authors"]) == ["Ann Lee", "Bo Chan", "Cy Do"]  # type: ignore[index]
    assert rows["r8"]["publisher"] == "Wire"


def test_json_list_records_report_their_line(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text('[\n  {"id": "a", "title": "A", "text": "Acme Corp reported revenue of $1 billion in 2024."},\n'
                    '  {"id": "b", "title": "B",\n   "authors": 5,\n   "text": "Beta Inc had revenue of $2 billion."},\n'
                    '  "just a string",\n'
                    '  {"id": "c", "title": "C", "text": "Gamma Inc reported revenue of $3 billion in 2024."}\n]\n',
                    encoding="utf-8")
    reasons = [r.error for r in read_inputs([str(path)]) if r.error]
    assert len(reasons) == 2
    assert reasons[0] is not None and reasons[0].startswith(f"{path}:3: ")
    assert reasons[1] is not None and reasons[1].startswith(f"{path}:6: ")
    docs = [r.document for r in read_inputs([str(path)]) if r.document]
    assert [d.record_id for d in docs] == ["a", "c"]


def test_sidecar_with_wrong_types_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD.format(n=1), encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"author": {"name": "Side Car", "x": 1}, "published": "2025-01-02"}),
                                          encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD.format(n=2), encoding="utf-8")
    (tmp_path / "b.meta.json").write_text(json.dumps({"author": 5}), encoding="utf-8")
    results = list(read_inputs([str(tmp_path)]))
    docs = {Path(r.source).name: r for r in results}
    a = docs["a.txt"].document
    assert a is not None and [x.name for x in a.authors] == ["Side Car"]
    assert docs["b.txt"].error is not None and "'author'" in docs["b.txt"].error


# --- item 5: encodings ----------------------------------------------------------------------------------------------

def test_truncated_utf8_is_utf8_with_a_warning(tmp_path: Path) -> None:
    body = ("Acme Corp results \u2014 \u201cQ3\u201d\nAcme Corp reported revenue of $5 billion in Q3 2025 \u2014 "
            "up 12% \u2018year over year\u2019. " * 40)
    path = tmp_path / "cut.txt"
    path.write_bytes(body.encode("utf-8") + "\u2014".encode("utf-8")[:1])
    result = run_cli("extract", str(path), "--format", "json")
    _no_traceback(result.stderr)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout.splitlines()[0])
    assert "\u2014" in record["title"] and "\u201a\u00c4\u00ee" not in result.stdout and "\u00e2\u20ac" not in result.stdout
    assert any(x.startswith("warning: ") and "cut.txt" in x and "UTF-8" in x for x in result.stderr.splitlines())


def test_legacy_encodings_need_strong_evidence() -> None:
    from claimgraph.errors import InputError
    from claimgraph.sources.readers import decode

    # cp1252 and latin-1 prose is still read
    assert decode("Société Générale – 5 € “quoted”".encode("cp1252"), "x") == "Société Générale – 5 € “quoted”"
    assert decode("naïve café".encode("latin-1"), "x") == "naïve café"
    # UTF-8 with a few damaged bytes in the middle stays UTF-8
    text = "Acme \u2014 revenue \u201cgrew\u201d to \u20ac5 billion. " * 30
    damaged = text.encode("utf-8").replace("\u20ac".encode("utf-8"), b"\xe2\x82", 1)
    assert decode(damaged, "x").count("\u2014") == 30
    # Mac Roman is never guessed: refused, or (if ever decoded) decoded right
    french = "Les r\u00e9sultats \u00e9taient \u201cbons\u201d \u2014 la soci\u00e9t\u00e9 a gagn\u00e9. "
    for sample in (french, french * 50):
        try:
            out: str | None = decode(sample.encode("mac_roman"), "x")
        except InputError:
            out = None
        assert out is None or out == sample
    # Polish in cp1250 and Russian in cp1251 are read right, not as cp1252 symbols
    polish = "Spółka zwiększyła przychody o 5% w źródłach. " * 5
    assert decode(polish.encode("cp1250"), "x") == polish
    russian = "Выручка компании выросла на 5% в третьем квартале. " * 5
    assert decode(russian.encode("cp1251"), "x") == russian


@pytest.mark.parametrize("seed", range(6))
def test_random_bytes_named_txt_are_refused_as_binary(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    alphabets = [list(range(256)), list(range(32, 256)), [*range(32, 127), *range(160, 256)], list(range(128, 256))]
    data = bytes(rng.choice(alphabets[seed % 4]) for _ in range(4096))
    if seed >= 4:
        data = (b"\xff\xfe", b"\xef\xbb\xbf")[seed % 2] + data[2:]
    (tmp_path / "binary.txt").write_bytes(data)
    result = run_cli("ingest", str(tmp_path / "binary.txt"), "--store", str(tmp_path / "s"))
    _no_traceback(result.stderr)
    assert result.returncode == 1, result.stdout
    assert "skipped: " in result.stderr and "binary" in result.stderr, result.stderr


# --- item 8: folders, links, special files -----------------------------------------------------------------------

@pytest.fixture()
def open_tmp() -> Iterator[Path]:
    """A temporary folder that an unprivileged user can reach (pytest's own is private to its user)."""
    import shutil
    import tempfile

    path = Path(tempfile.mkdtemp(prefix="claimgraph-test-"))
    path.chmod(0o755)
    yield path
    for p in path.rglob("*"):
        if p.is_dir() and not p.is_symlink():
            p.chmod(0o755)
    shutil.rmtree(path, ignore_errors=True)


def test_links_and_unreadable_folders_are_reported(open_tmp: Path) -> None:
    tmp_path = open_tmp
    root = tmp_path / "in"
    _good_files(root, 2)
    (root / "loop").mkdir()
    (root / "loop" / "back").symlink_to(root, target_is_directory=True)
    (root / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (root / "self").symlink_to(root / "self")
    locked = root / "locked"
    locked.mkdir()
    os.chmod(tmp_path, 0o755)
    (locked / "x.txt").write_text(GOOD.format(n=7), encoding="utf-8")
    locked.chmod(0)
    try:
        results = list(read_inputs([str(root)]))
        errors = [r.error or "" for r in results if r.error]
        assert any("dangling.txt" in e and "link" in e for e in errors), errors
        assert any("back" in e and "loop" in e for e in errors), errors
        assert any("self" in e for e in errors), errors
        assert sum(1 for r in results if r.document) == 2 + (1 if os.geteuid() == 0 else 0)
        out = run_unprivileged("extract", str(root), "--format", "json", timeout=120)
        _no_traceback(out.stderr)
        assert out.returncode == 1
        assert any(x.startswith("skipped: ") and "locked" in x and "permission" in x
                   for x in out.stderr.splitlines()), out.stderr
        shown = [json.loads(x) for x in out.stdout.splitlines()]
        assert len(shown) == 2 and all(r["claims"] for r in shown), "the readable articles are still shown"
    finally:
        locked.chmod(0o755)


def test_fifo_and_devices_are_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "in" / "pipe.txt"
    _good_files(tmp_path / "in", 1)
    os.mkfifo(fifo)
    result = run_cli("extract", str(tmp_path / "in"), "/dev/zero", "/dev/null", str(fifo), "--format", "json")
    _no_traceback(result.stderr)
    assert result.returncode == 1
    skipped = [x for x in result.stderr.splitlines() if x.startswith("skipped:")]
    assert any("/dev/zero" in x and "not a regular file" in x for x in skipped), skipped
    assert sum("pipe.txt" in x for x in skipped) == 2, skipped
    assert len(result.stdout.splitlines()) == 1


def test_read_with_a_cap_whatever_the_reported_size(tmp_path: Path) -> None:
    from claimgraph.sources.paths import read_capped

    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 5000)
    assert len(read_capped(path, 100)) == 101
    assert read_capped(path, 10_000) == b"x" * 5000


def test_ingest_dot_never_reads_the_store(tmp_path: Path) -> None:
    _good_files(tmp_path, 2)
    first = run_cli("ingest", ".", "--workers", "1", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    (tmp_path / "mystore").mkdir()
    second = run_cli("ingest", ".", "--store", "mystore", "--workers", "1", cwd=tmp_path)
    third = run_cli("ingest", ".", "--store", "mystore", "--workers", "1", cwd=tmp_path)
    for r in (second, third):
        _no_traceback(r.stderr)
        assert r.returncode == 0, r.stderr
        assert "skipped" not in r.stderr
    assert "0 articles added" in third.stdout and "2 unchanged" in third.stdout


def test_over_long_file_name_does_not_abort_the_run(tmp_path: Path) -> None:
    _good_files(tmp_path / "in", 2)
    result = run_cli("ingest", "a" * 300 + ".txt", str(tmp_path / "in"), "--store", str(tmp_path / "s"))
    _no_traceback(result.stderr)
    assert result.returncode == 1 and "2 articles added" in result.stdout
    assert any(x.startswith("skipped: aaaa") and "too long" in x for x in result.stderr.splitlines()), result.stderr


# --- item 8: a hung endpoint -----------------------------------------------------------------------------------------

def test_hung_endpoint_times_out(tmp_path: Path) -> None:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    port = server.getsockname()[1]
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = server.accept()
                held.append(conn)  # never answer
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        import subprocess
        import sys
        import time

        env = {**os.environ, "CLAIMGRAPH_TIMEOUT": "2"}
        start = time.monotonic()
        out = subprocess.run([sys.executable, "-m", "claimgraph", "articles", "--store",
                              f"http://127.0.0.1:{port}/sparql"], capture_output=True, text=True, env=env, timeout=60)
        took = time.monotonic() - start
        _no_traceback(out.stderr)
        assert out.returncode == 1 and took < 20
        assert "did not answer within 2" in out.stderr and "CLAIMGRAPH_TIMEOUT" in out.stderr
    finally:
        stop.set()
        thread.join()
        for c in held:
            c.close()
        server.close()
