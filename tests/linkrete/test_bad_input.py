"""Nothing a browser can send to a public page gives a server error (PostgreSQL refuses NUL
bytes in strings and over-long values: the forms must catch them first)."""

import pytest
from django.test import Client

from tests.factories import ActivityFactory, VolunteeringCallFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_taxonomies")]

BAD_VALUES = ["\x00", "a\x00b", "9" * 30, "-1", "x" * 5000, "nan", "1e400", "<script>", ""]


def requests_with(bad):
    search = "eta fascia categoria comune zona vicino raggio giorno ora aperto_ora gratis lingua"
    return [
        (
            "get",
            "/cerca/",
            dict.fromkeys((search + " q accessibile modalita ordine pagina").split(), bad),
        ),
        (
            "get",
            "/sportelli/",
            dict.fromkeys(["comune", "tema", "lingua", "canale", "giorno"], bad),
        ),
        ("get", "/volontariato/", {"q": bad, "comune": bad, "pagina": bad}),
        ("get", "/la-mia-lista/condivisa/", {"a": bad}),
        ("post", "/la-mia-lista/aggiungi/", {"activity": bad, "next": bad}),
        ("post", "/la-mia-lista/rimuovi/", {"activity": bad, "next": bad}),
        ("post", "/attivita/calcio/segnala/", {"problems": bad, "message": bad}),
        (
            "post",
            "/volontariato/aiuto-compiti/",
            dict.fromkeys(
                ["first_name", "last_name", "email", "phone", "birth_date", "message", "privacy"],
                bad,
            ),
        ),
        ("post", "/sportelli/sportello-pagnana/prenota/", {"channel": bad}),
        ("get", "/sportelli/sportello-pagnana/prenota/orario/", {"settimana": bad}),
        ("post", "/i18n/setlang/", {"language": bad, "next": bad}),
        ("post", "/accesso/", {"username": bad, "password": bad}),
        ("post", "/admin/login/", {"username": bad, "password": bad}),
        ("post", "/area-enti/password/", {"email": bad}),
    ]


@pytest.mark.parametrize("bad", BAD_VALUES, ids=repr)
def test_odd_values_never_give_a_server_error(bad, desk):
    ActivityFactory(slug="calcio")
    VolunteeringCallFactory(slug="aiuto-compiti")
    client = Client(raise_request_exception=False)
    for method, url, data in requests_with(bad):
        response = getattr(client, method)(url, data)
        assert response.status_code < 500, (method, url, response.status_code)


def test_an_over_long_username_is_refused_before_any_sign_in_attempt(client):
    from axes.models import AccessAttempt

    response = client.post("/accesso/", {"username": "x" * 300, "password": "secret"})

    assert response.status_code == 200
    assert response.context["form"].errors["username"]
    assert not AccessAttempt.objects.exists()
