"""Attendance of an event's sessions: the form of a session (who came, walk-ins by age band),
the session's register as CSV (personal) and the counts by age band as CSV (no names). The
404 matrix of the three views is in test_access_matrix.py."""

import csv
import datetime
import io
import re

import pytest
from django.urls import reverse

from directory.event_attendance import band_of
from directory.models import EventWalkIn
from directory.retention import erase_old_event_signups
from tests.factories import EventFactory, EventSessionFactory, EventSignupFactory

pytestmark = pytest.mark.usefixtures("pinned_now")

YESTERDAY = datetime.date(2026, 12, 1)


@pytest.fixture
def event(organization):
    return EventFactory(
        organization=organization, admission="sign_up", capacity=10, title="Ceramica", min_age=6
    )


@pytest.fixture
def session(event):
    return EventSessionFactory(event=event, date=YESTERDAY)


def _url(name, session):
    return reverse(f"staff:{name}", args=[session.event.organization.slug, session.pk])


def _csv(response):
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_the_staff_mark_who_came_and_count_the_walk_ins(client, staff, session):
    came = EventSignupFactory(session=session, name="Zeffirina Q.", ages=[7, 9])
    absent = EventSignupFactory(session=session, name="Ottavio B.", ages=[8])
    waiting = EventSignupFactory(session=session, name="In attesa", status="waiting")
    client.force_login(staff)
    page = client.get(_url("event_attendance", session)).content.decode()
    assert "Zeffirina Q." in page and "Ottavio B." in page and "In attesa" not in page

    response = client.post(
        _url("event_attendance", session),
        {
            f"came_{came.pk}": "yes",
            f"came_{absent.pk}": "no",
            "walk_ins_6-11": "3",
            "walk_ins_adulti": "2",
            "walk_ins_0-3": "0",
        },
    )

    assert response.status_code == 302
    came.refresh_from_db(), absent.refresh_from_db(), waiting.refresh_from_db()
    assert (came.attended, absent.attended, waiting.attended) == (True, False, None)
    walk_ins = dict(session.walk_ins.values_list("age_band", "people"))
    assert walk_ins == {"6-11": 3, "adulti": 2}
    listed = client.get(response["Location"]).content.decode()
    assert "Presenze salvate." in listed and "<td>assente</td>" in listed


def test_saving_again_changes_the_marks_and_drops_emptied_bands(client, staff, session):
    signup = EventSignupFactory(session=session, attended=True)
    EventWalkIn.objects.create(session=session, age_band="6-11", people=4)
    client.force_login(staff)
    client.post(_url("event_attendance", session), {f"came_{signup.pk}": "", "walk_ins_6-11": ""})
    signup.refresh_from_db()
    assert signup.attended is None
    assert not session.walk_ins.exists()


def test_a_wrong_number_keeps_what_was_typed_and_saves_nothing(client, staff, session):
    signup = EventSignupFactory(session=session)
    client.force_login(staff)
    response = client.post(
        _url("event_attendance", session),
        {f"came_{signup.pk}": "yes", "walk_ins_6-11": "-2", "walk_ins_adulti": "7"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="7"' in page and re.search(r'value="yes"[^>]*checked', page)
    assert "maggiore o uguale a 0" in page
    signup.refresh_from_db()
    assert signup.attended is None and not session.walk_ins.exists()


@pytest.mark.parametrize(
    "changes",
    [{"date": datetime.date(2026, 12, 5)}, {"status": "cancelled", "note": "Sala allagata"}],
    ids=["future", "cancelled"],
)
def test_a_future_or_cancelled_session_has_no_attendance(client, staff, event, changes):
    session = EventSessionFactory(event=event, **({"date": YESTERDAY} | changes))
    client.force_login(staff)
    assert client.get(_url("event_attendance", session)).status_code == 404
    assert client.get(_url("event_register_export", session)).status_code == 404


def test_the_sign_up_list_links_attendance_only_for_past_sessions(client, staff, event, session):
    future = EventSessionFactory(event=event, date=datetime.date(2026, 12, 5))
    client.force_login(staff)
    page = client.get(
        reverse("staff:event_signup_list", args=[event.organization.slug, event.pk])
    ).content.decode()
    assert _url("event_attendance", session) in page
    assert _url("event_attendance", future) not in page
    assert reverse("staff:event_attendance_export", args=[event.organization.slug]) in page


def test_the_register_lists_the_people_and_neutralises_formulas(client, staff, session):
    EventSignupFactory(session=session, name="=HYPERLINK(1)", phone="+39333", attended=True)
    EventSignupFactory(session=session, name="\tTab", attended=False)
    EventSignupFactory(session=session, name="Annullata", status="cancelled")
    client.force_login(staff)
    rows = _csv(client.get(_url("event_register_export", session)))
    assert rows[0][:2] == ["codice", "nome"]
    assert [row[1] for row in rows[1:]] == ["'=HYPERLINK(1)", "'\tTab"]
    assert rows[1][2] == "'+39333"
    assert [row[-1] for row in rows[1:]] == ["venuto", "assente"]


def test_the_counts_by_age_band_have_no_names(client, coordinator, event, session):
    EventSignupFactory(session=session, name="Zeffirina Q.", ages=[7, 9, 40], attended=True)
    EventSignupFactory(session=session, name="Ottavio B.", ages=[8], attended=False)
    EventWalkIn.objects.create(session=session, age_band="6-11", people=3)
    EventWalkIn.objects.create(session=session, age_band="anziani", people=1)
    future = EventSessionFactory(event=event, date=datetime.date(2026, 12, 5))
    EventWalkIn.objects.create(session=future, age_band="0-3", people=9)
    client.force_login(coordinator)
    response = client.get(reverse("staff:event_attendance_export", args=[event.organization.slug]))
    rows = _csv(response)
    text = "\n".join(",".join(row) for row in rows)
    assert "Zeffirina" not in text and "Ottavio" not in text
    assert [row[4:] for row in rows[1:]] == [
        ["6–11 anni", "2", "3", "5"],
        ["adulti", "1", "0", "1"],
        ["anziani", "0", "1", "1"],
    ]
    assert rows[1][:4] == ["2026-12-01", "15:00", "Ceramica", "6–11 anni"]


@pytest.mark.parametrize("size", [2, 12])
def test_the_counts_read_the_same_queries_whatever_the_sessions(
    client, staff, event, size, django_assert_num_queries
):
    for n in range(size):
        session = EventSessionFactory(event=event, date=YESTERDAY - datetime.timedelta(days=n))
        EventSignupFactory(session=session, attended=True)
        EventWalkIn.objects.create(session=session, age_band="adulti", people=2)
    client.force_login(staff)
    url = reverse("staff:event_attendance_export", args=[event.organization.slug])
    client.get(url)
    # Session, user, organization, coordinator group, membership, then a chunk of sessions,
    # their sign-ups that came and their walk-ins.
    with django_assert_num_queries(8):
        rows = _csv(client.get(url))
    assert len(rows) == 1 + 2 * size


@pytest.mark.parametrize("size", [2, 12])
def test_the_form_reads_the_same_queries_whatever_the_sign_ups(
    client, staff, session, size, django_assert_num_queries
):
    for _n in range(size):
        EventSignupFactory(session=session)
    client.force_login(staff)
    url = _url("event_attendance", session)
    client.get(url)
    # Session, user, membership, the session with its event, the walk-ins, the sign-ups.
    with django_assert_num_queries(6):
        client.get(url)


@pytest.mark.parametrize(
    ("age", "band"),
    [(0, "0-3"), (3, "3-6"), (10, "6-11"), (17, "14-18"), (18, "adulti"), (70, "anziani")],
)
def test_each_age_falls_in_one_band(age, band):
    assert band_of(age) == band


def test_retention_erases_the_names_and_keeps_who_came(session, settings):
    signup = EventSignupFactory(session=session, name="Zeffirina Q.", ages=[7], attended=True)
    later = datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC)
    assert erase_old_event_signups(later) == 1
    signup.refresh_from_db()
    assert signup.name != "Zeffirina Q." and signup.attended is True and signup.ages == [7]


def test_the_event_list_links_attendance_for_members_only(client, staff, coordinator, event):
    walk_in = EventFactory(organization=event.organization, admission="walk_in")
    url = reverse("staff:event_list", args=[event.organization.slug])
    client.force_login(staff)
    page = client.get(url).content.decode()
    for shown in (event, walk_in):
        assert reverse("staff:event_signup_list", args=[shown.organization.slug, shown.pk]) in page
    client.force_login(coordinator)
    assert "/iscrizioni/" not in client.get(url).content.decode()


@pytest.mark.parametrize("size", [2, 12])
def test_the_event_list_reads_the_same_queries_whatever_the_events(
    client, staff, organization, size, django_assert_num_queries
):
    for _n in range(size):
        EventSessionFactory(event__organization=organization)
    client.force_login(staff)
    url = reverse("staff:event_list", args=[organization.slug])
    client.get(url)
    with django_assert_num_queries(9):
        client.get(url)


@pytest.mark.parametrize("size", [2, 12])
def test_the_register_reads_the_same_queries_whatever_the_sign_ups(
    client, staff, session, size, django_assert_num_queries
):
    for _n in range(size):
        EventSignupFactory(session=session, attended=True)
    client.force_login(staff)
    url = _url("event_register_export", session)
    client.get(url)
    # Session, user, membership, the session with its event and place, the sign-ups.
    with django_assert_num_queries(5):
        rows = _csv(client.get(url))
    assert len(rows) == 1 + size
