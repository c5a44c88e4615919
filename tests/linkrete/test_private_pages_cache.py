"""Signed-in pages are never kept by shared caches or the browser's back-forward cache."""

import pytest
from django.urls import reverse

from linkrete.middleware import is_private_path
from tests.factories import VolunteerFactory


def _no_store(response):
    directives = {d.strip() for d in response.get("Cache-Control", "").split(",")}
    return {"private", "no-store"} <= directives


@pytest.mark.parametrize(
    "name",
    ["staff:home", "staff:volunteer_list", "staff:volunteer_export", "staff:volunteer_print"],
)
def test_the_association_area_answers_private_no_store(client, staff, organization, name):
    VolunteerFactory(organization=organization)
    client.force_login(staff)
    args = [] if name == "staff:home" else [organization.slug]
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    assert _no_store(response)


def test_english_pages_redirects_and_404s_of_the_area_too(
    client, staff, organization, other_organization
):
    client.force_login(staff)
    assert _no_store(client.get("/en" + reverse("staff:home")))
    redirect = client.post(reverse("staff:organization_verified", args=[organization.slug]))
    assert redirect.status_code == 302 and _no_store(redirect)
    missing = client.get(reverse("staff:volunteer_list", args=[other_organization.slug]))
    assert missing.status_code == 404 and _no_store(missing)


@pytest.mark.parametrize(
    "name", ["sportelli:console", "sportelli:access_list", "sportelli:access_export"]
)
def test_the_desks_console_answers_private_no_store(client, desk_operator, name):
    client.force_login(desk_operator)
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert _no_store(response)


def test_public_pages_stay_cacheable(client, staff):
    assert not _no_store(client.get(reverse("directory:home")))
    client.force_login(staff)
    assert not _no_store(client.get(reverse("directory:call_list")))


@pytest.mark.parametrize(
    ("path", "private"),
    [
        ("/area-enti/", True),
        ("/en/area-enti/enti/x/volontari/", True),
        ("/sportelli/console/accessi/", True),
        ("/en/sportelli/console/", True),
        ("/sportelli/segnalazioni/", True),
        ("/sportelli/", False),
        ("/sportelli/sportello-pagnana/prenota/", False),
        ("/volontariato/", False),
        ("/en/", False),
        ("/area-entità/", False),
    ],
)
def test_which_paths_are_private(path, private):
    assert is_private_path(path) == private
