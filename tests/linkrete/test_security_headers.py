"""Every page carries a Content Security Policy that lets in only this site and the map tiles."""

import pytest

from linkrete.env import origin_of

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split("; ") if part}


def test_pages_allow_scripts_only_from_this_site_and_no_framing(client):
    policy = directives(client.get("/"))

    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert "https://tile.openstreetmap.org" in policy["img-src"]


def test_the_admin_has_the_policy_too(client, coordinator):
    client.force_login(coordinator)
    assert "script-src 'self'" in client.get("/admin/")["Content-Security-Policy"]


@pytest.mark.parametrize(
    "template, origin",
    [
        ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org"),
        ("https://{s}.tile.example.it:8443/{z}/{x}/{y}.png", "https://*.tile.example.it:8443"),
    ],
)
def test_the_map_tile_origin_comes_from_the_tile_url(template, origin):
    assert origin_of(template) == origin
