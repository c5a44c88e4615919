"""The public pages of the networks (projects): the list, and each network with its members by
role, its territory, its period and its actions with their targets."""

from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from directory.models import (
    ActionTarget,
    MemberRole,
    Municipality,
    Network,
    NetworkAction,
    NetworkMembership,
    PublicationStatus,
    Zone,
)
from directory.models.organization import of_published_organization
from linkrete.page_cache import cached_page
from linkrete.paging import PAGE_PARAM, paginate

NETWORKS_PER_PAGE = 20


@login_not_required
@cached_page("directory")
def network_list(request):
    networks = Network.objects.for_list().prefetch_related(
        Prefetch("zones", queryset=Zone.objects.only("name").order_by("name"))
    )
    paged = paginate(
        networks.order_by("name", "pk"), request.GET.get(PAGE_PARAM), NETWORKS_PER_PAGE
    )
    return render(
        request,
        "directory/network_list.html",
        {"networks": paged.page.object_list, "page_obj": paged.page, "notices": paged.notices},
    )


@login_not_required
@cached_page("directory")
def network_detail(request, slug):
    # Members are shown only while their organization is published, like everywhere else.
    members = (
        NetworkMembership.objects.filter(of_published_organization())
        .select_related("organization")
        .only("role", "network_id", "organization__name", "organization__slug")
        .order_by("organization__name", "pk")
    )
    network = get_object_or_404(
        Network.objects.select_related("lead_organization").prefetch_related(
            Prefetch("zones", queryset=Zone.objects.only("name").order_by("name")),
            Prefetch(
                "municipalities",
                queryset=Municipality.objects.only("name", "province_code").order_by("name"),
            ),
            Prefetch("memberships", queryset=members),
            Prefetch(
                "actions",
                queryset=NetworkAction.objects.order_by("number", "name").prefetch_related(
                    Prefetch("targets", queryset=ActionTarget.objects.order_by("name"))
                ),
            ),
        ),
        slug=slug,
    )
    by_role = {role: [] for role in MemberRole.values}
    for membership in network.memberships.all():
        by_role[membership.role].append(membership.organization)
    groups = [
        (role, MemberRole(role).label, organizations)
        for role, organizations in by_role.items()
        if organizations
    ]
    lead = network.lead_organization
    if lead is not None and lead.status != PublicationStatus.PUBLISHED:
        lead = None
    return render(
        request,
        "directory/network_detail.html",
        {"network": network, "groups": groups, "lead": lead},
    )
