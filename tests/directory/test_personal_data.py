"""Volunteers' and applicants' personal data stay in the signed-in area (issue 4's rule):
never on public pages, in the sitemap, in logs or in URLs."""

import datetime
import logging

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter, SlugConverter, StringConverter

from directory.models import Attendance
from directory.staff import services
from directory.staff import urls as staff_urls
from tests.factories import (
    ActivityFactory,
    ApplicationFactory,
    CourseFactory,
    VolunteerFactory,
    VolunteerHoursFactory,
    VolunteeringCallFactory,
)
from tests.sitemap_reader import whole_sitemap

SECRETS = [
    "Zeffirino",
    "Quaglierini",
    "zeffirino.q@example.org",
    "Ottavina",
    "Brambillasca",
    "ottavina.b@example.org",
    "Ermenegilda",
    "Scarpazzoni",
    "ermenegilda.s@example.org",
    "Policarpo",
    "Mezzabotta",
    "policarpo.m@example.org",
]


@pytest.fixture
def organization_with_people(organization, staff):
    activity = ActivityFactory(organization=organization, title="Doposcuola", slug="doposcuola")
    volunteer = VolunteerFactory(
        organization=organization,
        first_name="Zeffirino",
        last_name="Quaglierini",
        email="zeffirino.q@example.org",
    )
    VolunteerHoursFactory(volunteer=volunteer, activity=activity, description="Compiti")
    course = CourseFactory(plan__organization=organization, is_open_to_network=True)
    Attendance.objects.create(course=course, volunteer=volunteer, hours=4)
    call = VolunteeringCallFactory(organization=organization, activity=activity)
    ApplicationFactory(
        call=call, first_name="Ottavina", last_name="Brambillasca", email="ottavina.b@example.org"
    )
    accepted = ApplicationFactory(
        call=call,
        first_name="Ermenegilda",
        last_name="Scarpazzoni",
        email="ermenegilda.s@example.org",
    )
    services.application_accept(application=accepted, decided_by=staff)
    return {"activity": activity, "call": call}


def _assert_no_personal_data(text):
    leaked = [secret for secret in SECRETS if secret.lower() in text.lower()]
    assert not leaked, leaked


def test_public_pages_and_sitemap_never_show_volunteers_or_applicants(
    client, organization, organization_with_people
):
    activity, call = organization_with_people["activity"], organization_with_people["call"]
    urls = [
        reverse("directory:home"),
        organization.get_absolute_url(),
        activity.get_absolute_url(),
        reverse("directory:call_list"),
        call.get_absolute_url(),
        reverse("directory:search") + "?q=doposcuola",
        "/sitemap.xml",
        "/en" + organization.get_absolute_url(),
        "/en" + call.get_absolute_url(),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        _assert_no_personal_data(response.content.decode())
    _assert_no_personal_data(whole_sitemap(client))


def test_applying_and_answering_log_no_personal_data(
    client, caplog, staff, organization, organization_with_people
):
    caplog.set_level(logging.DEBUG)
    call = organization_with_people["call"]
    # A refused form (no consent) and a good one, as a citizen sends them.
    data = {
        "first_name": "Policarpo",
        "last_name": "Mezzabotta",
        "email": "policarpo.m@example.org",
        "birth_date": "2000-02-02",
    }
    assert client.post(call.get_absolute_url(), data).status_code == 200
    response = client.post(call.get_absolute_url(), {**data, "privacy_consent": "on"})
    assert response.status_code == 302
    _assert_no_personal_data(response["Location"])
    # Error reports would hide every field of the form.
    assert response.wsgi_request.sensitive_post_parameters == "__ALL__"

    client.force_login(staff)
    application = call.applications.get(email="policarpo.m@example.org")
    decide = reverse("staff:application_decide", args=[organization.slug, application.pk])
    response = client.post(decide, {"decision": "accept"})
    assert response.status_code == 302
    _assert_no_personal_data(response["Location"])
    application.refresh_from_db()
    volunteer = application.volunteer
    client.get(reverse("staff:volunteer_detail", args=[organization.slug, volunteer.pk]))
    client.get(reverse("staff:volunteer_export", args=[organization.slug]))

    _assert_no_personal_data(caplog.text)


def test_staff_urls_address_people_by_primary_key_only():
    """Names and e-mails in a URL end up in access logs and browser history."""
    allowed = {
        "slug": SlugConverter,  # the organization's public slug
        "pk": IntConverter,
        "request_pk": IntConverter,
        "uidb64": StringConverter,  # Django's invitation and password-reset tokens
        "token": StringConverter,
        "key": SlugConverter,  # an indicator of a network's dashboard (its export)
        "extension": SlugConverter,  # the export's format
        "language": SlugConverter,  # a listing's translation: an interface language's code
        "desk": SlugConverter,  # a desk's public slug (its translations)
    }
    for pattern in staff_urls.urlpatterns:
        for name, converter in pattern.pattern.converters.items():
            assert isinstance(converter, allowed[name]), (str(pattern.pattern), name)
        if "uidb64" in pattern.pattern.converters:
            assert pattern.name in {"invitation_accept", "password_reset_confirm"}


def test_no_public_url_takes_a_person_as_parameter():
    """Public routes carry slugs of organizations, activities and calls, nothing else."""

    def walk(patterns, prefix=""):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                if entry.namespace in {"staff", "admin"}:
                    continue
                yield from walk(entry.url_patterns, prefix + str(entry.pattern))
            elif isinstance(entry, URLPattern):
                yield prefix + str(entry.pattern)

    routes = list(walk(get_resolver().url_patterns))
    assert routes
    for route in routes:
        lowered = route.lower()
        for word in ("email", "volontario", "volunteer", "candidat", "applica", "nome"):
            assert word not in lowered, route


def test_records_about_people_are_named_by_number_not_by_name(organization, staff):
    """str() ends up in the admin's history (LogEntry.object_repr), messages and log lines."""
    from django.contrib.admin.models import ADDITION, LogEntry

    volunteer = VolunteerFactory(
        organization=organization,
        first_name="Zeffirino",
        last_name="Quaglierini",
        email="zeffirino.q@example.org",
    )
    hours = VolunteerHoursFactory(volunteer=volunteer)
    attendance = Attendance.objects.create(
        course=CourseFactory(plan__organization=organization), volunteer=volunteer, hours=2
    )
    staff_attendance = Attendance.objects.create(course=attendance.course, user=staff, hours=2)
    application = ApplicationFactory(
        call__organization=organization,
        first_name="Ottavina",
        last_name="Brambillasca",
        email="ottavina.b@example.org",
    )
    records = [volunteer, hours, attendance, staff_attendance, application]
    for record in records:
        text = str(record)
        _assert_no_personal_data(text)
        assert staff.last_name not in text
        assert str(record.pk) in text
    LogEntry.objects.log_actions(staff.pk, records, ADDITION)
    for entry in LogEntry.objects.all():
        _assert_no_personal_data(entry.object_repr)


def test_members_still_read_the_names_on_their_pages(client, staff, organization):
    volunteer = VolunteerFactory(
        organization=organization, first_name="Zeffirino", last_name="Quaglierini"
    )
    VolunteerHoursFactory(volunteer=volunteer, date=datetime.date.today())
    course = CourseFactory(plan__organization=organization)
    Attendance.objects.create(course=course, volunteer=volunteer, hours=2)
    client.force_login(staff)
    pages = {
        "hours log (table and choice)": reverse("staff:hours_log", args=[organization.slug]),
        "volunteer": reverse("staff:volunteer_detail", args=[organization.slug, volunteer.pk]),
        "course attendance": reverse("staff:course_detail", args=[organization.slug, course.pk]),
    }
    for label, url in pages.items():
        page = client.get(url).content.decode()
        assert page.count("Zeffirino Quaglierini") >= (2 if "choice" in label else 1), label
        assert str(volunteer) not in page, label

    application = ApplicationFactory(
        call__organization=organization, first_name="Ottavina", last_name="Brambillasca"
    )
    response = client.post(
        reverse("staff:application_decide", args=[organization.slug, application.pk]),
        {"decision": "accept"},
        follow=True,
    )
    assert "Ottavina Brambillasca" in response.content.decode()


def test_event_sign_ups_never_reach_public_pages_feeds_urls_or_logs(db, pinned_now, client, caplog):
    """Who signed up for an event is the organization's to know (issue 15)."""
    from directory.models import Event
    from tests.factories import EventFactory, EventSessionFactory, EventSignupFactory
    from tests.sitemap_reader import whole_sitemap

    event = EventFactory(admission=Event.Admission.SIGN_UP, capacity=3)
    session = EventSessionFactory(event=event)
    EventSignupFactory(
        session=session, name="Zeffirino Quaglierini", email="zeffirino.q@example.org"
    )
    caplog.set_level(logging.DEBUG)
    signup_page = reverse("directory:event_signup", args=[event.slug, session.uuid])
    response = client.post(
        signup_page,
        {
            "name": "Ottavina Brambillasca",
            "email": "ottavina.b@example.org",
            "age_1": "8",
            "privacy_consent": "on",
        },
    )
    assert response.status_code == 302
    _assert_no_personal_data(response["Location"])
    assert response.wsgi_request.sensitive_post_parameters == "__ALL__"
    urls = [
        event.get_absolute_url(),
        reverse("directory:event_ics", args=[event.slug]),
        reverse("directory:event_calendar") + "?vista=mese",
        reverse("directory:organization_events_ics", args=[event.organization.slug]),
        event.organization.get_absolute_url(),
        signup_page,
        response["Location"],  # the family's own page: the code, not who they are
        "/sitemap.xml",
    ]
    for url in urls:
        page = client.get(url)
        assert page.status_code == 200, url
        _assert_no_personal_data(page.content.decode())
    _assert_no_personal_data(whole_sitemap(client))
    _assert_no_personal_data(caplog.text)
