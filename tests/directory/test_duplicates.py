"""Finding possible duplicates (directory/duplicates.py, manage.py find_duplicates)."""

import io
import uuid

import pytest
from django.core.management import call_command

from directory.duplicates import find_duplicates
from directory.models import DuplicateCandidate, Organization
from tests.factories import LocationFactory, MunicipalityFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def genova():
    return MunicipalityFactory(istat_code="010025", name="Genova")


@pytest.fixture
def savona():
    return MunicipalityFactory(istat_code="009056", name="Savona")


def body(name, **fields):
    return OrganizationFactory(name=name, slug=f"ente-{uuid.uuid4().hex[:12]}", **fields)


def placed(name, municipality, **fields):
    organization = body(name, **fields)
    LocationFactory(organization=organization, municipality=municipality)
    return organization


def pairs():
    return {
        (c.first.name, c.second.name, c.reason)
        for c in DuplicateCandidate.objects.open().select_related("first", "second")
    }


def test_the_same_tax_code_written_differently(pinned_now):
    OrganizationFactory(name="Il Ponte", tax_code="97123450153")
    twin = OrganizationFactory(name="Ass. Ponte")
    # Written before the form normalized it, or loaded by a script.
    Organization.objects.filter(pk=twin.pk).update(tax_code="it 97123450153")
    OrganizationFactory(name="Altro ente", tax_code="97654321013")
    find_duplicates()
    assert pairs() == {("Il Ponte", "Ass. Ponte", "tax_code")}
    assert DuplicateCandidate.objects.get().score == 1


def test_a_tax_code_typed_in_the_runts_number_field(pinned_now):
    OrganizationFactory(name="Il Ponte", tax_code="97123450153")
    OrganizationFactory(name="Ponte ODV", runts_number="97123450153")
    find_duplicates()
    assert pairs() == {("Il Ponte", "Ponte ODV", "tax_code")}


def test_the_same_runts_number(pinned_now):
    OrganizationFactory(name="Il Ponte", runts_number="12345")
    OrganizationFactory(name="Ponte ODV", runts_number=" 12.345")
    OrganizationFactory(name="Altro ente", runts_number="54321")
    find_duplicates()
    assert pairs() == {("Il Ponte", "Ponte ODV", "runts_number")}


def test_similar_names_in_the_same_municipality(pinned_now, genova, savona):
    placed("Associazione Il Ponte Genova", genova)
    placed("Il Ponte APS", genova)
    placed("Il Ponte APS", savona)  # another body of the same name elsewhere
    placed("Il Faro Genova", genova)  # alike only by the town's name
    placed("Associazione La Goccia", genova)
    placed("ODV La Zattera", genova)
    find_duplicates()
    assert pairs() == {("Associazione Il Ponte Genova", "Il Ponte APS", "name")}


def test_the_strongest_reason_is_kept(pinned_now, genova):
    placed("Il Ponte", genova, tax_code="97123450153", runts_number="12345")
    placed("Il Ponte", genova, runts_number="12345")
    body("Ponte", runts_number="97123450153")
    find_duplicates()
    assert pairs() == {
        ("Il Ponte", "Il Ponte", "runts_number"),
        ("Il Ponte", "Ponte", "tax_code"),
    }


def test_distinct_bodies_are_not_listed(pinned_now, genova):
    placed("Oratorio San Luigi", genova, tax_code="97123450153", runts_number="12345")
    placed("Comitato Genitori Rodari", genova, tax_code="97654321013", runts_number="54321")
    body("Oratorio San Luigi")  # no place: no municipality to share
    find_duplicates()
    assert pairs() == set()


def test_a_dismissed_pair_stays_dismissed(pinned_now, coordinator, time_machine):
    OrganizationFactory(name="Il Ponte", runts_number="12345")
    OrganizationFactory(name="Ponte ODV", runts_number="12345")
    find_duplicates()
    DuplicateCandidate.objects.update(dismissed_at=pinned_now, dismissed_by=coordinator)
    time_machine.shift(86400)
    found = find_duplicates()
    assert found.total == 0 and pairs() == set()
    candidate = DuplicateCandidate.objects.get()
    assert (candidate.dismissed_at, candidate.dismissed_by) == (pinned_now, coordinator)


def test_a_pair_no_longer_found_goes(pinned_now, time_machine):
    OrganizationFactory(name="Il Ponte", runts_number="12345")
    twin = OrganizationFactory(name="Ponte ODV", runts_number="12345")
    find_duplicates()
    twin.runts_number = "99999"
    twin.save()
    time_machine.shift(86400)
    found = find_duplicates()
    assert (found.total, found.gone) == (0, 1)
    assert not DuplicateCandidate.objects.exists()


def test_running_it_twice_lists_each_pair_once(pinned_now, time_machine):
    OrganizationFactory(name="Il Ponte", runts_number="12345")
    OrganizationFactory(name="Ponte ODV", runts_number="12345")
    find_duplicates()
    time_machine.shift(60)
    find_duplicates()
    assert DuplicateCandidate.objects.count() == 1


def test_the_command_summarizes(pinned_now):
    OrganizationFactory(name="Il Ponte", runts_number="12345")
    OrganizationFactory(name="Ponte ODV", runts_number="12345")
    out = io.StringIO()
    call_command("find_duplicates", stdout=out)
    assert out.getvalue() == (
        "Possible duplicates: 1 open (tax_code 0, runts_number 1, name 0); 0 no longer found.\n"
    )


def test_the_command_can_hand_the_search_to_the_worker(pinned_now):
    from django_tasks_db.models import DBTaskResult

    OrganizationFactory(name="Il Ponte", runts_number="12345")
    OrganizationFactory(name="Ponte ODV", runts_number="12345")
    out = io.StringIO()
    call_command("find_duplicates", "--background", stdout=out)
    assert out.getvalue() == "Duplicate search handed to the worker.\n"
    assert not DuplicateCandidate.objects.exists()  # nothing done in the command itself
    result = DBTaskResult.objects.get()
    assert result.task_path == "directory.tasks.find_duplicates"
