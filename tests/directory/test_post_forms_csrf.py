"""Every POST form a public page renders carries its CSRF token (partials included with
``only`` do not inherit it, and the test client does not enforce CSRF)."""

import re

import pytest

from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db

POST_FORM = re.compile(r"<form[^>]*method=\"post\"[^>]*>(.*?)</form>", re.S | re.I)


def assert_post_forms_have_token(response):
    forms = POST_FORM.findall(response.content.decode())
    assert forms, "expected at least one POST form"
    for body in forms:
        assert 'name="csrfmiddlewaretoken"' in body, body[:300]


def test_activity_page_forms(client):
    activity = ActivityFactory()
    assert_post_forms_have_token(client.get(activity.get_absolute_url()))
    client.post("/la-mia-lista/aggiungi/", {"activity": activity.slug})
    assert_post_forms_have_token(client.get(activity.get_absolute_url()))


def test_my_list_forms(client):
    activity = ActivityFactory()
    client.post("/la-mia-lista/aggiungi/", {"activity": activity.slug})
    assert_post_forms_have_token(client.get("/la-mia-lista/"))
