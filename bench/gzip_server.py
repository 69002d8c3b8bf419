"""Serve a built site the way real hosting does (gzip for text, Cache-Control,
HTTP/1.1 keep-alive) and log the bytes sent for every request: browsers' own
counters miss the search worker's script, so the server's log is the honest one."""

from __future__ import annotations

import gzip
import io
import http.server
import sys
import threading
from functools import partial
from pathlib import Path

TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml",
              "application/xml")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self):
        super().setup()
        self.wfile = _CountingWriter(self.wfile)

    def handle_one_request(self):
        before, self.raw_size = self.wfile.count, 0
        super().handle_one_request()
        if getattr(self, "path", None) and self.raw_requestline:
            self.server.log.append({"path": self.path, "sent": self.wfile.count - before,
                                    "raw": self.raw_size})

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        ctype = self.guess_type(str(path))
        if not path.is_file():
            return super().send_head()
        raw = path.read_bytes()
        self.raw_size = len(raw)
        zipped = ctype.startswith(TEXT_TYPES) and "gzip" in self.headers.get("Accept-Encoding", "")
        body = gzip.compress(raw, 6) if zipped else raw
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if zipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", "public, max-age=600")
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args):
        pass


class _CountingWriter:
    """The socket writer, counting every byte (headers and body) that goes out."""

    def __init__(self, inner):
        self.inner, self.count = inner, 0

    def write(self, data):
        self.count += len(data)
        return self.inner.write(data)

    def __getattr__(self, name):
        return getattr(self.inner, name)


def start(directory: Path, port: int = 0) -> http.server.ThreadingHTTPServer:
    """Serve directory on 127.0.0.1 in a background thread; .log lists what was sent."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port),
                                             partial(GzipHandler, directory=str(directory)))
    server.log = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


if __name__ == "__main__":
    site = start(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 8000)
    print(f"serving {sys.argv[1]} at http://127.0.0.1:{site.server_port}/", flush=True)
    threading.Event().wait()
