"""The admin for a network's coordinator: their networks' rows only (linkrete/admin_scope.py).

Network A holds ``organization`` and the host of ``desk``; network B ``other_organization`` and
the host of ``other_desk``. For every change list and change page a coordinator can open, the
coordinator of A finds A's row and not B's (absent from the list, and its page answers as
Django does for a missing object); a super-coordinator finds both; organization staff and
anonymous visitors are sent to sign in.
"""

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from directory.models import Revision, SurveyResponse
from famiglie.models import Case
from linkrete.accounts.roles import COORDINATION_PERMISSIONS
from linkrete.admin_scope import PlatformAdmin, ReferenceDataAdmin, ScopedAdmin
from tests.factories import (
    AccessFactory,
    ActivityFactory,
    BoardPostFactory,
    BookingFactory,
    CaseFactory,
    EventFactory,
    JobOfferFactory,
    LocationFactory,
    MembershipFactory,
    NetworkActionFactory,
    OpeningSlotFactory,
    ProblemReportFactory,
    ReferralFactory,
    ScheduleExceptionFactory,
    SurveyRoundFactory,
    TeamFactory,
    TrainingPlanFactory,
    VolunteeringCallFactory,
)


def _row(label, side):
    """One row of the model ``label`` on one side: (organization, desk, network)."""
    organization, desk, network = side
    return {
        "directory.organization": lambda: organization,
        "directory.location": lambda: LocationFactory(organization=organization),
        "directory.membership": lambda: MembershipFactory(organization=organization),
        "directory.activity": lambda: ActivityFactory(organization=organization),
        "directory.openingslot": lambda: OpeningSlotFactory(
            activity=ActivityFactory(organization=organization)
        ),
        "directory.scheduleexception": lambda: ScheduleExceptionFactory(
            activity=ActivityFactory(organization=organization)
        ),
        "directory.event": lambda: EventFactory(organization=organization),
        "directory.revision": lambda: Revision.objects.create(
            organization=organization,
            kind=Revision.Kind.ORGANIZATION,
            data={},
            author=MembershipFactory(organization=organization).user,
        ),
        "directory.trainingplan": lambda: TrainingPlanFactory(organization=organization),
        "directory.boardpost": lambda: BoardPostFactory(organization=organization),
        "directory.volunteeringcall": lambda: VolunteeringCallFactory(organization=organization),
        "directory.joboffer": lambda: JobOfferFactory(organization=organization),
        "directory.problemreport": lambda: ProblemReportFactory(
            activity=ActivityFactory(organization=organization)
        ),
        "directory.network": lambda: network,
        "directory.networkaction": lambda: NetworkActionFactory(network=network),
        "directory.surveyround": lambda: SurveyRoundFactory(network=network),
        "directory.surveyresponse": lambda: SurveyResponse.objects.create(
            round=SurveyRoundFactory(network=network), organization=organization
        ),
        "sportelli.desk": lambda: desk,
        "sportelli.booking": lambda: BookingFactory(desk=desk),
        "sportelli.access": lambda: AccessFactory(desk=desk),
        "sportelli.referral": lambda: ReferralFactory(from_desk=desk, to_organization=organization),
        "famiglie.team": lambda: TeamFactory(organization=organization),
        "accounts.user": lambda: MembershipFactory(organization=organization).user,
    }[label]()


SCOPED = [
    "directory.organization",
    "directory.location",
    "directory.membership",
    "directory.activity",
    "directory.openingslot",
    "directory.scheduleexception",
    "directory.event",
    "directory.revision",
    "directory.trainingplan",
    "directory.boardpost",
    "directory.volunteeringcall",
    "directory.joboffer",
    "directory.problemreport",
    "directory.network",
    "directory.networkaction",
    "directory.surveyround",
    "directory.surveyresponse",
    "sportelli.desk",
    "sportelli.booking",
    "sportelli.access",
    "sportelli.referral",
    "famiglie.team",
    "accounts.user",
]


@pytest.fixture
def sides(organization, desk, network, other_organization, other_desk, other_network):
    return {
        "a": (organization, desk, network),
        "b": (other_organization, other_desk, other_network),
    }


def _urls(obj):
    meta = obj._meta
    prefix = f"admin:{meta.app_label}_{meta.model_name}"
    return reverse(f"{prefix}_changelist"), reverse(f"{prefix}_change", args=[obj.pk])


def _listed(response):
    return {row.pk for row in response.context["cl"].result_list}


@pytest.mark.parametrize("label", SCOPED)
def test_a_networks_coordinator_finds_their_networks_rows_only(
    client, network_coordinator, sides, label
):
    mine, theirs = _row(label, sides["a"]), _row(label, sides["b"])
    changelist, mine_url = _urls(mine)
    _, theirs_url = _urls(theirs)
    client.force_login(network_coordinator)

    listed = _listed(client.get(changelist, {"all": ""}))
    assert mine.pk in listed
    assert theirs.pk not in listed
    assert client.get(mine_url).status_code == 200
    # Django's answer for a missing object: back to the admin's index, with a message.
    response = client.get(theirs_url)
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


@pytest.mark.parametrize("label", SCOPED)
def test_a_super_coordinator_finds_every_networks_rows(client, coordinator, sides, label):
    mine, theirs = _row(label, sides["a"]), _row(label, sides["b"])
    changelist, mine_url = _urls(mine)
    _, theirs_url = _urls(theirs)
    client.force_login(coordinator)

    assert {mine.pk, theirs.pk} <= _listed(client.get(changelist))
    assert client.get(mine_url).status_code == 200
    assert client.get(theirs_url).status_code == 200


@pytest.mark.parametrize("label", SCOPED)
@pytest.mark.parametrize("visitor", ["staff", "anonymous"])
def test_staff_and_visitors_are_sent_to_sign_in(client, request, sides, label, visitor):
    changelist, change = _urls(_row(label, sides["a"]))
    if visitor == "staff":
        client.force_login(request.getfixturevalue("staff"))
    sign_in = (reverse("admin:login"), reverse("login"))  # the admin's, or the site's
    for url in (changelist, change):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(sign_in)


def test_the_case_counts_are_of_the_coordinators_networks_teams(
    client, network_coordinator, coordinator, organization, other_organization
):
    ours = TeamFactory(organization=organization, name="Équipe Rete A")
    theirs = TeamFactory(organization=other_organization, name="Équipe Rete B")
    CaseFactory(team=ours)
    CaseFactory.create_batch(2, team=theirs)
    url = reverse("admin:famiglie_case_changelist")

    client.force_login(network_coordinator)
    rows = client.get(url).context["rows"]
    assert [(row["team"], row["total"]) for row in rows] == [(ours, 1)]

    client.force_login(coordinator)
    rows = client.get(url).context["rows"]
    assert [(row["team"].name, row["total"]) for row in rows] == [
        ("Équipe Rete A", 1),
        ("Équipe Rete B", 2),
    ]
    assert Case.objects.count() == 3


def test_foreign_key_choices_are_the_networks_too(client, network_coordinator, organization):
    other = MembershipFactory().organization  # of no network of theirs
    client.force_login(network_coordinator)
    response = client.get(reverse("admin:directory_location_add"))
    choices = response.context["adminform"].form.fields["organization"].queryset
    assert organization in choices
    assert other not in choices


def test_the_organizations_autocomplete_offers_the_networks_only(
    client, network_coordinator, organization, other_organization
):
    client.force_login(network_coordinator)
    response = client.get(
        reverse("admin:autocomplete"),
        {
            "term": "",
            "app_label": "directory",
            "model_name": "location",
            "field_name": "organization",
        },
    )
    ids = {int(result["id"]) for result in response.json()["results"]}
    assert organization.pk in ids
    assert other_organization.pk not in ids


def test_a_network_coordinator_cannot_make_anyone_a_super_coordinator(
    client, network_coordinator, staff
):
    client.force_login(network_coordinator)
    response = client.get(reverse("admin:accounts_user_change", args=[staff.pk]))
    groups = response.context["adminform"].form.fields["groups"].queryset
    assert "supercoordinatori" not in {group.name for group in groups}
    assert "coordinatori" in {group.name for group in groups}


def test_a_network_coordinator_cannot_name_coordinators(client, network_coordinator, network):
    client.force_login(network_coordinator)
    response = client.get(reverse("admin:directory_network_change", args=[network.pk]))
    inline = next(
        formset
        for formset in response.context["inline_admin_formsets"]
        if formset.formset.prefix == "coordinators"
    )
    assert not inline.has_add_permission


def test_only_a_super_coordinator_adds_or_deletes_a_network(
    client, network_coordinator, coordinator, network
):
    add = reverse("admin:directory_network_add")
    delete = reverse("admin:directory_network_delete", args=[network.pk])
    client.force_login(network_coordinator)
    assert client.get(add).status_code == 403
    assert client.get(delete).status_code == 403
    client.force_login(coordinator)
    assert client.get(add).status_code == 200
    assert client.get(delete).status_code == 200


PLATFORM_PAGES = [
    "directory_duplicatecandidate",
    "directory_organizationmerge",
    "directory_importedterm",
    "directory_importbatch",
    "directory_searchrefresh",
    "directory_searchsynonym",
    "auditlog_logentry",
]


@pytest.mark.parametrize("page", PLATFORM_PAGES)
def test_the_platforms_tools_are_the_super_coordinators(
    client, network_coordinator, coordinator, page
):
    url = reverse(f"admin:{page}_changelist")
    client.force_login(network_coordinator)
    assert client.get(url).status_code == 403
    client.force_login(coordinator)
    assert client.get(url).status_code == 200


REFERENCE_PAGES = [
    "directory_taxonomy",
    "directory_category",
    "directory_targetgroup",
    "directory_language",
    "directory_municipality",
    "directory_zone",
]


@pytest.mark.parametrize("page", REFERENCE_PAGES)
def test_the_shared_reference_data_is_read_not_changed_by_a_networks_coordinator(
    client, network_coordinator, coordinator, page
):
    client.force_login(network_coordinator)
    assert client.get(reverse(f"admin:{page}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:{page}_add")).status_code == 403
    client.force_login(coordinator)
    assert client.get(reverse(f"admin:{page}_add")).status_code == 200


def test_every_model_admin_a_coordinator_can_open_says_its_scope():
    """A new ModelAdmin in an app coordinators reach must pick one of the three mixins."""
    unsaid = []
    for model, model_admin in admin.site._registry.items():
        grant = COORDINATION_PERMISSIONS.get(model._meta.app_label)
        if grant is None or (grant != "all" and model._meta.model_name not in grant):
            continue
        if not isinstance(model_admin, ScopedAdmin | ReferenceDataAdmin | PlatformAdmin):
            unsaid.append(model._meta.label)
    assert not unsaid


def _count(client, url):
    client.get(url)  # the first request of a process warms Django's caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    ("label", "pinned"),
    [("directory.organization", 12), ("sportelli.referral", 11), ("directory.joboffer", 11)],
)
def test_a_network_coordinators_lists_cost_the_same_at_two_sizes(
    client, network_coordinator, sides, label, pinned
):
    """The super-coordinator's count (test_admin_big_tables.py) and the scope: two queries
    (networks with their members and zones, desks), once for the page."""
    _row(label, sides["a"])
    changelist, _ = _urls(_row(label, sides["a"]))
    client.force_login(network_coordinator)
    small = _count(client, changelist)
    for _ in range(15):
        _row(label, sides["a"])
        _row(label, sides["b"])
    assert (small, _count(client, changelist)) == (pinned, pinned)


def test_the_change_page_of_a_network_reads_the_scope_once(client, network_coordinator, network):
    url = reverse("admin:directory_network_change", args=[network.pk])
    client.force_login(network_coordinator)
    client.get(url)
    few = _count(client, url)
    for n in range(10):
        NetworkActionFactory(network=network, name=f"Azione {n}")
    assert _count(client, url) == few
