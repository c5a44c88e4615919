"""The network's printable period report (issue 14, SpOON's final report): a PDF of A4 pages
with the network's name and period, the dashboard's figures, needs against offer and the needs
surveys' results, small counts written "<5" and the surveys' free text left out, for the
network's coordinators only."""

import datetime
import re

import pypdfium2
import pytest
from django.urls import reverse
from django.utils import timezone

from directory.models import QuestionKind
from directory.surveys.services import survey_response_save
from tests.factories import (
    AccessFactory,
    ActivityFactory,
    CaseFactory,
    MunicipalityFactory,
    NetworkMembershipFactory,
    OrganizationFactory,
    SurveyQuestionFactory,
    SurveyRoundFactory,
    TeamFactory,
    ZoneFactory,
    category,
)

pytestmark = pytest.mark.usefixtures("pinned_now")

PERIOD = {"dal": "2026-01-01", "al": "2026-12-31"}
A4_POINTS = (595, 842)


def _text(document):
    return "\n".join(page.get_textpage().get_text_range() for page in document)


def test_the_report_is_an_a4_pdf_with_the_title_and_the_figures(
    client, network_coordinator, network, organization, desk
):
    for _ in range(6):
        AccessFactory(desk=desk, topics=[category("orientamento-lavoro")])
    AccessFactory(desk=desk, topics=[category("digital-divide")])
    ActivityFactory(organization=organization, categories=[category("sport")])
    CaseFactory(team=TeamFactory(organization=organization))
    client.force_login(network_coordinator)

    response = client.get(reverse("staff:network_report_pdf", args=[network.slug]), PERIOD)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    document = pypdfium2.PdfDocument(response.content)
    assert all(tuple(round(n) for n in page.get_size()) == A4_POINTS for page in document)
    text = _text(document)
    assert "Relazione di Rete A" in text
    assert "Periodo dal 1 gennaio 2026 al 31 dicembre 2026" in text
    assert "Orientamento al lavoro" in text
    assert "<5" in text  # the digital divide's single access, the one family


@pytest.mark.parametrize(
    ("visitor", "status"),
    [("staff", 404), ("other_staff", 404), ("anonymous", 302), ("coordinator", 200)],
)
def test_only_the_networks_coordinators_print_it(
    client, request, network, other_network, network_coordinator, visitor, status
):
    if visitor != "anonymous":
        client.force_login(request.getfixturevalue(visitor))

    response = client.get(reverse("staff:network_report_pdf", args=[network.slug]), PERIOD)

    assert response.status_code == status
    client.force_login(network_coordinator)
    theirs = client.get(reverse("staff:network_report_pdf", args=[other_network.slug]), PERIOD)
    assert theirs.status_code == 404


def test_the_dashboard_links_the_report_of_its_period(client, network_coordinator, network):
    client.force_login(network_coordinator)

    page = client.get(reverse("staff:network_indicators", args=[network.slug]), PERIOD)

    url = reverse("staff:network_report_pdf", args=[network.slug])
    assert f'href="{url}?dal=2026-01-01&amp;al=2026-12-31"' in page.content.decode()


def _flat(text):
    """The PDF's text with its line breaks and runs of spaces made single spaces."""
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def rho(network, desk):
    zone = ZoneFactory(name="Rhodense")
    town = MunicipalityFactory(name="Rho", istat_code="015182", latitude=45.53, longitude=9.04)
    zone.municipalities.add(town)
    network.zones.add(zone)
    desk.municipality = town
    desk.save()
    return town


def _survey(network, title, opens_on, closes_on):
    survey_round = SurveyRoundFactory(
        network=network, title=title, opens_on=opens_on, closes_on=closes_on
    )
    need = SurveyQuestionFactory(
        round=survey_round,
        position=1,
        text="Di che cosa avete bisogno?",
        choices="Volontari\nSpazi",
    )
    other = SurveyQuestionFactory(
        round=survey_round, position=2, text="Altro?", kind=QuestionKind.TEXT, choices=""
    )
    return survey_round, need, other


def test_the_report_has_needs_against_offer_and_the_surveys_results(
    client, network_coordinator, network, organization, desk, rho
):
    # Needs against offer in Rho: six accesses about work and none of its activities (a gap).
    when = timezone.make_aware(datetime.datetime(2026, 3, 2, 10))
    for _ in range(6):
        AccessFactory(desk=desk, occurred_at=when, topics=[category("orientamento-lavoro")])
    # A round of the period: six bodies want volunteers, one wants space (one body: "<5").
    survey_round, need, other = _survey(
        network, "Bisogni degli enti 2026", datetime.date(2026, 11, 1), datetime.date(2026, 12, 31)
    )
    for n in range(7):
        body = OrganizationFactory(name=f"Ente {n}")
        NetworkMembershipFactory(network=network, organization=body)
        survey_response_save(
            survey_round=survey_round,
            organization=body,
            answers=[(need, ["Spazi" if n == 6 else "Volontari"], ""), (other, [], "Un furgone")],
            send=True,
        )
    _survey(network, "Rilevazione del 2025", datetime.date(2025, 3, 1), datetime.date(2025, 4, 30))
    client.force_login(network_coordinator)

    response = client.get(reverse("staff:network_report_pdf", args=[network.slug]), PERIOD)

    assert response.status_code == 200
    text = _flat(_text(pypdfium2.PdfDocument(response.content)))
    assert "Bisogni e offerta" in text
    assert "Rhodense, Inclusione lavorativa: bisogni rilevati e nessuna attività offerta." in text
    assert "Rhodense – Inclusione lavorativa 0 6" in text  # no activity, six accesses
    assert "Rilevazioni dei bisogni degli enti della rete" in text
    assert "Bisogni degli enti 2026" in text
    assert "Aperta dal 1 novembre 2026 al 31 dicembre 2026." in text
    assert "7 enti hanno inviato le risposte." in text
    assert "Di che cosa avete bisogno?" in text
    assert "Volontari 6" in text
    assert "Spazi <5" in text
    assert "Un furgone" not in text  # free text is not an aggregate
    assert "Ente 1" not in text
    assert "Rilevazione del 2025" not in text  # closed before the period
