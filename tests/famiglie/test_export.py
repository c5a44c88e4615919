"""The family's export (right of access): the household's complete record for the team lead,
as a JSON file and a page to print, with who read the file; itself audited."""

import json

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from famiglie.models import Household
from tests.factories import (
    AssessmentScoreFactory,
    CaseFactory,
    ConsentFactory,
    InterventionFactory,
    NoteFactory,
    ObjectiveFactory,
    TeamFactory,
)

SECRET = "Seduta: il figlio ha paura del buio."


@pytest.fixture
def full_case(case, case_worker):
    ConsentFactory(household=case.household)
    AssessmentScoreFactory(assessment__case=case, notes="Padre senza lavoro.")
    ObjectiveFactory(case=case, description="Tirocinio per la madre.")
    InterventionFactory(case=case, notes="Pacco consegnato.")
    NoteFactory(case=case, text="Colloquio con la madre.")
    NoteFactory(case=case, text=SECRET, visibility="psychologist")
    return case


def _download(client, case):
    response = client.get(reverse("famiglie:household_export", args=[case.code]))
    assert response.status_code == 200
    return response, json.loads(response.content)


def _flatten(data):
    yield data
    for section in data.get("sections", []):
        yield from _flatten(section)


def test_the_lead_downloads_the_whole_record(client, full_case, team_lead, case_worker):
    client.force_login(case_worker)
    client.get(full_case.get_absolute_url())  # a read the file must show
    client.force_login(team_lead)
    response, data = _download(client, full_case)
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Cache-Control"] == "private, no-store"
    assert data["household"] == full_case.household.reference
    sections = {s["section"]: s for s in _flatten(data) if "section" in s}
    assert sections["members"]["records"][0]["first_name"] == "Amina"
    assert sections["consents"]["records"][0]["kind"] == "care"
    assert sections["assessments"]["records"][0]["notes"] == "Padre senza lavoro."
    assert sections["objectives"]["records"][0]["description"] == "Tirocinio per la madre."
    assert sections["interventions"]["records"][0]["notes"] == "Pacco consegnato."
    notes = sections["notes"]["records"]
    assert [n["text"] for n in notes] == ["Colloquio con la madre.", None]
    readers = {(row["actor"], row["action"]) for row in sections["audit"]["records"]}
    assert (str(case_worker), "access") in readers
    assert SECRET not in response.content.decode()


def test_the_export_is_itself_audited(client, full_case, team_lead):
    client.force_login(team_lead)
    _download(client, full_case)
    assert LogEntry.objects.filter(
        action=LogEntry.Action.ACCESS,
        actor=team_lead,
        object_id=full_case.household_id,
        additional_data__page="famiglie:household_export",
    ).exists()
    # The next export lists the previous one.
    _response, data = _download(client, full_case)
    audit = next(s for s in _flatten(data) if s.get("section") == "audit")
    assert any(row["page"] == "famiglie:household_export" for row in audit["records"])


def test_another_teams_case_of_the_household_stays_out(client, full_case, team_lead):
    other = CaseFactory(household=full_case.household, team=TeamFactory())
    client.force_login(team_lead)
    response, _data = _download(client, full_case)
    assert full_case.code in response.content.decode()
    assert other.code not in response.content.decode()


def test_the_page_to_print(client, full_case, team_lead):
    client.force_login(team_lead)
    response = client.get(reverse("famiglie:household_export_page", args=[full_case.code]))
    assert response.status_code == 200
    body = response.content.decode()
    assert (
        "Amina" in body and "Tirocinio per la madre." in body and "Colloquio con la madre." in body
    )
    assert SECRET not in body
    assert reverse("famiglie:household_export", args=[full_case.code]) in body


def test_nothing_but_the_code_in_the_address(full_case):
    url = reverse("famiglie:household_export", args=[full_case.code])
    household = Household.objects.get(pk=full_case.household_id)
    assert household.reference not in url and str(household.pk) not in url.replace(
        full_case.code, ""
    )
