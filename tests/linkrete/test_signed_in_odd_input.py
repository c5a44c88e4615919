"""Nothing a browser can send gives a 500 in the signed-in area.

Every URL of the association area (/area-enti/) and of the desks' console
(/sportelli/console/) is probed, signed in as organization staff, desk operator and
coordinator, with odd query-string and form values: not a number, negative, beyond any
integer column, NUL bytes (which PostgreSQL refuses in text), over-long text, digits that are
not ASCII, unknown choices and missing fields.
"""

import datetime
import html
import re
from pathlib import Path

import pytest
from django.test import Client
from django.urls import URLPattern, reverse

from directory.models import Membership, PlaceRequest, Revision, VolunteeringCall
from directory.staff import urls as staff_urls
from sportelli import urls as sportelli_urls
from tests.factories import (
    ActivityFactory,
    ApplicationFactory,
    BoardPostFactory,
    BookingFactory,
    CourseFactory,
    DeskExceptionFactory,
    EventSessionFactory,
    JobOfferFactory,
    LocationFactory,
    NetworkMembershipFactory,
    SurveyQuestionFactory,
    VolunteerFactory,
    VolunteeringCallFactory,
)

HUGE = "99999999999999999999"
ONE_MONTH = datetime.timedelta(days=30)
ODD_VALUES = {
    "not-a-number": "abc",
    "negative": "-1",
    "huge": HUGE,
    "nul": "a\x00b",
    "over-long": "x" * 5000,
    "non-ascii-digit": "²",
    "far-date": "9999-12-31",
    "first-instant": "0001-01-01T00:00",
    "infinite": "1e400",
    "not-a-number-float": "NaN",
    "empty": "",
}

# Query-string parameters the signed-in views read (besides their forms' fields).
GET_PARAMETERS = [
    "anno",
    "stato",
    "revisione",
    "ente",
    "sportello",
    "giorno",
    "vista",
    "prenotazione",
    "pagina",
    "dal",
    "al",
    "canale",
    "esito",
    "tema",
    "kind",
    "category",
    "municipality",
    "per",
]
# Fields of POST-only views, which have no page to read their form from.
POST_FIELDS = [
    "decision",
    "submitted",
    "reason",
    "role",
    "status",
    "prenotazione",
    "places",
    "from",
    "azione",
]

CONSOLE_PREFIX = "console/"


def _patterns():
    for pattern in staff_urls.urlpatterns:
        yield "staff", pattern
    for pattern in sportelli_urls.urlpatterns:
        if str(pattern.pattern).startswith(CONSOLE_PREFIX):
            yield "sportelli", pattern


PATTERNS = [(namespace, pattern.name) for namespace, pattern in _patterns()]


def test_the_probe_knows_every_url_and_query_parameter():
    """A new view, or a view reading a new parameter, joins the probe."""
    assert all(isinstance(p, URLPattern) for _ns, p in _patterns())
    assert len(PATTERNS) >= 59
    sources = [
        *Path(staff_urls.__file__).parent.glob("views/*.py"),
        Path(sportelli_urls.__file__).parent / "views" / "console.py",
    ]
    read = set()
    for source in sources:
        read |= set(re.findall(r"request\.(?:GET|POST)\.get\(\s*\"([^\"]+)\"", source.read_text()))
    assert read <= set(GET_PARAMETERS) | set(POST_FIELDS), read - set(GET_PARAMETERS)


@pytest.fixture
def world(organization, other_organization, staff, other_staff, coordinator, desk, desk_operator):
    """One of everything the probed URLs open, with ``staff`` as a manager (it reaches the
    most views) and a pending call for the review pages."""
    Membership.objects.filter(user=staff).update(role=Membership.Role.MANAGER)
    course = CourseFactory(plan__organization=organization, is_open_to_network=True)
    call = VolunteeringCallFactory(organization=organization)
    objects = {
        "activity": ActivityFactory(organization=organization),
        "event": EventSessionFactory(
            event__organization=organization,
            location=LocationFactory(organization=organization),
        ).event,
        # Attendance is marked for past sessions only.
        "past_session": EventSessionFactory(
            event__organization=organization, date=datetime.date(2020, 11, 28)
        ),
        # An event internal to a network of the organization: its minutes are a form.
        "internal_event": EventSessionFactory(
            event__organization=organization,
            event__internal_network=NetworkMembershipFactory(organization=organization).network,
        ).event,
        "location": LocationFactory(organization=organization),
        "volunteer": VolunteerFactory(organization=organization),
        "course": course,
        "call": call,
        "job_offer": JobOfferFactory(organization=organization),
        "pending_call": VolunteeringCallFactory(
            organization=organization, review_status=VolunteeringCall.ReviewStatus.PENDING
        ),
        "application": ApplicationFactory(call=call),
        "post": BoardPostFactory(organization=other_organization, author=other_staff),
        "revision": Revision.objects.create(
            organization=organization, kind=Revision.Kind.ORGANIZATION, data={}, author=staff
        ),
        "place_request": PlaceRequest.objects.create(
            course=course, organization=other_organization, places=2, requested_by=other_staff
        ),
        "membership": Membership.objects.get(user=staff, organization=organization),
        "booking": BookingFactory(desk=desk),
        "closure": DeskExceptionFactory(desk=desk, date=datetime.date.today() + ONE_MONTH),
        "desk": desk,
        "organization": organization,
        "network": NetworkMembershipFactory(organization=organization).network,
    }
    objects["survey"] = SurveyQuestionFactory(round__network=objects["network"]).round
    users = {"staff": staff, "desk_operator": desk_operator, "coordinator": coordinator}
    return objects, users


# Which record's primary key goes in each URL (by name); slugs are the organization's, or
# the desk's for the console.
PK_OBJECTS = {
    "review_detail": "revision",
    "review_approve": "revision",
    "review_reject": "revision",
    "review_image": "revision",
    "call_review_detail": "pending_call",
    "call_review_approve": "pending_call",
    "call_review_reject": "pending_call",
    "network_course_request": "course",
    "board_post": "post",
    "board_post_close": "post",
    "member_role": "membership",
    "member_remove": "membership",
    "location_edit": "location",
    "activity_edit": "activity",
    "activity_hours": "activity",
    "activity_translations": "activity",
    "activity_translation": "activity",
    "revision_detail": "revision",
    "revision_image": "revision",
    "revision_hours": "revision",
    "volunteer_detail": "volunteer",
    "volunteer_edit": "volunteer",
    "course_detail": "course",
    "course_edit": "course",
    "place_request_decide": "course",
    "call_edit": "call",
    "call_translations": "call",
    "call_translation": "call",
    "job_offer_edit": "job_offer",
    "event_edit": "event",
    "event_signup_list": "event",
    "event_attendance": "past_session",
    "internal_event_detail": "internal_event",
    "event_register_export": "past_session",
    "application_decide": "application",
    "booking_status": "booking",
    "desk_closure_delete": "closure",
    "survey_round_edit": "survey",
    "survey_results": "survey",
    "survey_results_export": "survey",
    "survey_answer": "survey",
}


def _kwargs(namespace, pattern, objects, pk=None):
    kwargs = {}
    for name in pattern.pattern.converters:
        if name == "slug":
            key = "desk" if namespace == "sportelli" else "organization"
            if pattern.name.startswith(("network_", "survey_round", "survey_results")):
                key = "network"
            kwargs[name] = objects[key].slug
            if pattern.name.startswith("desk_translation"):  # the desk's host organization's
                kwargs[name] = objects["desk"].host_organization.slug
        elif name == "desk":  # a desk's translations, in the association area
            kwargs[name] = objects["desk"].slug
        elif name == "key":  # an indicator (its export)
            kwargs[name] = "referrals_by_state" if pk is None else "none"
        elif name == "extension":
            kwargs[name] = "xlsx"
        elif name == "language":  # a translation's (a listing's text in that language)
            kwargs[name] = "ar" if pk is None else "xx"
        elif name == "pk":
            kwargs[name] = pk if pk is not None else objects[PK_OBJECTS[pattern.name]].pk
        elif name == "request_pk":
            kwargs[name] = pk if pk is not None else objects["place_request"].pk
        else:  # Django's invitation and password-reset tokens
            kwargs[name] = "x\x00y" if pk is None else "Mg"
    return kwargs


def _field_names(page: str) -> list[str]:
    names = re.findall(r'<(?:input|select|textarea|button)[^>]*\sname="([^"]+)"', page)
    return sorted({html.unescape(n) for n in names} - {"csrfmiddlewaretoken"})


def _check(response, label, failures):
    if response.status_code >= 500:
        failures.append(f"{label} -> {response.status_code}")


def _probe(client, url, fields, buttons, values, label, failures):
    for name in values:
        value = ODD_VALUES[name]
        query = dict.fromkeys(GET_PARAMETERS, value)
        _check(client.get(url, query), f"{label}: GET {url} {name}", failures)
        data = dict.fromkeys(fields, value)
        _check(client.post(url, data), f"{label}: POST {url} {name}", failures)
        if buttons:
            # Without the buttons that add a row, the form is saved rather than extended.
            saved = {k: v for k, v in data.items() if k not in buttons}
            _check(client.post(url, saved), f"{label}: POST {url} {name} (saved)", failures)


# A second role reaching the same view runs the same parsing: it gets the values that break
# the database (NUL, overflow) and the one that breaks int(), not the whole list.
SECOND_ROLE_VALUES = ["nul", "huge", "non-ascii-digit"]


@pytest.mark.parametrize(("namespace", "name"), PATTERNS)
def test_odd_input_never_gives_a_server_error(world, namespace, name):
    objects, users = world
    pattern = next(p for ns, p in _patterns() if ns == namespace and p.name == name)
    url = reverse(f"{namespace}:{name}", kwargs=_kwargs(namespace, pattern, objects))
    with_pk = bool(set(pattern.pattern.converters) & {"pk", "request_pk"})
    failures = []
    probed = False
    for role, user in users.items():
        client = Client(raise_request_exception=False)
        client.force_login(user)
        page = client.get(url)
        _check(page, f"{role}: GET {url}", failures)
        readable = page.status_code == 200 and not page.streaming
        text = page.content.decode(errors="replace") if readable else ""
        fields = sorted(set(_field_names(text)) | set(POST_FIELDS))
        buttons = set(re.findall(r'<button[^>]*\sname="([^"]+)"', text))
        empty = client.post(url, {})
        _check(empty, f"{role}: POST {url} with no fields", failures)
        if page.status_code == 404 and empty.status_code == 404:
            # Out of this role's reach: the access check answers before any parameter is read.
            _check(client.get(url, {"anno": "\x00"}), f"{role}: GET {url} nul", failures)
            continue
        values = SECOND_ROLE_VALUES if probed else list(ODD_VALUES)
        _probe(client, url, fields, buttons, values, role, failures)
        probed = True
        if with_pk:
            for pk in (0, int(HUGE)):
                odd = reverse(
                    f"{namespace}:{name}", kwargs=_kwargs(namespace, pattern, objects, pk)
                )
                _check(client.get(odd), f"{role}: GET {odd}", failures)
                _check(client.post(odd, {}), f"{role}: POST {odd}", failures)
    assert not failures, failures
