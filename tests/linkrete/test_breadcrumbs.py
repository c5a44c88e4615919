"""Breadcrumbs show a separator between their items, as Bootstrap Italia draws them."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from tests.factories import ActivityFactory

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
TRAIL = re.compile(r'<ol class="breadcrumb">(.*?)</ol>', re.S)
ITEM = re.compile(r'<li class="breadcrumb-item[^"]*"[^>]*>(.*?)</li>', re.S)


def items_without_separator(html):
    """Every item but the last of each trail must end with Bootstrap Italia's separator."""
    missing = []
    for trail in TRAIL.findall(html):
        items = ITEM.findall(trail)
        assert items, trail
        missing += [item for item in items[:-1] if '<span class="separator">/</span>' not in item]
    return missing


def test_every_breadcrumb_in_the_templates_has_separators():
    trails = 0
    for template in TEMPLATES.rglob("*.html"):
        html = template.read_text()
        trails += len(TRAIL.findall(html))
        assert not items_without_separator(html), template
    assert trails >= 3


def test_the_network_area_breadcrumb_has_a_separator(client, staff, organization):
    client.force_login(staff)
    response = client.get(reverse("staff:organization", args=[organization.slug]))
    html = response.content.decode()
    assert response.status_code == 200 and 'class="breadcrumb"' in html
    assert not items_without_separator(html)


@pytest.mark.django_db
def test_the_activity_breadcrumb_has_separators(client):
    activity = ActivityFactory()
    html = client.get(activity.get_absolute_url()).content.decode()
    assert len(ITEM.findall(TRAIL.findall(html)[0])) == 3
    assert not items_without_separator(html)
