"""Start a throwaway Virtuoso Open Source server on 127.0.0.1 for the tests (no system service)."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SYSTEM_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")


def available() -> bool:
    return shutil.which("virtuoso-t") is not None and shutil.which("isql-vt") is not None and SYSTEM_INI.exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _ini(workdir: Path, sql_port: int, http_port: int) -> str:
    text = SYSTEM_INI.read_text(encoding="utf-8")
    db = workdir / "db"
    db.mkdir(parents=True, exist_ok=True)
    # Every path under /var/lib/virtuoso-opensource-7/db moves to our own temporary folder.
    text = text.replace("/var/lib/virtuoso-opensource-7/db", str(db))
    text = re.sub(r"(?m)^ServerPort\s*=\s*1111\s*$", f"ServerPort = 127.0.0.1:{sql_port}", text)
    text = re.sub(r"(?m)^ServerPort\s*=\s*8890\s*$", f"ServerPort = 127.0.0.1:{http_port}", text)
    text = re.sub(r"(?m)^DirsAllowed\s*=.*$", f"DirsAllowed = ., {workdir}, /usr/share/virtuoso-opensource-7/vad", text)
    text = re.sub(r"(?m)^ResultSetMaxRows\s*=.*$", "ResultSetMaxRows = 1000000", text)
    text = re.sub(r"(?m)^(Load\d+\s*=)", r";\1", text)
    return text


def isql(workdir: Path, statement: str) -> subprocess.CompletedProcess[str]:
    """Run SQL as dba on the server started in ``workdir``."""
    port = re.search(r"ServerPort = 127\.0\.0\.1:(\d+)", (workdir / "virtuoso.ini").read_text(encoding="utf-8"))
    assert port is not None
    return subprocess.run(["isql-vt", f"127.0.0.1:{port.group(1)}", "dba", "dba", f"exec={statement}"],
                          capture_output=True, text=True, timeout=60, check=True)


@contextmanager
def virtuoso(workdir: Path) -> Iterator[str]:
    """A running server; yields its SPARQL endpoint URL (anonymous updates granted)."""
    sql_port, http_port = _free_port(), _free_port()
    ini = workdir / "virtuoso.ini"
    ini.write_text(_ini(workdir, sql_port, http_port), encoding="utf-8")
    log = (workdir / "server.out").open("w")
    proc = subprocess.Popen(["virtuoso-t", "+foreground", "+configfile", str(ini)], cwd=workdir, stdout=log,
                            stderr=subprocess.STDOUT)
    endpoint = f"http://127.0.0.1:{http_port}/sparql"
    try:
        deadline = time.time() + 90
        isql = ["isql-vt", f"127.0.0.1:{sql_port}", "dba", "dba"]
        # Grant before the first HTTP request: Virtuoso caches the SPARQL user's roles on first use.
        while subprocess.run([*isql, "exec=status();"], capture_output=True, timeout=30).returncode != 0:
            if proc.poll() is not None or time.time() > deadline:
                raise RuntimeError("Virtuoso did not start: " + (workdir / "server.out").read_text()[-2000:])
            time.sleep(0.5)
        subprocess.run([*isql, 'exec=GRANT SPARQL_UPDATE TO "SPARQL";'], check=True, capture_output=True, timeout=60)
        while True:
            try:
                urllib.request.urlopen(endpoint + "?query=ASK%7B%7D", timeout=5).read()
                break
            except OSError:
                if proc.poll() is not None or time.time() > deadline:
                    raise RuntimeError("Virtuoso HTTP did not start: " + (workdir / "server.out").read_text()[-2000:]) from None
                time.sleep(0.5)
        yield endpoint
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
