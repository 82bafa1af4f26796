"""A small HTTP server on the loopback interface, for parameter values given as
``http://`` URLs: the AWS CLI and our parsers fetch from the same one.

Each path names a response (``ROUTES``); any other path is a 404. The server
runs in a daemon thread for the length of a ``with`` block and answers only
127.0.0.1. ``refused_url`` is an address where nothing listens.
"""

import contextlib
import http.server
import socket
import threading
from collections.abc import Iterator

#: Path -> (status, Content-Type or None, body). ``/echo...`` answers with the
#: request target the server received (how the client encoded the URL).
ROUTES: dict[str, tuple[int, str | None, bytes]] = {
    "/body": (200, "text/plain; charset=utf-8", b"from a url\n"),
    "/json": (200, "application/json", '{"Key": "caf\u00e9"}'.encode("utf-8")),
    "/latin-1": (200, "text/plain", "caf\u00e9".encode("latin-1")),
    "/binary": (200, None, b"\xff\xfe\x00"),
    "/unknown-charset": (200, "text/plain; charset=no-such-codec", b"x"),
    "/created": (201, "text/plain", b"created"),
    "/empty": (204, None, b""),
    "/redirect": (302, None, b""),
    "/server-error": (500, "text/plain", b"oops"),
}


class _Handler(http.server.BaseHTTPRequestHandler):
    timeout = 10  # seconds a connection may sit idle

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        content_type: str | None
        if self.path.startswith("/echo"):
            status, content_type, body = 200, "text/plain; charset=utf-8", self.path.encode("utf-8")
        elif self.path == "/closed":
            # No response at all: the client sees the connection close.
            self.close_connection = True
            return
        else:
            status, content_type, body = ROUTES.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        if status == 302:
            self.send_header("Location", "/body")
        if content_type:
            self.send_header("Content-Type", content_type)
        if status != 204:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def serving() -> Iterator[str]:
    """The server's base URL (``http://127.0.0.1:PORT``) while the block runs."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def refused_url() -> str:
    """A loopback URL whose port was free a moment ago: connecting is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/nothing-listens"


@contextlib.contextmanager
def silent_server() -> Iterator[str]:
    """A loopback URL that accepts connections (in the listen backlog) and
    never answers: a client waits until its read timeout."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/silent"


@contextlib.contextmanager
def without_proxies() -> Iterator[None]:
    """Both clients honour the *_proxy variables; a loopback test needs none."""
    import os
    from unittest import mock

    names = [name for name in os.environ if name.lower() in ("http_proxy", "https_proxy", "all_proxy")]
    with mock.patch.dict(os.environ, {}):
        for name in names:
            del os.environ[name]
        yield
