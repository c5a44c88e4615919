"""The pages of errors (linkrete/error_pages.py): translated, in the site's design, and shown
with no database at all; a database out of reach answers 503 with Retry-After."""

import logging

import pytest
from django.contrib.auth.decorators import login_not_required
from django.contrib.sessions.backends.db import SessionStore
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db import connection
from django.http import HttpResponse
from django.test import Client, RequestFactory, override_settings
from django.urls import path
from django.utils import translation

from linkrete import error_pages
from linkrete import urls as site_urls
from tests.database_down import closed_port, database_unreachable
from tests.factories import ActivityFactory

HANDLERS = {
    400: error_pages.bad_request,
    403: error_pages.permission_denied,
    404: error_pages.page_not_found,
    429: error_pages.too_many_requests,
    503: error_pages.service_unavailable,
}
TITLES = {
    ("it", 400): "Richiesta non valida",
    ("it", 403): "Accesso negato",
    ("it", 404): "Pagina non trovata",
    ("it", 429): "Troppe richieste",
    ("it", 500): "Qualcosa è andato storto",
    ("it", 503): "Servizio temporaneamente non disponibile",
    ("en", 400): "Bad request",
    ("en", 403): "Access denied",
    ("en", 404): "Page not found",
    ("en", 429): "Too many requests",
    ("en", 500): "Something went wrong",
    ("en", 503): "Service temporarily unavailable",
}


@login_not_required
def _raises_bad_request(request):
    raise SuspiciousOperation("odd")


@login_not_required
def _raises_permission_denied(request):
    raise PermissionDenied


@login_not_required
def _raises_error(request):
    raise ValueError("a bug")


@login_not_required
def _reads_the_database(request):
    from directory.models import Activity

    Activity.objects.exists()
    raise AssertionError("the database answered")


@login_not_required
def _database_goes_away_before_the_session_is_saved(request):
    request.session["seen"] = True  # read now, saved by the middleware on the way out
    connection.close()
    connection.settings_dict["PORT"] = str(closed_port())
    return HttpResponse("ok")


urlpatterns = [
    path("bad/", _raises_bad_request),
    path("denied/", _raises_permission_denied),
    path("error/", _raises_error),
    path("database/", _reads_the_database),
    path("session/", _database_goes_away_before_the_session_is_saved),
    *site_urls.urlpatterns,
]
handler400 = error_pages.bad_request
handler403 = error_pages.permission_denied
handler404 = error_pages.page_not_found
handler500 = error_pages.server_error


def _check_page(response, language, status):
    html = response.content.decode()
    assert response.status_code == status
    assert f'lang="{language}"' in html
    assert f"<h1>{TITLES[language, status]}</h1>" in html
    assert "bootstrap-italia.min.css" in html and "it-header-wrapper" in html
    assert "Linkrete" in html
    home = "/" if language == "it" else "/en/"
    assert f'href="{home}"' in html
    assert "112" in html  # the helplines stay on every page
    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize("language", ["it", "en"])
@pytest.mark.parametrize("status", [*HANDLERS, 500])
def test_each_page_renders_with_the_database_out_of_reach(django_db_blocker, language, status):
    request = RequestFactory().get("/anything/")
    with database_unreachable(django_db_blocker), translation.override(language):
        if status == 500:
            try:
                raise ValueError("a bug")
            except ValueError:
                response = error_pages.server_error(request)
        else:
            response = HANDLERS[status](request, None)
    _check_page(response, language, status)
    assert ("Retry-After" in response) == (status == 503)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "status"),
    [("/nowhere/", 404), ("/bad/", 400), ("/denied/", 403), ("/error/", 500)],
)
@override_settings(ROOT_URLCONF=__name__)
def test_the_handlers_answer_without_a_query(django_assert_num_queries, path, status):
    client = Client(raise_request_exception=False)
    with django_assert_num_queries(0):
        response = client.get(path)
    _check_page(response, "it", status)


@pytest.mark.django_db
def test_an_unknown_page_of_the_site_is_the_translated_404(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        italian = client.get("/pagina-che-non-esiste/")
        english = client.get("/en/pagina-che-non-esiste/")
    _check_page(italian, "it", 404)
    _check_page(english, "en", 404)


@pytest.mark.django_db
def test_a_missing_record_is_the_404_page(client):
    ActivityFactory()
    response = client.get("/attivita/non-esiste/")
    assert response.status_code == 404
    assert "<h1>Pagina non trovata</h1>" in response.content.decode()


@override_settings(ROOT_URLCONF=__name__)
def test_a_view_that_cannot_reach_the_database_answers_503(django_db_blocker):
    client = Client(raise_request_exception=False)
    with database_unreachable(django_db_blocker):
        response = client.get("/database/")
    _check_page(response, "it", 503)
    assert response["Retry-After"] == "30"


def test_the_sites_pages_answer_503_with_the_database_down(django_db_blocker, settings):
    settings.LINKRETE_RETRY_AFTER_SECONDS = 45
    client = Client(raise_request_exception=False)
    with database_unreachable(django_db_blocker):
        search = client.get("/en/cerca/")
        desks = client.get("/sportelli/")
    _check_page(search, "en", 503)
    _check_page(desks, "it", 503)
    assert search["Retry-After"] == desks["Retry-After"] == "45"


def test_a_session_read_by_a_middleware_with_the_database_down_answers_503(django_db_blocker):
    """The session (read by the idle-session middleware, before any view) fails to load:
    Django makes that a 500 before the view's middleware sees it; the handler makes it 503."""
    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = "abcdefghijklmnopqrstuvwxyz012345"
    with database_unreachable(django_db_blocker):
        response = client.get("/contatti/")
    _check_page(response, "it", 503)


def test_an_outage_is_logged_as_one_warning_without_traceback(django_db_blocker, caplog):
    """Django logs each 5xx at ERROR, with the traceback (naming the database's host) when a
    middleware raised: PostgreSQL stopped under load filled gunicorn's log with them."""
    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = "abcdefghijklmnopqrstuvwxyz012345"
    with database_unreachable(django_db_blocker) as connection:
        port = connection.settings_dict["PORT"]
        by_middleware = client.get("/contatti/")  # the session, read before the view
        by_view = Client(raise_request_exception=False).get("/sportelli/")
    assert by_middleware.status_code == by_view.status_code == 503

    answers = [r for r in caplog.records if r.name == "django.request"]
    assert [(r.levelname, r.getMessage()) for r in answers] == [
        ("WARNING", "Database unavailable (OperationalError): /contatti/ answered 503"),
        ("WARNING", "Service Unavailable: /sportelli/"),
    ]
    assert all(r.exc_info is None for r in answers)
    assert "Traceback" not in caplog.text and port not in caplog.text
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_other_server_errors_stay_errors_with_their_traceback(caplog):
    client = Client(raise_request_exception=False)
    with override_settings(ROOT_URLCONF=__name__):
        assert client.get("/error/").status_code == 500
    (answer,) = [r for r in caplog.records if r.name == "django.request"]
    assert answer.levelname == "ERROR" and answer.exc_info[0] is ValueError


@pytest.mark.django_db(transaction=True)
@override_settings(ROOT_URLCONF=__name__)
def test_a_session_the_database_could_not_save_is_the_503_page(caplog):
    """PostgreSQL stopped during a request (bench/journey.py): the view answered, then saving
    the session failed, which Django calls an interrupted session and answers 400."""
    session = SessionStore()
    session.create()
    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = session.session_key
    port = connection.settings_dict["PORT"]
    try:
        response = client.get("/session/")
    finally:
        connection.close()
        connection.settings_dict["PORT"] = port
    _check_page(response, "it", 503)
    assert response["Retry-After"] == "30"
    (record,) = [r for r in caplog.records if r.name == "django.request"]
    assert (record.levelname, record.getMessage()) == (
        "WARNING",
        "Database unavailable (OperationalError): /session/ answered 503",
    )


def test_a_bad_request_of_another_cause_stays_400():
    request = RequestFactory().get("/")
    _check_page(error_pages.bad_request(request, SuspiciousOperation("odd")), "it", 400)


@pytest.mark.django_db
def test_the_database_comes_back_after_the_outage(client, django_db_blocker):
    assert connection.settings_dict["PORT"]
    response = client.get("/sportelli/")
    assert response.status_code == 200


def test_a_database_host_that_does_not_answer_fails_in_seconds():
    """libpq waits for ever by default: a host that drops packets would hang every request
    (and /readyz) instead of answering 503."""
    from tests.linkrete.test_settings import load_settings

    url = "postgres://u:p@db.example:5432/rete"
    assert "'connect_timeout': 3" in load_settings(DEBUG="1", DATABASE_URL=url).stdout
    told = load_settings(DEBUG="1", DATABASE_URL=url, DB_CONNECT_TIMEOUT="7")
    assert "'connect_timeout': 7" in told.stdout
