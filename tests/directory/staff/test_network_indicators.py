"""The network's indicators dashboard and its exports (issue 14): who reaches them, the period
form, the page's queries whatever the data, and the files' suppression and escaping.

Network A holds ``organization`` and ``desk``'s host; ``network_coordinator`` coordinates A
only; ``coordinator`` is a super-coordinator.
"""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from directory.models import ActionTarget, Figure
from famiglie.rollups import refresh_intervention_months
from tests.factories import (
    AccessFactory,
    CaseFactory,
    EventSessionFactory,
    InterventionFactory,
    MemberFactory,
    NetworkActionFactory,
    ObjectiveFactory,
    OrganizationFactory,
    ReferralFactory,
    TeamFactory,
    VolunteerHoursFactory,
)

VISITORS = ["network_coordinator", "coordinator", "staff", "other_staff", "anonymous"]
REACHES = {"a": {"network_coordinator", "coordinator"}, "b": {"coordinator"}}
PERIOD = {"dal": "2026-01-01", "al": "2026-12-31"}


def _log_in(client, request, visitor):
    if visitor != "anonymous":
        client.force_login(request.getfixturevalue(visitor))


def _pages(network):
    return [
        reverse("staff:network_indicators", args=[network.slug]),
        reverse(
            "staff:network_indicator_export",
            kwargs={"slug": network.slug, "key": "accesses_by_channel", "extension": "csv"},
        ),
        reverse(
            "staff:network_indicator_export",
            kwargs={"slug": network.slug, "key": "families_by_state", "extension": "xlsx"},
        ),
    ]


@pytest.mark.parametrize("side", ["a", "b"])
@pytest.mark.parametrize("visitor", VISITORS)
def test_only_the_networks_coordinators_reach_its_indicators(
    client, request, network, other_network, side, visitor
):
    _log_in(client, request, visitor)

    for url in _pages(network if side == "a" else other_network):
        response = client.get(url, PERIOD)

        if visitor == "anonymous":
            assert response.status_code == 302
            assert response["Location"].startswith(reverse("login"))
        elif visitor in REACHES[side]:
            assert response.status_code == 200
        else:
            assert response.status_code == 404


def test_the_list_shows_the_coordinated_networks_only(client, network_coordinator, other_network):
    client.force_login(network_coordinator)

    page = client.get(reverse("staff:network_indicator_list")).content.decode()

    assert "Rete A" in page
    assert "Rete B" not in page


def test_staff_see_no_network_in_the_list(client, staff, network):
    client.force_login(staff)

    page = client.get(reverse("staff:network_indicator_list")).content.decode()

    assert "Rete A" not in page


@pytest.mark.parametrize(
    "query",
    [
        {"dal": "2026-13-01", "al": "2026-12-31"},
        {"dal": "ieri", "al": "oggi"},
        {"dal": "2026-12-31", "al": "2026-01-01"},
        {"dal": "1900-01-01", "al": "2026-01-01"},
        {"dal": "2000-01-01", "al": "2026-01-01"},
        {"dal": "2026-01-01\x00", "al": "2026-01-01"},
        {"dal": "²⁰²⁶-01-01", "al": ""},
        {"al": "2026-02-30"},
    ],
)
def test_a_bad_period_gets_a_message_and_the_current_year(
    client, network_coordinator, network, query, pinned_now
):
    client.force_login(network_coordinator)

    response = client.get(reverse("staff:network_indicators", args=[network.slug]), query)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Il periodo non è valido" in page
    assert "Dal 1 gennaio 2026 al 31 dicembre 2026" in page


def test_a_bad_period_in_an_export_counts_the_current_year(client, network_coordinator, network):
    client.force_login(network_coordinator)
    url = _pages(network)[1]

    assert client.get(url, {"dal": "x", "al": "\x00"}).status_code == 200


@pytest.mark.parametrize("extension", ["pdf", "csv-", "CSV"])
def test_an_unknown_format_or_indicator_is_404(client, network_coordinator, network, extension):
    client.force_login(network_coordinator)

    for key in ("accesses_by_channel", "no_such_indicator", "referrals_by_source_type"):
        url = reverse(
            "staff:network_indicator_export",
            kwargs={"slug": network.slug, "key": key, "extension": extension},
        )
        assert client.get(url).status_code == 404


def test_the_page_draws_each_indicator_as_an_accessible_chart(
    client, network_coordinator, network, desk, pinned_now
):
    AccessFactory(desk=desk, channel="phone")
    AccessFactory(desk=desk)
    client.force_login(network_coordinator)

    page = client.get(reverse("staff:network_indicators", args=[network.slug])).content.decode()

    assert 'role="img"' in page
    assert '<title id="accesses_by_channel-svg-title">' in page
    assert "in presenza: 1; per telefono: 1" in page
    assert "<script" not in page.split("<main", 1)[-1].split("</main>", 1)[0]


def test_a_target_stands_beside_its_figure(client, network_coordinator, network, desk, pinned_now):
    AccessFactory(desk=desk)
    action = NetworkActionFactory(network=network, number=2, name="Sportelli")
    ActionTarget.objects.create(
        action=action, name="Accessi", unit="accessi", value=200, figure=Figure.ACCESSES
    )
    client.force_login(network_coordinator)

    page = client.get(reverse("staff:network_indicators", args=[network.slug])).content.decode()

    assert "2. Sportelli: 200 accessi (0%)" in page


def _world(network, organization, desk, size):
    """``size`` of each kind of row the indicators count, all of network A, in 2026."""
    team = TeamFactory(organization=organization)
    when = timezone.make_aware(datetime.datetime(2026, 3, 2, 10))
    for index in range(size):
        AccessFactory(desk=desk, occurred_at=when + datetime.timedelta(days=index))
        ReferralFactory(from_desk=desk)
        case = CaseFactory(team=team)
        MemberFactory(household=case.household)
        InterventionFactory(case=case)
        ObjectiveFactory(case=case)
        VolunteerHoursFactory(volunteer__organization=organization)
        EventSessionFactory(
            event__organization=organization, date=datetime.date(2026, 1 + index % 12, 3)
        )
    NetworkActionFactory(network=network).targets.create(
        name="Famiglie", unit="famiglie", value=size, figure=Figure.FAMILIES
    )


def _count_queries(client, network, django_assert_max_num_queries):
    url = reverse("staff:network_indicators", args=[network.slug])
    client.get(url, PERIOD)  # the session and the scope warm up
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, PERIOD).status_code == 200
    return len(queries)


# The session, the user and the second factor, the coordinator's scope, the network, the
# network's scope (2), 21 indicator queries (the events' three, the interventions' two; the
# desk accesses' six from their monthly rollup), the activities' total, the targets and the
# freshness of the nightly rollup: 32 at every size (with the access points' two).
PAGE_QUERIES = 32


def test_the_page_asks_the_same_queries_whatever_the_data(
    client, network_coordinator, network, organization, desk, django_assert_max_num_queries
):
    client.force_login(network_coordinator)
    _world(network, organization, desk, 1)
    few = _count_queries(client, network, django_assert_max_num_queries)
    _world(network, organization, desk, 12)
    many = _count_queries(client, network, django_assert_max_num_queries)

    assert few == many == PAGE_QUERIES


def _csv_rows(response):
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


def test_exports_suppress_counts_under_five(client, network_coordinator, network, desk):
    when = timezone.make_aware(datetime.datetime(2026, 3, 2, 10))
    for _index in range(6):
        AccessFactory(desk=desk, occurred_at=when)
    for _index in range(3):
        AccessFactory(desk=desk, occurred_at=when, channel="phone")
    client.force_login(network_coordinator)

    rows = _csv_rows(client.get(_pages(network)[1], PERIOD))

    assert ["in presenza", "6"] in rows
    assert ["per telefono", "<5"] in rows
    assert any("<5" in line[0] for line in rows[:6])  # the file says so


def test_exports_suppress_the_amounts_of_small_rows(
    client, network_coordinator, network, organization, pinned_now
):
    team = TeamFactory(organization=organization)
    for _index in range(2):
        InterventionFactory(case=CaseFactory(team=team), kind="economic_contribution", amount=90)
    refresh_intervention_months()
    client.force_login(network_coordinator)
    url = reverse(
        "staff:network_indicator_export",
        kwargs={"slug": network.slug, "key": "interventions_by_kind", "extension": "xlsx"},
    )

    sheet = load_workbook(io.BytesIO(client.get(url, PERIOD).content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]

    assert ["contributo economico", "<5", "<5"] in values
    assert all("180" not in str(value) for row in values for value in row)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_exports_are_safe_against_formulas(client, network_coordinator, network, start):
    name = f'{start}HYPERLINK("http://x.example")'
    lead = OrganizationFactory(name=name)
    network.memberships.create(organization=lead, role="partner")
    for _index in range(5):
        VolunteerHoursFactory(volunteer__organization=lead)
    client.force_login(network_coordinator)
    csv_url, xlsx_url = (
        reverse(
            "staff:network_indicator_export",
            kwargs={"slug": network.slug, "key": "volunteers_by_organization", "extension": ext},
        )
        for ext in ("csv", "xlsx")
    )

    rows = _csv_rows(client.get(csv_url, PERIOD))
    sheet = load_workbook(io.BytesIO(client.get(xlsx_url, PERIOD).content)).active

    assert ["'" + name, "5", "10.00"] in rows
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value]
    # XML reads a carriage return back as a line feed.
    assert any(cell.value in ("'" + name, "'" + name.replace("\r", "\n")) for cell in cells)
    assert all(cell.data_type != "f" for cell in cells)
