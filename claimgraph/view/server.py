"""``claimgraph serve``: the view and its exports over HTTP on 127.0.0.1 only, reading the store only.

Routes: ``/`` the graph view, ``/conflicts.json``, ``/claims.json``, ``/articles.json``, ``/export.trig`` and
``/export.nq``. Each answer is built from the store when requested.

* **Read-only.** An embedded store is opened read-only for each request (so that a parallel ``ingest`` keeps
  its write lock, and each answer sees what has been committed); nothing is written, not even the analysis.
* **Host check.** Only requests whose ``Host`` header names the address the server listens on
  (``127.0.0.1:PORT`` or ``localhost:PORT``) are answered; any other gets 421, so a web page that rebinds
  its own DNS name to 127.0.0.1 cannot read the store.
* **Content-Security-Policy** without ``'unsafe-inline'``: the page's inline script and style are allowed by
  their SHA-256 hashes only, and the JSON and exports may not run anything.
"""

from __future__ import annotations

import errno
import io
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from claimgraph.errors import ConfigError
from claimgraph.graph.store import OxigraphStore, Store, open_store

Answer = tuple[str, bytes, str]  # content type, body, Content-Security-Policy
STRICT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"


@contextmanager
def _reading(store: Store) -> Iterator[Store]:
    """A read-only view of ``store`` for one request: a fresh read-only handle for an embedded store."""
    if isinstance(store, OxigraphStore):
        fresh = open_store(str(store.path), read_only=True)
        try:
            yield fresh
        finally:
            fresh.close()
    else:
        yield store


def _conflicts(store: Store) -> Any:
    """Every group: the stored analysis when the store keeps one, else a fresh analysis in memory."""
    from claimgraph.analysis.analyse import analyse, conflicts_report
    from claimgraph.analysis.kept import stored_report
    from claimgraph.errors import StoreError

    try:
        return stored_report(store, "conflicts", include_all=True)
    except StoreError:
        return conflicts_report(analyse(store, write=False), include_all=True)


def _routes() -> dict[str, Callable[[Store], Answer]]:
    from claimgraph.graph.catalog import list_articles, list_claims
    from claimgraph.graph.export import Format, export
    from claimgraph.view.page import make_page

    def page(store: Store) -> Answer:
        built = make_page(store)
        return "text/html; charset=utf-8", built.html.encode("utf-8"), built.csp + "; frame-ancestors 'none'"

    def dump(fmt: Format, ctype: str) -> Callable[[Store], Answer]:
        def run(store: Store) -> Answer:
            buf = io.BytesIO()
            export(store, buf, fmt=fmt)
            return ctype, buf.getvalue(), STRICT_CSP
        return run

    def as_json(fn: Callable[[Store], Any]) -> Callable[[Store], Answer]:
        def run(store: Store) -> Answer:
            body = json.dumps(fn(store), ensure_ascii=False, indent=2, default=str).encode("utf-8")
            return "application/json", body, STRICT_CSP
        return run

    return {
        "/": page,
        "/conflicts.json": as_json(_conflicts),
        "/claims.json": as_json(list_claims),
        "/articles.json": as_json(list_articles),
        "/export.trig": dump(Format.TRIG, "application/trig"),
        "/export.nq": dump(Format.NQUADS, "application/n-quads"),
    }


def allowed_hosts(port: int) -> set[str]:
    """The ``Host`` header values the server answers (the address it listens on).

    >>> sorted(allowed_hosts(8765))
    ['127.0.0.1:8765', 'localhost:8765']
    """
    return {f"127.0.0.1:{port}", f"localhost:{port}"}


def make_server(store: Store, port: int = 0) -> ThreadingHTTPServer:
    """An HTTP server bound to 127.0.0.1 (``port`` 0 picks a free port).

    :raises ConfigError: for a port out of range, in use or not allowed.
    """
    routes = _routes()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            host = (self.headers.get("Host") or "").strip().lower()
            if host not in allowed_hosts(listening_port):
                self._send(421, "text/plain; charset=utf-8", b"misdirected request: use the address printed by "
                           b"'claimgraph serve'\n", STRICT_CSP)
                return
            route = routes.get(self.path.split("?", 1)[0])
            if route is None:
                self._send(404, "text/plain; charset=utf-8", b"not found; try / or /conflicts.json\n", STRICT_CSP)
                return
            try:
                with _reading(store) as st:
                    ctype, body, csp = route(st)
            except Exception as exc:  # report to the client, keep serving
                self._send(500, "text/plain; charset=utf-8", f"error: {type(exc).__name__}\n".encode(), STRICT_CSP)
                del exc
                return
            self._send(200, ctype, body, csp)

        def do_HEAD(self) -> None:
            self._send(405, "text/plain; charset=utf-8", b"", STRICT_CSP)

        def _send(self, code: int, ctype: str, body: bytes, csp: str) -> None:
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Content-Security-Policy", csp)
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Referrer-Policy", "no-referrer")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            return

    if not 0 <= port <= 65535:
        raise ConfigError(f"port {port} is out of range; pass a --port from 1 to 65535 (0 picks a free one)")
    try:
        server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise ConfigError(f"port {port} on 127.0.0.1 is in use; pass another --port (0 picks a free one)") from None
        if exc.errno == errno.EACCES:
            raise ConfigError(f"port {port} needs privileges; pass a --port above 1023 (0 picks a free one)") from None
        raise ConfigError(f"cannot serve on 127.0.0.1:{port} ({exc.strerror or exc}); pass another --port") from None
    listening_port = int(server.server_address[1])
    return server


def serve(store: Store, *, port: int = 8765, announce: Callable[[str], None] = print) -> None:
    """Serve until interrupted."""
    server = make_server(store, port)
    announce(f"http://127.0.0.1:{server.server_address[1]}/")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
