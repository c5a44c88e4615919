"""Read the XML sitemap as a search engine does: the index at /sitemap.xml, then every file it
lists (each section, page by page)."""

import re
from urllib.parse import urlsplit

LOC = re.compile(r"<loc>([^<]+)</loc>")


def section_files(client) -> list[str]:
    """The paths of the files the index lists."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    paths = []
    for url in LOC.findall(response.content.decode()):
        parts = urlsplit(url.replace("&amp;", "&"))
        paths.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return paths


def whole_sitemap(client) -> str:
    """Every file the index lists, one after the other."""
    contents = []
    for path in section_files(client):
        response = client.get(path)
        assert response.status_code == 200, path
        contents.append(response.content.decode())
    return "\n".join(contents)
