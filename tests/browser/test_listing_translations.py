"""A listing translated by its staff, in a real browser: the staff's form (a phone's width, no
JavaScript needed) and the family's page in Arabic, each checked by axe (issue 13); a desk's
page and sheet the same way."""

import pytest

from directory.models import ActivityTranslation, Category, Taxonomy
from sportelli.models import DeskTranslation
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_staff_translate_and_the_family_reads_in_arabic(
    page, assert_accessible, sign_in, staff, organization
):
    organization.is_trusted = True  # published at once: the review has its own tests
    organization.save()
    taxonomy, _ = Taxonomy.objects.get_or_create(slug="aree-intervento", defaults={"name": "Aree"})
    laboratori, _ = Category.objects.get_or_create(
        slug="laboratori", defaults={"taxonomy": taxonomy, "name": "Laboratori"}
    )
    activity = ActivityFactory(
        organization=organization,
        title="Doposcuola",
        eligibility="Bambini della primaria.",
        categories=[laboratori],
    )
    sign_in(page, staff)
    page.goto(f"/area-enti/enti/{organization.slug}/attivita/{activity.pk}/traduzioni/")
    assert_accessible(page)
    page.goto(f"/area-enti/enti/{organization.slug}/attivita/{activity.pk}/traduzioni/ar/")
    assert_accessible(page)
    page.fill("#id_title", "نادي ما بعد المدرسة")
    page.click("form[novalidate] button[type=submit]")
    page.wait_for_url(f"**/attivita/{activity.pk}/traduzioni/")
    assert ActivityTranslation.objects.get().language == "ar"

    page.goto(f"/ar/attivita/{activity.slug}/")
    assert_accessible(page)
    heading = page.locator("h1")
    assert heading.inner_text() == "نادي ما بعد المدرسة"
    assert heading.get_attribute("lang") is None
    eligibility = page.get_by_text("Bambini della primaria.")
    assert eligibility.get_attribute("lang") == "it"
    assert eligibility.get_attribute("dir") == "ltr"
    assert page.locator(".linkrete-in-italian").count() == 1
    # Nothing overflows the phone's width.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_desks_operator_translates_it_and_the_family_reads_it_in_arabic(
    page, assert_accessible, sign_in, desk_operator, desk
):
    organization = desk.host_organization
    organization.is_trusted = True  # published at once: the review has its own tests
    organization.save()
    desk.description = "Orientamento ai servizi del territorio."
    desk.interpreting = "Una mediatrice culturale su richiesta."
    desk.save()
    sign_in(page, desk_operator)
    page.goto(f"/area-enti/enti/{organization.slug}/sportelli/{desk.slug}/traduzioni/")
    assert_accessible(page)
    page.goto(f"/area-enti/enti/{organization.slug}/sportelli/{desk.slug}/traduzioni/ar/")
    assert_accessible(page)
    page.fill("#id_description", "توجيه إلى خدمات المنطقة.")
    page.click("form[novalidate] button[type=submit]")
    page.wait_for_url(f"**/sportelli/{desk.slug}/traduzioni/")
    assert DeskTranslation.objects.get().language == "ar"

    page.goto(f"/ar/sportelli/{desk.slug}/")
    assert_accessible(page)
    assert page.locator("html").get_attribute("dir") == "rtl"
    description = page.get_by_text("توجيه إلى خدمات المنطقة.")
    assert description.get_attribute("lang") is None
    interpreting = page.get_by_text("Una mediatrice culturale su richiesta.")
    assert interpreting.get_attribute("lang") == "it"
    assert interpreting.get_attribute("dir") == "ltr"
    assert page.locator(".linkrete-in-italian").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    page.goto(f"/ar/sportelli/{desk.slug}/scheda/")
    assert_accessible(page)
    assert page.get_by_text("توجيه إلى خدمات المنطقة.").count() == 1
    assert page.locator("p.sheet-it[lang=it]").inner_text() == desk.description
