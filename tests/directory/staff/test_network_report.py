"""The network's printable period report (issue 14, SpOON's final report): a PDF of A4 pages
with the network's name and period, the dashboard's figures with small counts written "<5",
for the network's coordinators only."""

import pypdfium2
import pytest
from django.urls import reverse

from tests.factories import AccessFactory, ActivityFactory, CaseFactory, TeamFactory, category

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
