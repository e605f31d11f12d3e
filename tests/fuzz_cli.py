"""A fuzz campaign that drives the command line itself and counts tracebacks and lost good inputs.

Each round, from one seed:

* **inputs**: a folder of good articles under hostile names (newlines, quotes, leading dashes, undecodable bytes,
  long names) and encodings (UTF-8, with a byte-order mark, cp1252, a character cut at the end), JSON and JSONL
  files mixing good records with records of random wrong shapes, and bad inputs beside them (random bytes, empty
  files, FIFOs, broken and looping links, unsupported types); ``ingest`` and ``extract`` must store or show every
  good input and report every bad one;
* **arguments**: every command with random bad option values;
* **store states**: missing, empty, foreign, a file, corrupt, half-created, locked by a writer;
* **concurrency**: readers (``articles``, ``claims``, ``query``, ``export``, ``conflicts``) while an ingest writes;
  each must work or say "the store is being written; retry or pass --wait".

A traceback (or an ``internal error`` line) anywhere, a good input not stored, or an exit code outside the
expected ones is counted. Run a larger campaign with ``python -m tests.fuzz_cli --seeds 1-20``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BUSY = "the store is being written"
GOOD = ("{title}\nBy Jane Doe\n{company} reported revenue of ${v} billion in Q3 2025, up {p}% year over year. "
        "Its backlog was ${b} billion at quarter-end.\n")


@dataclass
class Stats:
    """What a campaign saw."""

    runs: int = 0
    tracebacks: int = 0
    lost: int = 0
    unexpected_exit: int = 0
    good_inputs: int = 0
    bad_inputs: int = 0
    busy_reads: int = 0
    problems: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "problems"} | {"problems": self.problems[:20]}


def _short(args: tuple[str, ...]) -> str:
    return repr(tuple(a if len(a) < 60 else a[:40] + f"…({len(a)} chars)" for a in args))


class Campaign:
    """One seeded campaign in a scratch folder."""

    def __init__(self, seed: int, root: Path, stats: Stats) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.root = root
        self.stats = stats

    # --- running commands ---------------------------------------------------------------------------------------

    def run(self, *args: str, cwd: Path | None = None, ok: tuple[int, ...] = (0, 1, 2), stdin: bytes | None = None,
            env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess[bytes]:
        self.stats.runs += 1
        try:
            result = subprocess.run([sys.executable, "-m", "claimgraph", *args], capture_output=True,
                                    cwd=cwd or self.root, input=stdin, timeout=timeout,
                                    env={**os.environ, **(env or {})})
        except subprocess.TimeoutExpired:
            self.problem(f"hang: {_short(args)}")
            self.stats.unexpected_exit += 1
            return subprocess.CompletedProcess(args, -1, b"", b"")
        err = result.stderr.decode("utf-8", "replace")
        if "Traceback" in err or "internal error" in err:
            self.stats.tracebacks += 1
            self.problem(f"traceback: {_short(args)}: {err.strip().splitlines()[-1][:200]}")
        if result.returncode not in ok:
            self.stats.unexpected_exit += 1
            self.problem(f"exit {result.returncode}: {_short(args)}: {err.strip()[:200]}")
        if result.returncode == 1 and err.strip():
            lines = [x for x in err.splitlines() if x.strip()]
            if not all(x.startswith(("Error: ", "skipped: ", "warning: ")) for x in lines):
                self.stats.unexpected_exit += 1
                self.problem(f"not one-line errors: {_short(args)}: {err.strip()[:200]}")
        return result

    def problem(self, text: str) -> None:
        self.stats.problems.append(f"seed {self.seed}: {text[:400]}")

    # --- generators ---------------------------------------------------------------------------------------------

    def name(self, n: int) -> bytes:
        """A hostile but creatable file name (bytes), unique by ``n``."""
        pieces = [b"plain", "caf\u00e9 \u2014 \u201cq\u201d".encode(), b"new\nline", b"tab\tand 'quote' \"dq\"",
                  b"-leading-dash", b"bad\xff\xfe", b"back\\slash", "\u540d\u524d".encode(), b"semi;colon $x `y`",
                  b"a" * 150, b" spaced ", b"%2F percent", "\u202eevil".encode(), b"ctl\x01\x1f"]
        return self.rng.choice(pieces) + b"-" + str(n).encode() + b".txt"

    def good_text(self, marker: str) -> tuple[str, bytes]:
        """A good article whose title holds ``marker``, in a random acceptable encoding."""
        company = self.rng.choice(["Acme Corp", "Beta Inc", "Gamma Holdings", "Société Générale", "Zeta Ltd"])
        title = f"{marker} results"
        text = GOOD.format(title=title, company=company, v=self.rng.randint(1, 90), p=self.rng.randint(1, 40),
                           b=self.rng.randint(10, 99))
        how = self.rng.choice(["utf8", "bom", "cp1252", "cut", "crlf", "quotes"])
        if how == "bom":
            return title, b"\xef\xbb\xbf" + text.encode()
        if how == "cp1252":
            return title, text.replace("Jane Doe", "Zo\u00eb Caf\u00e9").encode("cp1252")
        if how == "cut":
            return title, (text + " \u2014 more \u201cquoted\u201d \u2014").encode()[:-1]
        if how == "crlf":
            return title, text.replace("\n", "\r\n").encode()
        return title, (text + ' Quotes " and \\ and <b>tags</b> and \u2028 separators.\n').encode()

    def good_record(self, rid: str) -> dict[str, Any]:
        company = self.rng.choice(["Acme Corp", "Beta Inc", "Gamma Holdings"])
        record: dict[str, Any] = {"id": rid, "title": f"Record {rid}\nwith a newline",
                                  "text": f"{company} reported revenue of ${self.rng.randint(1, 90)} billion in 2024 "
                                          f"(record {rid})."}
        extras = {"authors": self.rng.choice(["Ann Lee", ["Ann Lee", {"name": "Bo Chan", "evil": 1}],
                                              {"name": "Cy Do"}]),
                  "publisher": self.rng.choice(["Wire\r\nService", {"name": "Wire"}]),
                  "url": f"https://news.example/{rid}?a=\"b\"", "published": "2025-03-31"}
        for key, value in extras.items():
            if self.rng.random() < 0.5:
                record[key] = value
        return record

    def bad_record(self, rid: str) -> Any:
        """A record with one field of a wrong type (or not an object at all)."""
        wrong: dict[str, list[Any]] = {
            "authors": [5, -1.5, True, [1, 2], {"x": 1}, [{"nom": "x"}], [["nested"]], {"name": 5}, [None]],
            "publisher": [5, True, [], ["a"], {"x": 1}, {"name": 5}],
            "title": [5, -1.5, True, [], {}, ["a"]], "published": [20240101, [], {"y": 2024}],
            "url": [5, ["https://x"], {}], "text": [5, True, [], {"x": 1}], "id": [True, 1.5, [], {}, ["a"]],
        }
        key = self.rng.choice([*wrong, "whole"])
        if key == "whole":
            return self.rng.choice([[1, 2], "string", 42, None])
        record = self.good_record(rid)
        record[key] = self.rng.choice(wrong[key])
        return record

    # --- rounds -------------------------------------------------------------------------------------------------

    def inputs(self) -> None:
        folder = self.root / "inputs"
        folder.mkdir()
        good: list[str] = []
        bad = 0
        for n in range(self.rng.randint(6, 12)):
            marker = f"Good{self.seed}x{n}"
            title, data = self.good_text(marker)
            path = os.path.join(os.fsencode(folder), self.name(n))
            with open(path, "wb") as fh:
                fh.write(data)
            good.append(title)
        records: list[str] = []
        lines = []
        for n in range(self.rng.randint(3, 8)):
            rid = f"r{self.seed}x{n}"
            if self.rng.random() < 0.5:
                lines.append(json.dumps(self.good_record(rid)))
                records.append(rid)
            else:
                lines.append(json.dumps(self.bad_record(rid)))
                bad += 1
        if self.rng.random() < 0.5:
            lines.insert(self.rng.randint(0, len(lines)), "{broken json")
            bad += 1
        (folder / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        listed = []
        for n in range(self.rng.randint(1, 4)):
            rid = f"j{self.seed}x{n}"
            if self.rng.random() < 0.6:
                listed.append(self.good_record(rid))
                records.append(rid)
            else:
                listed.append(self.bad_record(rid))
                bad += 1
        (folder / "list.json").write_text(json.dumps(listed, indent=1), encoding="utf-8")
        bad += self.bad_files(folder)
        self.stats.good_inputs += len(good) + len(records)
        self.stats.bad_inputs += bad
        store = self.root / "s-inputs"
        result = self.run("ingest", str(folder), "--store", str(store), "--workers", str(self.rng.choice([1, 2])),
                          ok=(1,) if bad else (0,))
        skipped = [x for x in result.stderr.decode("utf-8", "replace").splitlines() if x.startswith("skipped: ")]
        if len(skipped) < bad:
            self.problem(f"{bad} bad inputs but {len(skipped)} skipped lines")
            self.stats.unexpected_exit += 1
        self.check_stored(store, good, records)
        shown = self.run("extract", str(folder), "--format", "json", ok=(1,) if bad else (0,))
        out = shown.stdout.decode("utf-8", "replace")
        for title in good:
            if json.dumps(title) not in out:
                self.stats.lost += 1
                self.problem(f"extract lost {title!r}")

    def bad_files(self, folder: Path) -> int:
        """Bad inputs beside the good ones; returns how many must be reported."""
        count = 0
        choices = ["random", "empty", "fifo", "dangling", "loop", "docx", "nul", "html", "latin-junk"]
        for n, kind in enumerate(self.rng.sample(choices, self.rng.randint(3, len(choices)))):
            path = folder / f"bad-{kind}-{n}.txt"
            if kind == "random":
                path.write_bytes(bytes(self.rng.randrange(128, 256) for _ in range(2048)))
            elif kind == "empty":
                path.write_bytes(b"  \n")
            elif kind == "fifo":
                os.mkfifo(path)
            elif kind == "dangling":
                path.symlink_to(folder / "nowhere.txt")
            elif kind == "loop":
                (folder / f"loop{n}").symlink_to(folder, target_is_directory=True)
            elif kind == "docx":
                (folder / f"bad-{n}.docx").write_bytes(b"PK\x03\x04junk")
            elif kind == "nul":
                path.write_bytes(b"text\x00with\x00nul" * 10)
            elif kind == "html":
                (folder / f"bad-{n}.html").write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
            else:
                path.write_bytes(bytes(self.rng.choice(b"\xa4\xa6\xa8\xac\xaf\xb4\xb8 abc") for _ in range(600)))
            count += 1
        return count

    def check_stored(self, store: Path, titles: list[str], records: list[str]) -> None:
        result = self.run("articles", "--store", str(store), "--format", "json", ok=(0,))
        try:
            rows = json.loads(result.stdout or b"[]")
        except ValueError:
            self.problem("articles printed no JSON")
            self.stats.lost += len(titles) + len(records)
            return
        stored_titles = {str(r.get("title")) for r in rows}
        stored_ids = {str(r.get("record_id")) for r in rows}
        for title in titles:
            if title not in stored_titles:
                self.stats.lost += 1
                self.problem(f"lost {title!r}")
        for rid in records:
            if rid not in stored_ids:
                self.stats.lost += 1
                self.problem(f"lost record {rid}")

    def arguments(self) -> None:
        """Every command with random bad option values: a usage error or one-line error, never a traceback."""
        store = self.root / "s-args"
        self.run("ingest", "-", "--store", str(store), stdin=b"Acme results\nAcme Corp reported revenue of $5 billion.")
        junk = ["", "-", "--", "\x01x", "x" * 5000, "\U0001f600", "../../etc/passwd", "/dev/zero", "ftp://x/y",
                "http://[::1", "http://127.0.0.1:1/sparql", "memory", "-1", "99999999999999999999", "nan", "1e400",
                "a=b", "=", "NAME=", "company=urn:a b", "bad\udcff".encode("utf-8", "surrogateescape").decode(
                    "utf-8", "replace"), "SELECT", "SELECT * WHERE {", "LOAD <http://127.0.0.1:1/x>",
                str(self.root), str(self.root / "missing"), "xml", "pdf", "2025-13-45"]
        commands = [
            ["ingest", "{j}"], ["ingest", "-", "--input-format", "{j}"], ["ingest", "-", "--published", "{j}"],
            ["ingest", "-", "--max-bytes", "{j}"], ["ingest", "-", "--workers", "{j}"], ["extract", "{j}"],
            ["articles", "--format", "{j}"], ["claims", "--company", "{j}"], ["claims", "--metric", "{j}"],
            ["claims", "--period", "{j}"], ["query", "{j}"], ["query", "timeline", "--param", "{j}"],
            ["query", "SELECT * WHERE { ?s ?p ?o }", "--limit", "{j}"], ["query", "claims", "--format", "{j}"],
            ["update", "{j}"], ["timeline", "{j}", "revenue"], ["timeline", "Acme", "{j}"],
            ["conflicts", "--format", "{j}"], ["resolve", "--format", "{j}"], ["export", "--format", "{j}"],
            ["export", "--output", "{j}"], ["view", "--output", "{j}", "--no-open"], ["view", "--max-claims", "{j}",
                                                                                     "--no-open"],
            ["view", "--company", "{j}", "--no-open"], ["import-claims", "{j}"], ["serve", "--port", "{j}"],
            ["queries", "--format", "{j}"], ["demo", "--store", "{j}", "--no-open"],
        ]
        for command in self.rng.sample(commands, min(len(commands), self.rng.randint(10, 16))):
            value = self.rng.choice(junk)
            args = [a.replace("{j}", value) for a in command]
            if command[0] == "serve" and value in ("0", "memory"):
                continue
            uses_store = command[0] not in ("extract", "queries", "demo")
            env = {"CLAIMGRAPH_TIMEOUT": "2"}
            stdin = b"Acme results\nAcme Corp reported revenue of $5 billion." if "-" in args else b""
            self.run(*args, *(["--store", str(store)] if uses_store else []), stdin=stdin, env=env,
                     cwd=self.root / "args-cwd", timeout=120)

    def store_states(self) -> None:
        """Read and write commands against broken and odd stores."""
        article = self.root / "one.txt"
        article.write_text(GOOD.format(title="State article", company="Acme Corp", v=5, p=3, b=40), encoding="utf-8")
        states: dict[str, Path] = {}
        base = self.root / "states"
        base.mkdir()
        states["missing"] = base / "missing"
        (base / "empty").mkdir()
        states["empty"] = base / "empty"
        (base / "foreign").mkdir()
        (base / "foreign" / "notes.md").write_text("mine", encoding="utf-8")
        states["foreign"] = base / "foreign"
        (base / "file").write_text("x", encoding="utf-8")
        states["file"] = base / "file"
        good = base / "good"
        self.run("ingest", str(article), "--store", str(good), ok=(0,))
        corrupt = base / "corrupt"
        shutil.copytree(good, corrupt)
        victims = [f for f in corrupt.iterdir() if f.name.startswith(("MANIFEST", "CURRENT", "OPTIONS"))
                   or f.suffix == ".sst"]
        for f in self.rng.sample(victims, max(1, len(victims) // 2)):
            f.write_bytes(self.rng.randbytes(self.rng.randint(0, 300)))
        states["corrupt"] = corrupt
        partial = base / "partial"
        partial.mkdir()
        (partial / "LOCK").write_bytes(b"")
        (partial / "IDENTITY").write_text("x", encoding="utf-8")
        states["partial"] = partial
        for label, path in states.items():
            existed = path.exists()
            for command in self.rng.sample([["articles"], ["claims"], ["conflicts"], ["export"], ["timeline", "Acme",
                                            "revenue"], ["query", "SELECT * WHERE { ?s ?p ?o } LIMIT 1"],
                                            ["ingest", str(article)], ["update", "INSERT DATA { GRAPH <x:g> "
                                                                                  "{ <x:a> <x:b> <x:c> } }"]], 4):
                result = self.run(*command, "--store", str(path))
                if label == "foreign" and sorted(os.listdir(path)) != ["notes.md"]:
                    self.problem("wrote into a foreign folder")
                    self.stats.lost += 1
                if not existed and command[0] not in ("ingest", "update") and path.exists():
                    self.problem(f"{command[0]} created a store")
                    self.stats.unexpected_exit += 1
                existed = path.exists()
                del result

    def concurrency(self) -> None:
        """Readers while an ingest writes: each works or says the store is being written."""
        folder = self.root / "many"
        folder.mkdir()
        count = self.rng.randint(120, 200)
        for n in range(count):
            text = GOOD.format(title=f"Many{self.seed}x{n}", company="Acme Corp", v=n % 90 + 1, p=n % 30, b=n % 80 + 10)
            text += " ".join(f"Acme Corp said segment {k} revenue was ${k + 1}.{k} million in Q{k % 4 + 1} 2025."
                             for k in range(20))
            (folder / f"{n:04d}.txt").write_text(text, encoding="utf-8")
        store = self.root / "s-busy"
        self.run("ingest", str(folder / "0000.txt"), "--store", str(store), ok=(0,))
        # --wait: a reader that stores its analysis (conflicts) may hold the lock for a moment
        writer = subprocess.Popen([sys.executable, "-m", "claimgraph", "ingest", str(folder), "--store", str(store),
                                   "--workers", "1", "--wait"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        readers = [["articles", "--format", "json"], ["claims", "--format", "json"],
                   ["query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "json"],
                   ["export", "--format", "nquads"], ["conflicts", "--format", "json"]]
        deadline = time.monotonic() + 90
        while writer.poll() is None and time.monotonic() < deadline:
            command = self.rng.choice(readers)
            result = self.run(*command, "--store", str(store), ok=(0, 1))
            err = result.stderr.decode("utf-8", "replace")
            if result.returncode == 1:
                if BUSY in err and "retry or pass --wait" in err:
                    self.stats.busy_reads += 1
                else:
                    self.problem(f"reader failed: {command[0]}: {err.strip()[:200]}")
                    self.stats.unexpected_exit += 1
            elif command[-1] == "json":
                try:
                    json.loads(result.stdout)
                except ValueError:
                    self.problem(f"reader printed broken JSON: {command[0]}")
                    self.stats.unexpected_exit += 1
        _, errors = writer.communicate(timeout=600)
        if writer.returncode != 0:
            self.problem(f"writer failed: {errors.decode('utf-8', 'replace')[-200:]}")
            self.stats.unexpected_exit += 1
        self.stats.good_inputs += count
        self.check_stored(store, [f"Many{self.seed}x{n}" for n in range(count)], [])


def run_campaign(seeds: list[int], *, rounds: tuple[str, ...] = ("inputs", "arguments", "store_states",
                                                                  "concurrency")) -> Stats:
    """Run the campaign for each seed; returns the counts."""
    stats = Stats()
    for seed in seeds:
        root = Path(tempfile.mkdtemp(prefix=f"claimgraph-fuzz-{seed}-"))
        (root / "args-cwd").mkdir()
        try:
            campaign = Campaign(seed, root, stats)
            for name in rounds:
                getattr(campaign, name)()
        finally:
            shutil.rmtree(root, ignore_errors=True)
    return stats


def _seeds(text: str) -> list[int]:
    if "-" in text:
        a, b = text.split("-", 1)
        return list(range(int(a), int(b) + 1))
    return [int(x) for x in text.split(",")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seeds", default="1", help="seeds: 1-20 or 1,5,9")
    parser.add_argument("--rounds", default="inputs,arguments,store_states,concurrency")
    args = parser.parse_args()
    start = time.monotonic()
    stats = run_campaign(_seeds(args.seeds), rounds=tuple(args.rounds.split(",")))
    print(json.dumps(stats.to_json() | {"seconds": round(time.monotonic() - start, 1)}, indent=2,
                     ensure_ascii=False))


if __name__ == "__main__":
    main()

__all__ = ["Stats", "run_campaign"]
