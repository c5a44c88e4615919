"""Small helpers shared by the public-page tests."""

import json
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def jsonld_blocks(response):
    return [json.loads(block) for block in JSONLD.findall(response.content.decode())]
