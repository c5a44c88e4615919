"""Every signed-in desk view for every role: own desk's operator, another desk's operator,
organization staff, anonymous (sent to sign in) and coordinator."""

import datetime

import pytest
from django.urls import reverse

from sportelli import services
from tests.factories import AccessFactory, BookingFactory, DeskExceptionFactory

# Free slots, agendas and retention depend on the day: every test here runs at PINNED_NOW.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]

ROLES = ["desk_operator", "other_desk_operator", "staff", "anonymous", "coordinator"]

# view -> expected status per role, in the order of ROLES ("login" = redirect to sign in)
MATRIX = {
    "agenda": [200, 200, 404, "login", 200],
    "agenda_of_desk": [200, 404, 404, "login", 200],
    "booking_status": [302, 404, 404, "login", 302],
    "access_create": [200, 404, 404, "login", 200],
    "access_create_for_booking": [200, 404, 404, "login", 200],
    "access_list": [200, 200, 404, "login", 200],
    "access_export": [200, 200, 404, "login", 200],
    "desk_closures": [200, 404, 404, "login", 200],
    "desk_closure_delete": [302, 404, 404, "login", 302],
    "referral_list": [200, 200, 200, "login", 200],
    "referral_create": [200, 200, 200, "login", 404],
    "referral_detail": [200, 404, 404, "login", 200],
    "referral_transition": [403, 404, 404, "login", 403],
}


@pytest.fixture
def world(desk, other_organization, desk_operator):
    booking = BookingFactory(desk=desk, name="Persona Riservata")
    AccessFactory(desk=desk, minutes=17)
    referral = services.referral_create(
        sent_by=desk_operator,
        from_desk=desk,
        to_organization=other_organization,
        person_name="Persona Segnalata",
        person_contact="333",
        need="Aiuto",
        consent_to_share=True,
    )
    closure = DeskExceptionFactory(desk=desk, date=datetime.date.today() + datetime.timedelta(30))
    return {"desk": desk, "booking": booking, "referral": referral, "closure": closure}


def request_for(view, world):
    desk, booking, referral = world["desk"], world["booking"], world["referral"]
    slug = {"slug": desk.slug}
    return {
        "agenda": ("get", reverse("sportelli:console"), None),
        "agenda_of_desk": ("get", reverse("sportelli:console") + f"?sportello={desk.slug}", None),
        "booking_status": (
            "post",
            reverse("sportelli:booking_status", kwargs={"pk": booking.pk}),
            {"status": "done"},
        ),
        "access_create": ("get", reverse("sportelli:access_create", kwargs=slug), None),
        "access_create_for_booking": (
            "get",
            reverse("sportelli:access_create", kwargs=slug) + f"?prenotazione={booking.pk}",
            None,
        ),
        "desk_closures": ("get", reverse("sportelli:desk_closures", kwargs=slug), None),
        "desk_closure_delete": (
            "post",
            reverse("sportelli:desk_closure_delete", kwargs=slug | {"pk": world["closure"].pk}),
            None,
        ),
        "access_list": ("get", reverse("sportelli:access_list"), None),
        "access_export": ("get", reverse("sportelli:access_export"), None),
        "referral_list": ("get", reverse("sportelli:referral_list"), None),
        "referral_create": ("get", reverse("sportelli:referral_create"), None),
        "referral_detail": ("get", referral.get_absolute_url(), None),
        "referral_transition": (
            "post",
            reverse("sportelli:referral_transition", kwargs={"uuid": referral.uuid}),
            {"to_status": "accepted"},
        ),
    }[view]


@pytest.mark.parametrize("view", MATRIX)
@pytest.mark.parametrize("role", ROLES)
def test_view_answers_each_role_as_the_matrix_says(request, client, world, view, role):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    else:
        for fixture in ("other_desk_operator", "staff", "coordinator"):
            request.getfixturevalue(fixture)
    method, url, data = request_for(view, world)
    response = getattr(client, method)(url, data or {})
    expected = MATRIX[view][ROLES.index(role)]
    if expected == "login":
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
    else:
        assert response.status_code == expected, (view, role)


@pytest.mark.parametrize("view", ["agenda", "access_list", "access_export", "referral_list"])
def test_another_desks_operator_sees_none_of_this_desks_data(
    client, world, other_desk_operator, view
):
    client.force_login(other_desk_operator)
    method, url, data = request_for(view, world)
    response = client.get(url)
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    ).decode()
    for secret in ("Persona Riservata", "Persona Segnalata", world["desk"].slug):
        assert secret not in body


def test_a_desk_slug_can_never_shadow_the_console(desk):
    from django.core.exceptions import ValidationError

    for reserved in ("console", "segnalazioni", "prenotazione"):
        desk.slug = reserved
        with pytest.raises(ValidationError):
            desk.full_clean()
    assert reverse("sportelli:console") == "/sportelli/console/"
