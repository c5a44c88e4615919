"""A virtual user of bench/journey.py: plain ``http.client`` (a new connection a request, as
gunicorn's sync workers close each one), its own cookies (the session and CSRF cookies are
``Secure`` in production settings: a cookie jar would not send them over the benchmark's plain
HTTP), redirects not followed (each request is timed on its own), and the fields of a page's
form read back for a POST.
"""

import html
import http.client
import re
import time
import urllib.parse
from html.parser import HTMLParser
from http.cookies import SimpleCookie

from bench.journey_stats import Sample

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Visitor:
    """One browser: cookies, an address (``X-Forwarded-For``, read by the site as the client's
    address with ``TRUSTED_PROXY_COUNT=1``) and the samples its requests left. Given several
    ports (instances of the site behind one load balancer), each request goes to the next one
    in turn: a session, a CSRF token or a form begun on one instance is carried on another."""

    def __init__(self, port: int | list[int], samples: list, *, address: str = "", cookies=None):
        self.ports = list(port) if isinstance(port, list | tuple) else [port]
        self.port, self.samples, self.address = self.ports[0], samples, address
        self.cookies = dict(cookies or {})
        self.sent = 0

    def next_port(self) -> int:
        port = self.ports[self.sent % len(self.ports)]
        self.sent += 1
        return port

    def request(self, step: str, method: str, path: str, data: dict | list | None = None):
        """(status, headers, body text); status 0 when the server did not answer."""
        headers = {"Accept-Language": "it", "Accept-Encoding": "identity"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if self.address:
            headers["X-Forwarded-For"] = self.address
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.monotonic()
        connection = http.client.HTTPConnection("127.0.0.1", self.next_port(), timeout=60)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            status, answer = response.status, response
        except OSError:
            self.samples.append(Sample(step, started, time.monotonic(), 0))
            return 0, {}, ""
        finally:
            connection.close()
        self.samples.append(
            Sample(
                step, started, time.monotonic(), status, answer.getheader("Retry-After") is not None
            )
        )
        for value in answer.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(value).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return status, answer.headers, text

    def get(self, step, path):
        return self.request(step, "GET", path)

    def post(self, step, path, data):
        return self.request(step, "POST", path, data)


def csrf(text: str) -> str:
    found = CSRF_FIELD.search(text)
    return found.group(1) if found else ""


def choices(text: str, name: str) -> list[str]:
    """The values of the radio buttons or checkboxes called ``name``."""
    values = []
    for tag in re.findall(r"<input\b[^>]*>", text):
        if f'name="{name}"' in tag and (value := re.search(r'value="([^"]*)"', tag)):
            values.append(html.unescape(value.group(1)))
    return values


def location(headers) -> str:
    """The path a redirect points to."""
    return urllib.parse.urlsplit(headers.get("Location", "")).path if headers else ""


class _Forms(HTMLParser):
    """Every POST form of a page: [(action, [(name, value)])], values as a browser sends them
    (checked boxes, selected options, text areas' text; no buttons, no files)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self._fields, self._select, self._textarea = [], None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "").lower() == "post":
            self._fields = []
            self.forms.append((a.get("action") or "", self._fields))
        elif self._fields is None or "disabled" in a:
            return
        elif tag == "input" and a.get("name"):
            kind = (a.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "file", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self._fields.append((a["name"], a.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "select" and a.get("name"):
            self._select = [a["name"], "multiple" in a, [], None]
        elif tag == "option" and self._select is not None:
            value = a.get("value", "")
            if self._select[3] is None:
                self._select[3] = value
            if "selected" in a:
                self._select[2].append(value)
        elif tag == "textarea" and a.get("name"):
            self._textarea = [a["name"], ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._fields = None
        elif tag == "select" and self._select is not None:
            name, multiple, chosen, first = self._select
            if not chosen and not multiple and first is not None:
                chosen = [first]
            self._fields.extend((name, value) for value in chosen)
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self._fields.append((self._textarea[0], self._textarea[1].removeprefix("\n")))
            self._textarea = None


def main_form(text: str) -> list[tuple[str, str]]:
    """The fields of the page's largest POST form (the edit form, not the language switch)."""
    parser = _Forms()
    parser.feed(text)
    return max((fields for _action, fields in parser.forms), key=len, default=[])
