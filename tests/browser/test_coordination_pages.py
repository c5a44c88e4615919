"""The coordination pages of issue 14 in a real browser, at 360 px and on a desktop, each
checked with axe-core (WCAG 2.1 AA) and for sideways scrolling: a coordinator's survey rounds
(list, a new round with its questionnaire, its results), an organization's answer page (a draft
then sent, with the keyboard only), needs against offer (table and SVG map) and the dashboard's
link to the period report (a PDF)."""

import datetime

import pytest
from django.utils import timezone

from directory.models import QuestionKind, SurveyResponse, SurveyRound
from tests.factories import (
    AccessFactory,
    ActivityFactory,
    LocationFactory,
    MunicipalityFactory,
    SurveyQuestionFactory,
    SurveyRoundFactory,
    ZoneFactory,
    category,
)

pytestmark = pytest.mark.django_db(transaction=True)

PERIOD = "?dal=2026-01-01&al=2026-12-31"
PHONE = 360


def assert_no_sideways_scroll(page):
    # The tables scroll in their own region; the page itself must not.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE


@pytest.fixture
def towns(network, organization, desk):
    """Rho (zone Rhodense) with the desk and an activity, Legnano (Legnanese) with none."""
    found = {}
    for zone_name, town, code, latitude, longitude in (
        ("Rhodense", "Rho", "015182", 45.53, 9.04),
        ("Legnanese", "Legnano", "015118", 45.60, 8.92),
    ):
        zone = ZoneFactory(name=zone_name)
        municipality = MunicipalityFactory(
            name=town, istat_code=code, latitude=latitude, longitude=longitude
        )
        zone.municipalities.add(municipality)
        network.zones.add(zone)
        found[town] = municipality
    desk.municipality = found["Rho"]
    desk.save()
    place = LocationFactory(organization=organization, municipality=found["Rho"])
    ActivityFactory(organization=organization, categories=[category("sport")]).locations.add(place)
    when = timezone.make_aware(datetime.datetime(2026, 3, 2, 10))
    for topic in ["orientamento-lavoro"] * 6 + ["supporto-psicologico"]:
        AccessFactory(desk=desk, occurred_at=when, topics=[category(topic)])
    return found


@pytest.fixture
def survey(network):
    survey_round = SurveyRoundFactory(network=network, title="Bisogni degli enti 2026")
    SurveyQuestionFactory(round=survey_round, position=1, required=True)
    SurveyQuestionFactory(
        round=survey_round,
        position=2,
        text="Quali servizi mancano nel vostro territorio?",
        kind=QuestionKind.MULTIPLE,
        choices="Trasporti\nDoposcuola\nSportello",
    )
    SurveyQuestionFactory(
        round=survey_round,
        position=3,
        text="Quanto vi serve?",
        kind=QuestionKind.SCALE,
        choices="",
        required=True,
    )
    SurveyQuestionFactory(
        round=survey_round, position=4, text="Altro?", kind=QuestionKind.TEXT, choices=""
    )
    return survey_round


def test_the_coordinator_opens_a_round_and_reads_its_results_on_a_phone(
    page, sign_in, assert_accessible, network_coordinator, network, survey
):
    sign_in(page, network_coordinator)
    page.goto(f"/area-enti/reti/{network.slug}/indicatori/")
    page.get_by_role("link", name="Rilevazioni dei bisogni degli enti della rete").click()
    page.wait_for_url(f"**/reti/{network.slug}/indagini/")
    assert page.get_by_role("link", name="Bisogni degli enti 2026", exact=True).count() == 1
    assert_no_sideways_scroll(page)
    assert_accessible(page)

    page.get_by_role("link", name="Nuova rilevazione").click()
    page.wait_for_url("**/indagini/nuova/")
    assert_no_sideways_scroll(page)
    assert_accessible(page)
    page.locator("#id_title").fill("Rilevazione di primavera")
    page.locator("#id_opens_on").fill("2026-12-10")
    page.locator("#id_closes_on").fill("2026-12-01")  # before it opens: refused, kept
    page.locator("#id_domande-0-text").fill("Di che cosa avete bisogno?")
    page.locator("#id_domande-0-kind").select_option("multiple")
    page.locator("#id_domande-0-choices").fill("Volontari\nSpazi")
    with page.expect_navigation():
        page.get_by_role("button", name="Salva").click()
    assert page.get_by_role("alert").count() >= 1
    assert page.locator("#id_domande-0-text").input_value() == "Di che cosa avete bisogno?"
    assert_no_sideways_scroll(page)
    assert_accessible(page)

    page.locator("#id_closes_on").fill("2027-01-31")
    page.get_by_role("button", name="Salva").click()
    page.wait_for_url("**/indagini/*/")
    assert SurveyRound.objects.filter(title="Rilevazione di primavera").exists()
    assert page.get_by_role("heading", name="Modifiche al questionario").count() == 1
    assert_no_sideways_scroll(page)
    assert_accessible(page)

    page.goto(f"/area-enti/reti/{network.slug}/indagini/{survey.pk}/risultati/")
    assert page.locator("svg[role=img]").count() == 3  # the three choice questions
    assert_no_sideways_scroll(page)
    assert_accessible(page)
    page.locator("label[for=per-area]").click()  # Bootstrap Italia draws the radio on its label
    page.get_by_role("button", name="Mostra").click()
    page.wait_for_url("**/risultati/?per=area")
    assert_accessible(page)


def test_an_organization_answers_with_the_keyboard_only(
    page, sign_in, assert_accessible, staff, organization, survey
):
    sign_in(page, staff)
    page.goto(f"/area-enti/enti/{organization.slug}/indagini/")
    assert_no_sideways_scroll(page)
    assert_accessible(page)
    page.get_by_role("link", name="Bisogni degli enti 2026").click()
    page.wait_for_url(f"**/indagini/{survey.pk}/")
    assert_no_sideways_scroll(page)
    assert_accessible(page)
    questions = {q.position: f"q{q.pk}" for q in survey.questions.all()}

    def tab_to(selector, limit=120):
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate(f"document.activeElement.matches({selector!r})"):
                return
        raise AssertionError(f"the keyboard never reached {selector}")

    # A draft: the single choice (arrows move and choose), one service (space), some text.
    tab_to(f"input[name={questions[1]}]")
    page.keyboard.press("ArrowDown")  # the second choice: "Spazi"
    tab_to(f"input[name={questions[2]}][value=Doposcuola]")
    page.keyboard.press("Space")
    tab_to(f"input[name={questions[4]}]")
    page.keyboard.type("Un pulmino")
    tab_to("button[value=bozza]")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/enti/{organization.slug}/indagini/")
    response = SurveyResponse.objects.get(round=survey, organization=organization)
    assert response.is_draft
    assert page.get_by_text("bozza salvata, non inviata").count() == 1
    assert_accessible(page)

    # Sending without the required scale: a message, and the draft's answers kept.
    tab_to(f"a[href$='/indagini/{survey.pk}/']")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/indagini/{survey.pk}/")
    assert page.locator(f"input[name={questions[1]}][value=Spazi]").is_checked()
    tab_to("button[value=invia]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("alert").count() >= 1
    assert page.locator(f"input[name={questions[4]}]").input_value() == "Un pulmino"
    assert_no_sideways_scroll(page)
    assert_accessible(page)

    tab_to(f"input[name={questions[3]}]")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")  # from 1 to 4
    tab_to("button[value=invia]")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/enti/{organization.slug}/indagini/")
    response.refresh_from_db()
    assert not response.is_draft
    chosen = {a.question.position: (a.chosen, a.text) for a in response.answers.all()}
    assert chosen == {
        1: (["Spazi"], ""),
        2: (["Doposcuola"], ""),
        3: (["4"], ""),
        4: ([], "Un pulmino"),
    }
    assert_accessible(page)


def test_needs_against_offer_on_a_phone(
    page, sign_in, assert_accessible, network_coordinator, network, towns
):
    sign_in(page, network_coordinator)
    page.goto(f"/area-enti/reti/{network.slug}/indicatori/{PERIOD}")
    page.get_by_role("link", name="Bisogni e offerta, per ambito e area").click()
    page.wait_for_url("**/bisogni-e-offerta/*")

    table = page.get_by_role("table")
    assert table.count() == 1
    assert table.get_by_role("row", name="Rhodense").count() >= 1
    map_image = page.get_by_role("img", name="Bisogni e offerta per comune")
    assert map_image.count() == 1
    assert page.locator("svg.needs-map circle").count() >= 2
    assert map_image.bounding_box()["width"] <= PHONE
    assert_no_sideways_scroll(page)
    assert_accessible(page)


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_the_dashboard_links_the_period_report_pdf(
    request, sign_in, assert_accessible, network_coordinator, network, towns, survey, width
):
    page = request.getfixturevalue("page" if width == "phone" else "desktop_page")
    sign_in(page, network_coordinator)
    page.goto(f"/area-enti/reti/{network.slug}/indicatori/{PERIOD}")
    link = page.get_by_role("link", name="Relazione del periodo (PDF)")

    href = link.get_attribute("href")
    assert href.endswith(f"/reti/{network.slug}/relazione.pdf?dal=2026-01-01&al=2026-12-31")
    pdf = page.request.get(href)
    assert pdf.ok
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")
    if width == "phone":
        assert_no_sideways_scroll(page)
    assert_accessible(page)


def test_the_survey_pages_are_accessible_on_a_desktop(
    desktop_page, sign_in, assert_accessible, coordinator, network, survey
):
    sign_in(desktop_page, coordinator)
    for path in (
        f"/area-enti/reti/{network.slug}/indagini/",
        f"/area-enti/reti/{network.slug}/indagini/{survey.pk}/",
        f"/area-enti/reti/{network.slug}/indagini/{survey.pk}/risultati/",
        f"/area-enti/reti/{network.slug}/bisogni-e-offerta/{PERIOD}",
    ):
        desktop_page.goto(path)
        assert_accessible(desktop_page)
