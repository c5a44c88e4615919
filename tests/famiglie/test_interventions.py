"""Interventions on a case: typed provider (organization by name or tax code, activity by
title among that organization's), amount in euro for contributions, linked to an objective."""

import datetime
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import translation

from famiglie.models import EventKind, Intervention
from tests.factories import (
    ActivityFactory,
    CaseFactory,
    ObjectiveFactory,
    OrganizationFactory,
)

pytestmark = pytest.mark.usefixtures("pinned_now")


@pytest.fixture
def bank(db):
    return OrganizationFactory(name="Banco Alimentare Sud Milano", tax_code="97000000011")


@pytest.fixture
def oratory(db):
    body = OrganizationFactory(name="Oratorio Sant Ambrogio", tax_code="97000000022")
    ActivityFactory(organization=body, title="Doposcuola elementari")
    ActivityFactory(organization=body, title="Doposcuola medie")
    ActivityFactory(organization=body, title="Calcio under 12")
    return body


def _url(case):
    return reverse("famiglie:intervention_create", args=[case.code])


def _post(client, case, **data):
    return client.post(_url(case), {"date": "2026-12-01", **data})


def test_a_food_parcel_is_recorded_with_its_provider_typed(client, case, case_worker, bank):
    objective = ObjectiveFactory(case=case, area="emergencies")
    client.force_login(case_worker)

    response = _post(
        client,
        case,
        kind="food_parcel",
        quantity="2",
        organization="banco alimentare sud",
        objective=str(objective.pk),
    )

    assert response.status_code == 302
    intervention = Intervention.objects.get(case=case)
    assert intervention.organization == bank
    assert intervention.quantity == 2 and intervention.amount is None
    assert intervention.objective == objective
    assert intervention.operator == case_worker
    event = case.events.get(kind=EventKind.INTERVENTION)
    assert event.organization == bank and event.by == case_worker
    page = client.get(case.get_absolute_url()).content.decode()
    assert "Banco Alimentare Sud Milano" in page


def test_an_economic_contribution_needs_its_amount_in_euro(client, case, case_worker, bank):
    client.force_login(case_worker)
    response = _post(client, case, kind="economic_contribution", organization="97000000011")
    assert response.status_code == 400
    assert "amount" in response.context["form"].errors

    response = _post(client, case, kind="economic_contribution", amount="150,50")

    assert response.status_code == 302
    assert Intervention.objects.get().amount == Decimal("150.50")
    assert "150,50" in client.get(case.get_absolute_url()).content.decode()


def test_an_enrolment_is_linked_to_the_activity_of_the_directory(
    client, case, case_worker, oratory
):
    client.force_login(case_worker)
    response = _post(
        client,
        case,
        kind="activity_enrolment",
        organization="Oratorio Sant Ambrogio",
        activity_title="doposcuola medie",
    )
    assert response.status_code == 302
    intervention = Intervention.objects.get()
    assert intervention.activity.title == "Doposcuola medie"
    assert intervention.organization == oratory


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        ({"kind": "activity_enrolment"}, "activity_title", "activity"),
        (
            {"kind": "activity_enrolment", "activity_title": "Doposcuola medie"},
            "organization",
            "organization",
        ),
        (
            {
                "kind": "activity_enrolment",
                "organization": "Oratorio Sant Ambrogio",
                "activity_title": "doposcuola",
            },
            "activity_title",
            "Oratorio Sant Ambrogio",
        ),
        (
            {
                "kind": "activity_enrolment",
                "organization": "Oratorio Sant Ambrogio",
                "activity_title": "nuoto libero",
            },
            "activity_title",
            "Calcio under 12",
        ),
        ({"kind": "food_parcel", "organization": "Banco inesistente"}, "organization", "No"),
        ({"kind": "food_parcel", "amount": "20"}, "amount", "economic"),
        ({"kind": "food_parcel", "date": "2026-12-09"}, "date", "future"),
        ({"kind": "food_parcel", "quantity": "-1"}, "quantity", ""),
        ({"kind": "parcel"}, "kind", ""),
    ],
)
def test_bad_input_is_told_on_its_field_and_kept(
    client, case, case_worker, oratory, data, field, words
):
    client.force_login(case_worker)
    response = client.post(
        _url(case), {"date": "2026-12-01", "notes": "Consegna al mattino.", **data}
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert field in errors, errors
    with translation.override("en"):
        assert words in " ".join(str(e) for e in errors[field]), errors[field]
    assert "Consegna al mattino." in response.content.decode()
    assert not Intervention.objects.exists()


def test_an_objective_of_another_case_is_refused(client, case, case_worker, team):
    other = ObjectiveFactory(case=CaseFactory(team=team))
    client.force_login(case_worker)
    response = _post(client, case, kind="school_support", objective=str(other.pk))
    assert response.status_code == 400
    assert "objective" in response.context["form"].errors


def test_recording_leaves_a_history_row_with_the_amount_masked(client, case, case_worker):
    client.force_login(case_worker)
    _post(client, case, kind="economic_contribution", amount="321,00", notes="Affitto.")
    intervention = Intervention.objects.get()
    entry = LogEntry.objects.get(
        action=LogEntry.Action.CREATE,
        content_type__model="intervention",
        object_id=intervention.pk,
    )
    assert entry.actor == case_worker
    # The masked fields are recorded as changed, but not their values (other fields, such as
    # the case's id, may contain the same digits: the amount's own entry is what is checked).
    changes = entry.changes_dict
    assert "321" not in str(changes["amount"]) and "Affitto" not in str(changes["notes"])
    assert intervention.date == datetime.date(2026, 12, 1)


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "food_parcel", "quantity": "99999999999999", "objective": "99999999999999999999"},
        {"kind": "economic_contribution", "amount": "9999999999999,99"},
        {"kind": "food_parcel", "organization": "a\x00b"},
        {
            "kind": "activity_enrolment",
            "organization": "Oratorio San Luigi",
            "activity_title": "x\x00",
        },
    ],
)
def test_out_of_range_values_are_a_message_not_an_error(client, case, case_worker, data):
    client.force_login(case_worker)
    assert _post(client, case, **data).status_code == 400


def test_an_objective_number_out_of_range_is_a_404(client, case, case_worker):
    client.force_login(case_worker)
    url = reverse("famiglie:objective_edit", args=[case.code, 10**22])
    assert client.get(url).status_code == 404
