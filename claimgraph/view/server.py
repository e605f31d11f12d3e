"""``claimgraph serve``: the view and its exports over HTTP on 127.0.0.1 only.

Routes: ``/`` the graph view, ``/conflicts.json``, ``/claims.json``, ``/articles.json``,
``/export.trig`` and ``/export.nq``. Each page is built from the store when requested.
"""

from __future__ import annotations

import errno
import io
import json
import tempfile
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from claimgraph.errors import ConfigError
from claimgraph.graph.store import Store


def _routes(store: Store) -> dict[str, tuple[str, Callable[[], bytes]]]:
    from claimgraph.analysis.analyse import analyse, conflicts_report
    from claimgraph.graph.catalog import list_articles, list_claims
    from claimgraph.graph.export import Format, export
    from claimgraph.view.page import write_view

    def page() -> bytes:
        with tempfile.TemporaryDirectory() as tmp:
            path, _, _ = write_view(store, Path(tmp) / "view.html")
            return path.read_bytes()

    def dump(fmt: Format) -> Callable[[], bytes]:
        def run() -> bytes:
            buf = io.BytesIO()
            export(store, buf, fmt=fmt)
            return buf.getvalue()
        return run

    def as_json(fn: Callable[[], Any]) -> Callable[[], bytes]:
        return lambda: json.dumps(fn(), ensure_ascii=False, indent=2, default=str).encode("utf-8")

    return {
        "/": ("text/html; charset=utf-8", page),
        "/conflicts.json": ("application/json", as_json(lambda: conflicts_report(analyse(store, write=False),
                                                                                  include_all=True))),
        "/claims.json": ("application/json", as_json(lambda: list_claims(store))),
        "/articles.json": ("application/json", as_json(lambda: list_articles(store))),
        "/export.trig": ("application/trig", dump(Format.TRIG)),
        "/export.nq": ("application/n-quads", dump(Format.NQUADS)),
    }


def make_server(store: Store, port: int = 0) -> ThreadingHTTPServer:
    """An HTTP server bound to 127.0.0.1 (``port`` 0 picks a free port).

    :raises ConfigError: for a port out of range, in use or not allowed.
    """
    routes = _routes(store)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            route = routes.get(self.path.split("?", 1)[0])
            if route is None:
                self.send_error(404, "not found; try / or /conflicts.json")
                return
            ctype, build = route
            try:
                body = build()
            except Exception as exc:  # report to the client, keep serving
                self.send_error(500, f"{type(exc).__name__}")
                del exc
                return
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            return

    if not 0 <= port <= 65535:
        raise ConfigError(f"port {port} is out of range; pass a --port from 1 to 65535 (0 picks a free one)")
    try:
        return ThreadingHTTPServer(("127.0.0.1", port), Handler)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise ConfigError(f"port {port} on 127.0.0.1 is in use; pass another --port (0 picks a free one)") from None
        if exc.errno == errno.EACCES:
            raise ConfigError(f"port {port} needs privileges; pass a --port above 1023 (0 picks a free one)") from None
        raise ConfigError(f"cannot serve on 127.0.0.1:{port} ({exc.strerror or exc}); pass another --port") from None


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
