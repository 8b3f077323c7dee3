"""`python -m build_scripts add --url`: a web page into corpus/, against a real HTTP server on loopback.

No test contacts anything but 127.0.0.1.
"""
from __future__ import annotations

import datetime as dt
import http.server
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
PAGE = Path(__file__).parent / "fixtures" / "fetch" / "transcript-page.html"

# path -> (status, headers, body)
ROUTES = {
    "/transcript.html": (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE.read_bytes()),
    "/old-address": (301, {"Location": "/transcript.html"}, b""),
    "/gone": (404, {"Content-Type": "text/html"}, b"<p>Not here</p>"),
    "/notes.txt": (200, {"Content-Type": "text/plain; charset=utf-8"}, b"Sergey Lavrov: plain text.\n"),
    "/transcript.pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4\n"),
    "/huge.html": (200, {"Content-Type": "text/html"}, b"<p>" + b"x" * 5_000_001),
}


class Handler(http.server.BaseHTTPRequestHandler):
    seen_agents: list[str] = []

    def do_GET(self):
        status, headers, body = ROUTES.get(self.path, (404, {}, b""))
        Handler.seen_agents.append(self.headers.get("User-Agent", ""))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body))) if self.path != "/huge.html" else None
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # keep the test output quiet
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def corpus(tmp_path) -> Path:
    path = tmp_path / "corpus"
    path.mkdir()
    return path


def add_url(url: str, corpus: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k.lower() not in ("http_proxy", "https_proxy", "all_proxy")}
    env["no_proxy"] = "127.0.0.1,localhost"  # never through a proxy, even if the machine has one
    return subprocess.run([sys.executable, "-m", "build_scripts", "add", "--url", url, "--corpus", str(corpus)],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)


def stored(corpus: Path) -> Path:
    """The one page stored (its name is the generator's to choose, from what it reads in the page)."""
    pages = sorted(corpus.glob("*.html"))
    assert len(pages) == 1 and sorted(p.name for p in corpus.iterdir()) == [pages[0].name, f"{pages[0].stem}.yml"]
    return pages[0]


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed on leaving: nothing listens there


def test_page_is_stored_byte_for_byte_with_its_address_and_day(server, corpus):
    Handler.seen_agents.clear()
    result = add_url(f"{server}/transcript.html", corpus)
    assert result.returncode == 0, result.stderr
    page = stored(corpus)
    assert page.read_bytes() == PAGE.read_bytes()
    sidecar = yaml.safe_load(page.with_suffix(".yml").read_text(encoding="utf-8"))
    assert sidecar == {"source": {"url": f"{server}/transcript.html", "retrieved": dt.date.today().isoformat()}}
    assert result.stdout.startswith(f"Stored corpus/{page.name} ({PAGE.stat().st_size} bytes, exactly as in "
                                    f"{server}/transcript.html).")
    assert Handler.seen_agents == ["lavrov-kazakhstan-archive/1.0 (transcript archive; make add URL=...)"]


def test_the_sidecar_keeps_the_skeleton_comments_for_what_is_missing(server, corpus):
    assert add_url(f"{server}/transcript.html", corpus).returncode == 0
    text = stored(corpus).with_suffix(".yml").read_text(encoding="utf-8")
    assert f"source:\n  url: {server}/transcript.html\n  retrieved: '{dt.date.today().isoformat()}'\n" \
           "#   publisher: …   # not detected in the text\n" in text
    # The page states its date, so the skeleton does not ask for it.
    assert "# date:" not in text and "# source:" not in text and "#   url:" not in text


def test_redirect_is_followed_and_the_final_address_recorded(server, corpus):
    result = add_url(f"{server}/old-address", corpus)
    assert result.returncode == 0, result.stderr
    page = stored(corpus)
    assert page.read_bytes() == PAGE.read_bytes()
    sidecar = yaml.safe_load(page.with_suffix(".yml").read_text(encoding="utf-8"))
    assert sidecar["source"]["url"] == f"{server}/transcript.html"


@pytest.mark.parametrize("path, message", [
    ("/gone", "error: {server}/gone answered HTTP 404 Not Found; nothing was stored — check the address in a browser"),
    ("/notes.txt", "error: {server}/notes.txt is not a web page: its Content-Type is text/plain; charset=utf-8; "
                   "nothing was stored — give the address of the transcript's HTML page"),
    ("/transcript.pdf", "error: {server}/transcript.pdf is not a web page: its Content-Type is application/pdf; "
                        "nothing was stored — give the address of the transcript's HTML page"),
    ("/huge.html", "error: {server}/huge.html is larger than 5 MB, far more than a transcript; nothing was stored — "
                   "check the address, or save the transcript's text alone and run `make add FILE=…`"),
], ids=["404", "text-plain", "pdf", "too-big"])
def test_refused_answer_stores_nothing(server, corpus, path, message):
    result = add_url(server + path, corpus)
    assert result.returncode == 1
    assert result.stderr == message.format(server=server) + "\n"
    assert list(corpus.iterdir()) == []


def test_refused_connection_gives_the_offline_message(corpus):
    result = add_url(f"http://127.0.0.1:{closed_port()}/transcript.html", corpus)
    assert result.returncode == 1
    assert result.stderr == ("error: 127.0.0.1 refused the connection: the network is unreachable or this computer "
                             "is offline; nothing was stored — save the page in your browser (File › Save Page As…, "
                             "\"Web Page, HTML only\") and run `make add FILE=page.html`\n")
    assert list(corpus.iterdir()) == []


def test_not_a_web_address(corpus):
    result = add_url("ftp://example.org/x.html", corpus)
    assert result.returncode == 1
    assert result.stderr == ("error: 'ftp://example.org/x.html' is not a web address; nothing was stored — "
                             "give the full address starting with https://\n")


def test_a_page_saved_in_the_browser_is_stored_as_html(corpus):
    result = subprocess.run([sys.executable, "-m", "build_scripts", "add", str(PAGE), "--corpus", str(corpus)],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert [p.read_bytes() for p in corpus.glob("*.html")] == [PAGE.read_bytes()]


def test_file_and_url_together_is_a_usage_error(corpus):
    result = subprocess.run([sys.executable, "-m", "build_scripts", "add", str(PAGE), "--url", "http://127.0.0.1/",
                             "--corpus", str(corpus)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 2
    assert result.stderr.startswith("error: give either a file or --url ADDRESS")
