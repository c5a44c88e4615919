"""An access point's referrer (a bank's) on a phone (360 px): lands on its page, refers a person
with consent (first forgetting the consent: what was typed stays), then signals a need
anonymously; axe-core checks every page opened."""

import pytest

from directory.models import AccessPointReferrer, LegalForm, MemberRole
from sportelli.models import NeedSignal, Referral
from tests.factories import (
    MunicipalityFactory,
    NetworkMembershipFactory,
    OrganizationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def referrer(network):
    bank = OrganizationFactory(
        name="Banca del Territorio", slug="banca-del-territorio", legal_form=LegalForm.BANK
    )
    NetworkMembershipFactory(network=network, organization=bank, role=MemberRole.ACCESS_POINT)
    user = UserFactory(username="cassa-banca")
    AccessPointReferrer.objects.create(user=user, organization=bank)
    MunicipalityFactory()
    return user


def test_a_bank_refers_and_signals_on_a_phone(
    page, assert_accessible, sign_in, referrer, organization
):
    sign_in(page, referrer)
    page.goto("/benvenuto/")
    page.wait_for_url("**/sportelli/punto-accesso/banca-del-territorio/")
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.get_by_role("link", name="Segnala una persona (con consenso)").click()
    page.wait_for_url("**/segnala/")
    assert_accessible(page)
    page.locator("#id_to_organization").select_option(label=organization.name)
    page.locator("#id_person_name").fill("Zeffirina Quagliotti")
    page.locator("#id_person_contact").fill("3331234567")
    page.locator("#id_need").fill("Rate del mutuo arretrate.")
    page.get_by_role("button", name="Invia la segnalazione").click()
    page.wait_for_load_state("load")
    assert page.locator("#id_person_name").input_value() == "Zeffirina Quagliotti"
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.locator('label[for="id_consent_to_share"]').click()
    page.get_by_role("button", name="Invia la segnalazione").click()
    page.wait_for_url("**/punto-accesso/banca-del-territorio/")
    assert Referral.objects.get().source_type == "bank"
    assert "Zeffirina Quagliotti" in page.locator("main").inner_text()
    assert_accessible(page)

    page.get_by_role("link", name="Segnala un bisogno (anonimo)").click()
    page.wait_for_url("**/bisogno/")
    assert_accessible(page)
    page.locator("#id_area").select_option("work")
    page.locator("#id_municipality").fill("Buccinasco")
    page.locator("#id_age_band").select_option("30-44")
    page.get_by_role("button", name="Invia il segnale").click()
    page.wait_for_url("**/punto-accesso/banca-del-territorio/")
    assert NeedSignal.objects.get().municipality.name == "Buccinasco"
    assert_accessible(page)
