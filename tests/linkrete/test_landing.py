import pytest

pytestmark = pytest.mark.django_db


def test_a_desk_operator_lands_on_the_console(client, desk_operator):
    client.force_login(desk_operator)
    assert client.get("/benvenuto/")["Location"] == "/sportelli/console/"


@pytest.mark.parametrize("role", ["staff", "coordinator"])
def test_staff_and_coordinators_land_in_the_reserved_area(client, request, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get("/benvenuto/")["Location"] == "/area-enti/"


def test_signing_in_leads_to_the_landing(client, staff):
    response = client.post(
        "/accesso/", {"username": staff.username, "password": "linkrete-test-password"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/benvenuto/"


def test_anonymous_is_sent_to_sign_in(client):
    assert client.get("/benvenuto/")["Location"].startswith("/accesso/")
