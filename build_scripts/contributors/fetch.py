"""`add --url`: fetch a transcript's web page on the contributor's machine, or say in one line why not.

The page is taken as the server sends it (the bytes are stored unchanged by `add`),
after redirects, with the address it was finally found at and the day. Anything
but an HTML answer of at most MAX_PAGE_BYTES is refused, so nothing half-right
reaches the corpus.
"""
from __future__ import annotations

import datetime as dt
import http.client
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from ..pipeline.read import MAX_TRANSCRIPT_BYTES

MAX_PAGE_BYTES = MAX_TRANSCRIPT_BYTES  # 5 MB: the corpus takes no larger file
TIMEOUT = 30  # seconds without an answer before giving up
USER_AGENT = "lavrov-kazakhstan-archive/1.0 (transcript archive; make add URL=...)"  # headers are ASCII
URL_SAFE = ":/?#[]@!$&'()*+,;=%~"  # reserved characters and existing %-escapes stay as they are
HTML_TYPES = ("text/html", "application/xhtml+xml")
SAVE_IT = ("save the page in your browser (File › Save Page As…, \"Web Page, HTML only\") "
           "and run `make add FILE=page.html`")


class FetchError(Exception):
    """The page could not be fetched or is not one the archive takes: what happened, and what to do."""

    def __init__(self, what: str, hint: str):
        self.what, self.hint = what, hint
        super().__init__(f"{what} — {hint}")


@dataclass(frozen=True)
class Page:
    """A fetched web page."""

    url: str  # where it was found, after redirects
    body: bytes  # exactly as the server sent it
    retrieved: str  # the day, YYYY-MM-DD


def fetch_page(url: str, timeout: float = TIMEOUT) -> Page:
    """Return the HTML page at `url`, or raise FetchError saying why not."""
    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
        raise FetchError(f"{url!r} is not a web address", "give the full address starting with https://")
    # An address copied from the browser may hold non-ASCII letters (/новости/); HTTP wants them %-encoded.
    request = urllib.request.Request(quote(url, safe=URL_SAFE), headers={"User-Agent": USER_AGENT, "Accept": "text/html"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            final = response.geturl()
            _check_headers(final, response.headers)
            body = response.read(MAX_PAGE_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{exc.geturl() or url} answered HTTP {exc.code} {exc.reason}",
                         "check the address in a browser") from None
    except (ValueError, http.client.InvalidURL) as exc:
        raise FetchError(f"{url!r} is not a usable web address ({exc})", "copy the address from the browser") from None
    except urllib.error.URLError as exc:
        raise FetchError(_unreachable(url, exc.reason, timeout), SAVE_IT) from None
    except (TimeoutError, socket.timeout, ConnectionError) as exc:  # while reading the body
        raise FetchError(_unreachable(url, exc, timeout), SAVE_IT) from None
    if len(body) > MAX_PAGE_BYTES:
        raise FetchError(*_too_big(final))
    return Page(final, body, dt.date.today().isoformat())


def _check_headers(url: str, headers) -> None:
    """Refuse an answer that is not an HTML page the archive can store as sent."""
    kind = headers.get_content_type() if headers.get("Content-Type") else None
    if kind not in HTML_TYPES:
        raise FetchError(f"{url} is not a web page: its Content-Type is {headers.get('Content-Type') or 'not given'}",
                         "give the address of the transcript's HTML page")
    encoding = headers.get("Content-Encoding", "identity").strip().lower()
    if encoding != "identity":
        raise FetchError(f"{url} sent the page compressed ({encoding}) although it was not asked to", SAVE_IT)
    length = headers.get("Content-Length", "")
    if length.isdigit() and int(length) > MAX_PAGE_BYTES:
        raise FetchError(*_too_big(url))


def _too_big(url: str) -> tuple[str, str]:
    return (f"{url} is larger than {MAX_PAGE_BYTES // 1_000_000} MB, far more than a transcript",
            "check the address, or save the transcript's text alone and run `make add FILE=…`")


def _unreachable(url: str, reason: object, timeout: float) -> str:
    """The offline message: what failed, and the likeliest cause."""
    host = urlsplit(url).hostname
    if isinstance(reason, (TimeoutError, socket.timeout)):
        why = f"no answer from {host} within {timeout:g} s"
    elif isinstance(reason, socket.gaierror):
        why = f"cannot look up {host}"
    elif isinstance(reason, ConnectionRefusedError):
        why = f"{host} refused the connection"
    else:
        why = f"cannot reach {host} ({getattr(reason, 'strerror', None) or reason})"
    return f"{why}: the network is unreachable or this computer is offline"
