"""What a first visit to a results page transfers: the HTML and every asset it references, gzipped.

    DATABASE_URL=postgres://postgres@127.0.0.1:54347/linkrete \
        .venv/bin/python bench/transfer.py ["/cerca/?q=bambini"]

Renders the page through Django's test client, collects what the browser would fetch on a
first visit: stylesheets and scripts (link/script), images (img src), the icon sprite (svg use
href), the images leaflet.js loads for its markers when the page has a map, and from fonts.css
the faces the page's text uses (Titillium Web regular, semibold and bold, woff2). Text files
are counted gzipped (level 6, what a proxy or whitenoise serves); woff2 and png are already
compressed and count as they are. Map tiles are left aside (third party, not ours).
"""

import gzip
import os
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.staticfiles import finders  # noqa: E402
from django.test import Client  # noqa: E402

COMPRESSED = {".woff2", ".woff", ".png", ".jpg", ".jpeg", ".webp", ".gif"}
USED_FACES = [("Titillium Web", "normal", w) for w in ("400", "600", "700")]
LEAFLET_MARKERS = [
    "vendor/leaflet/images/marker-icon.png",
    "vendor/leaflet/images/marker-shadow.png",
]


class References(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "") and attrs.get("href"):
            if attrs.get("media") != "print":
                self.urls.append(attrs["href"])
        elif tag in ("script", "img") and attrs.get("src"):
            self.urls.append(attrs["src"])
        elif tag == "use" and attrs.get("href"):
            self.urls.append(attrs["href"].split("#")[0])


def static_path(url: str) -> Path | None:
    prefix = "/" + settings.STATIC_URL.lstrip("/")
    if not url.startswith(prefix):
        return None
    found = finders.find(url[len(prefix) :].split("?")[0])
    return Path(found) if found else None


def transferred(path: Path) -> int:
    data = path.read_bytes()
    if path.suffix in COMPRESSED:
        return len(data)
    return len(gzip.compress(data, compresslevel=6))


def font_files(fonts_css: Path) -> list[Path]:
    text = fonts_css.read_text()
    files = []
    for block in re.findall(r"@font-face\s*{(.*?)}", text, re.S):
        family = re.search(r"font-family:\s*'([^']+)'", block).group(1)
        style = re.search(r"font-style:\s*(\w+)", block).group(1)
        weight = re.search(r"font-weight:\s*(\d+)", block).group(1)
        if (family, style, weight) in USED_FACES:
            woff2 = re.search(r"url\('([^']+\.woff2)'\)", block).group(1)
            files.append((fonts_css.parent / woff2).resolve())
    return files


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "/cerca/?q=bambini"
    response = Client().get(path)
    html = response.content
    parser = References()
    parser.feed(html.decode())
    rows = [("page HTML " + path, len(html), len(gzip.compress(html, compresslevel=6)))]
    seen = set()
    assets = []
    for url in parser.urls:
        file = static_path(url)
        if file is None or file in seen:
            continue
        seen.add(file)
        assets.append(file)
        if file.name == "fonts.css":
            assets.extend(font_files(file))
        if file.name == "leaflet.js":
            assets.extend(Path(finders.find(marker)) for marker in LEAFLET_MARKERS)
    for file in assets:
        rows.append((str(file.relative_to(ROOT)), file.stat().st_size, transferred(file)))
    width = max(len(r[0]) for r in rows)
    print(f"{'file'.ljust(width)} {'raw KB':>8} {'sent KB':>8}")
    for name, raw, sent in rows:
        print(f"{name.ljust(width)} {raw / 1024:8.1f} {sent / 1024:8.1f}")
    total_raw = sum(r[1] for r in rows)
    total_sent = sum(r[2] for r in rows)
    print(
        f"{'TOTAL (first visit, map tiles aside)'.ljust(width)} "
        f"{total_raw / 1024:8.1f} {total_sent / 1024:8.1f}"
    )


if __name__ == "__main__":
    main()
