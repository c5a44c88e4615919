"""Every POST form a public page renders either carries its CSRF token or posts to a view that
needs none (``linkrete.same_origin``: the forms of the cached pages, which cannot carry one
visitor's token), and those token-less forms work with CSRF checks enforced, without
JavaScript, while a cross-site post is refused. (The test client does not enforce CSRF unless
told, and partials included with ``only`` do not inherit the token.)"""

import re
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import resolve, reverse

from directory import my_list
from directory.models import ProblemReport
from tests.factories import ActivityFactory, VolunteeringCallFactory

pytestmark = pytest.mark.django_db

POST_FORM = re.compile(r"<form([^>]*method=\"post\"[^>]*)>(.*?)</form>", re.S | re.I)
ACTION = re.compile(r'action="([^"]*)"')


def _posts_without_token(action, page_url):
    path = urlsplit(action or page_url).path
    return getattr(resolve(path).func, "csrf_exempt", False)


def assert_post_forms_have_token(response, page_url):
    forms = POST_FORM.findall(response.content.decode())
    assert forms, "expected at least one POST form"
    for attributes, body in forms:
        action = ACTION.search(attributes)
        if _posts_without_token(action.group(1) if action else "", page_url):
            assert 'name="csrfmiddlewaretoken"' not in body, body[:300]
        else:
            assert 'name="csrfmiddlewaretoken"' in body, body[:300]


def test_activity_page_forms(client):
    activity = ActivityFactory()
    url = activity.get_absolute_url()
    assert_post_forms_have_token(client.get(url), url)
    client.post("/la-mia-lista/aggiungi/", {"activity": activity.slug})
    assert_post_forms_have_token(client.get(url), url)


def test_my_list_forms(client):
    activity = ActivityFactory()
    client.post("/la-mia-lista/aggiungi/", {"activity": activity.slug})
    assert_post_forms_have_token(client.get("/la-mia-lista/"), "/la-mia-lista/")


def test_forms_that_act_on_personal_data_keep_their_token(client):
    call = VolunteeringCallFactory()
    url = call.get_absolute_url()
    response = client.get(url)
    assert_post_forms_have_token(response, url)
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()


def test_token_less_forms_work_with_csrf_enforced():
    browser = Client(enforce_csrf_checks=True)
    activity = ActivityFactory()
    same_site = {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"}

    added = browser.post(reverse("directory:my_list_add"), {"activity": activity.slug}, **same_site)
    assert added.status_code == 302
    assert my_list.activity_ids(browser.session) == [activity.pk]
    removed = browser.post(reverse("directory:my_list_remove"), {"activity": activity.slug})
    assert removed.status_code == 302
    assert my_list.activity_ids(browser.session) == []

    report = browser.post(
        reverse("directory:activity_report_problem", args=[activity.slug]),
        {"problems": ["hours"], "message": "Chiuso il lunedì"},
        **same_site,
    )
    assert report.status_code == 302
    assert ProblemReport.objects.filter(activity=activity).exists()

    language = browser.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert language.status_code == 302 and language.url == "/en/"


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
    ],
    ids=["other-origin", "null-origin", "fetch-cross-site", "fetch-same-site"],
)
def test_a_cross_site_post_is_refused(headers):
    browser = Client(enforce_csrf_checks=True)
    activity = ActivityFactory()
    response = browser.post(
        reverse("directory:my_list_add"), {"activity": activity.slug}, **headers
    )
    assert response.status_code == 403
    assert my_list.SESSION_KEY not in browser.session
    report = browser.post(
        reverse("directory:activity_report_problem", args=[activity.slug]),
        {"problems": ["hours"], "message": "x"},
        **headers,
    )
    assert report.status_code == 403
    assert not ProblemReport.objects.exists()
    assert browser.post(reverse("set_language"), {"language": "en"}, **headers).status_code == 403
