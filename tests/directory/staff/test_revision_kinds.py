"""The revision kinds' registry (directory/staff/revision_kinds.py): one entry per kind, and
what each entry answers holds for a revision of that kind."""

import pytest
from django.urls import resolve

from directory.models import Revision
from directory.staff.revision_kinds import REVISION_KINDS, kind_of
from directory.staff.views.editing import reopen_url
from tests.factories import (
    ActivityFactory,
    DeskFactory,
    EventSessionFactory,
    LocationFactory,
    VolunteeringCallFactory,
)

pytestmark = pytest.mark.django_db


def test_every_kind_of_revision_has_an_entry():
    assert set(REVISION_KINDS) == set(Revision.Kind.values)
    assert all(key == entry.kind for key, entry in REVISION_KINDS.items())


def _revisions(organization, author):
    """One revision of each kind on an existing record, and one per kind that creates one."""
    activity = ActivityFactory(organization=organization)
    location = LocationFactory(organization=organization)
    event = EventSessionFactory(event__organization=organization, location=location).event
    desk = DeskFactory(host_organization=organization, location=location)
    call = VolunteeringCallFactory(organization=organization)
    targets = {
        Revision.Kind.ORGANIZATION: [{}],
        Revision.Kind.LOCATION: [{"location": location}, {"is_new": True}],
        Revision.Kind.ACTIVITY: [{"activity": activity}, {"is_new": True}],
        Revision.Kind.HOURS: [{"activity": activity, "data": {"slots": [], "exceptions": []}}],
        Revision.Kind.EVENT: [{"event": event}, {"is_new": True}],
        # A translation's first revision creates its row.
        Revision.Kind.ACTIVITY_TRANSLATION: [
            {"activity": activity, "is_new": True, "data": {"language": "en"}}
        ],
        Revision.Kind.ORGANIZATION_TRANSLATION: [{"is_new": True, "data": {"language": "ar"}}],
        # A desk's and a call's key travel in ``data``.
        Revision.Kind.DESK_TRANSLATION: [
            {"is_new": True, "data": {"language": "uk", "desk": desk.pk, "record": desk.name}}
        ],
        Revision.Kind.CALL_TRANSLATION: [
            {"is_new": True, "data": {"language": "fr", "call": call.pk, "record": call.title}}
        ],
    }
    assert set(targets) == set(Revision.Kind.values), "a new kind needs a case here"
    return [
        Revision.objects.create(organization=organization, kind=kind, author=author, **fields)
        for kind, cases in targets.items()
        for fields in cases
    ]


def test_each_entrys_edit_url_resolves_and_opens_the_form_for_its_author(
    client, staff, organization
):
    client.force_login(staff)
    for revision in _revisions(organization, staff):
        url = kind_of(revision).edit_url(revision)

        assert resolve(url).namespace == "staff", revision.kind
        response = client.get(reopen_url(revision))
        assert response.status_code == 200, (revision.kind, url)


def test_the_hours_of_an_activity_deleted_since_have_no_edit_url(staff, organization):
    revision = Revision.objects.create(
        organization=organization, kind=Revision.Kind.HOURS, author=staff
    )

    assert reopen_url(revision) is None


def test_each_entry_names_the_record_its_revision_changes(staff, organization):
    for revision in _revisions(organization, staff):
        target = kind_of(revision).target(revision)

        assert (target.pk is None) == revision.is_new, revision.kind
        if not revision.is_new:
            assert target in (organization, revision.location, revision.activity, revision.event)


def test_only_a_new_activity_takes_hours_while_it_waits(staff, organization):
    takers = [
        (revision.kind, revision.is_new)
        for revision in _revisions(organization, staff)
        if kind_of(revision).takes_pending_hours(revision)
    ]

    assert takers == [(Revision.Kind.ACTIVITY, True)]
