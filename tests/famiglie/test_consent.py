import datetime

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from famiglie import services
from famiglie.models import CaseEvent, Consent, EventKind
from sportelli.models import Referral
from tests.factories import ConsentFactory, OrganizationFactory

pytestmark = pytest.mark.usefixtures("pinned_now")


@pytest.fixture
def receiving():
    return OrganizationFactory(name="Caritas Binasco", slug="caritas-binasco")


def _refer(case, by, receiving, **extra):
    return services.case_refer(
        case=case,
        by=by,
        to_organization=receiving,
        person_name="Amina Haddad",
        person_contact="3330001122",
        need="Pacco alimentare.",
        **extra,
    )


def test_a_referral_without_a_sharing_consent_is_refused(case, case_worker, receiving):
    ConsentFactory(household=case.household, kind="care")
    with pytest.raises(ValidationError):
        _refer(case, case_worker, receiving)
    assert not Referral.objects.exists()


def test_a_consent_naming_another_organization_does_not_count(case, case_worker, receiving):
    ConsentFactory(household=case.household, kind="sharing", organization=OrganizationFactory())
    with pytest.raises(ValidationError):
        _refer(case, case_worker, receiving)


def test_the_matching_consent_lets_the_referral_go(case, case_worker, receiving):
    ConsentFactory(household=case.household, kind="sharing", organization=receiving)
    referral = _refer(case, case_worker, receiving)
    assert referral.to_organization == receiving
    assert referral.from_organization == case.team.organization
    assert CaseEvent.objects.filter(case=case, kind=EventKind.REFERRAL).exists()


def test_a_withdrawn_consent_no_longer_counts(case, case_worker, receiving):
    consent = ConsentFactory(household=case.household, kind="sharing", organization=receiving)
    withdrawal = services.consent_withdraw(case=case, consent=consent, by=case_worker)
    assert withdrawal.given is False and withdrawal.withdraws == consent
    assert Consent.objects.filter(pk=consent.pk, given=True).exists()  # the consent stays
    with pytest.raises(ValidationError):
        _refer(case, case_worker, receiving)
    with pytest.raises(ValidationError):
        services.consent_withdraw(case=case, consent=consent, by=case_worker)


def test_an_expired_consent_no_longer_counts(case, case_worker, receiving):
    ConsentFactory(
        household=case.household,
        kind="sharing",
        organization=receiving,
        expires_on=datetime.date(2026, 12, 1),
    )
    with pytest.raises(ValidationError):
        _refer(case, case_worker, receiving)


def test_overriding_needs_the_permission(case, case_worker, receiving):
    with pytest.raises(PermissionDenied):
        _refer(case, case_worker, receiving, override_reason="Rischio per un minore.")
    assert not Referral.objects.exists()


def test_an_override_is_logged(case, case_worker, receiving):
    case_worker.user_permissions.add(Permission.objects.get(codename="override_consent"))
    case_worker = type(case_worker).objects.get(pk=case_worker.pk)
    _refer(case, case_worker, receiving, override_reason="Rischio per un minore.")
    event = CaseEvent.objects.get(case=case, kind=EventKind.CONSENT_OVERRIDE)
    assert event.by == case_worker and event.organization == receiving
    assert event.note == "Rischio per un minore."
    assert LogEntry.objects.get_for_object(event).filter(action=LogEntry.Action.CREATE).exists()


def test_the_referral_page_says_why_it_is_refused(client, case, case_worker, receiving):
    client.force_login(case_worker)
    response = client.post(
        f"/famiglie/casi/{case.code}/segnala/",
        {
            "to_organization": "caritas binasco",
            "person_name": "Amina Haddad",
            "person_contact": "3330001122",
            "need": "Pacco alimentare.",
        },
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Caritas Binasco" in body
    assert "Amina Haddad" in body  # what was typed comes back
    assert "override_reason" not in body
    assert not Referral.objects.exists()


def test_a_consent_is_recorded_with_its_signed_form(client, case, case_worker, receiving):
    client.force_login(case_worker)
    response = client.post(
        f"/famiglie/casi/{case.code}/consensi/nuovo/",
        {
            "kind": "sharing",
            "organization": receiving.pk,
            "date": "2026-12-01",
            "signed_form": SimpleUploadedFile("Haddad Amina.pdf", b"%PDF-1.4", "application/pdf"),
        },
    )
    assert response.status_code == 302
    consent = Consent.objects.get(household=case.household)
    assert consent.collected_by == case_worker
    assert "Haddad" not in consent.signed_form.name
    assert case.household.reference in consent.signed_form.name
    response = client.get(f"/famiglie/casi/{case.code}/consensi/{consent.pk}/modulo/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4"


def test_a_sharing_consent_without_an_organization_is_refused(client, case, case_worker):
    client.force_login(case_worker)
    response = client.post(
        f"/famiglie/casi/{case.code}/consensi/nuovo/", {"kind": "sharing", "date": "2026-12-01"}
    )
    assert response.status_code == 400
    assert not Consent.objects.exists()


def test_the_receiving_organization_is_typed_not_chosen_from_the_network(
    client, case, case_worker, receiving
):
    """The network has 150,000 organizations at national scale: the page offers a text box,
    and a name found nowhere is refused with what was typed kept."""
    client.force_login(case_worker)
    page = f"/famiglie/casi/{case.code}/segnala/"
    body = client.get(page).content.decode()
    assert (
        'name="to_organization"' in body and "<select" not in body.split("to_organization")[1][:200]
    )
    assert "Caritas Binasco" not in body
    response = client.post(
        page,
        {"to_organization": "Caritas Bnasco", "person_name": "Amina Haddad", "need": "Pacco."},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Caritas Bnasco" in body and "Amina Haddad" in body
    assert not Referral.objects.exists()
