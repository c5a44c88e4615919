"""Members of an organization: everyone sees who works there, managers change roles, remove
members (an organization keeps at least one manager) and see the invitations not yet accepted."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from directory.staff import services
from directory.staff.access import can_manage_members, get_organization_for_user
from directory.staff.forms import MembershipRoleForm
from directory.staff.views.accounts import UNSENT_INVITATION_KEY


def member_list(request, slug):
    organization = get_organization_for_user(request.user, slug)
    memberships = organization.memberships.select_related("user").order_by(
        "user__last_name", "user__first_name", "user__username"
    )
    can_manage = can_manage_members(request.user, organization)
    unsent = request.session.get(UNSENT_INVITATION_KEY)
    if unsent and unsent["organization"] == organization.pk:
        del request.session[UNSENT_INVITATION_KEY]
    else:
        unsent = None
    return render(
        request,
        "staff/member_list.html",
        {
            "organization": organization,
            "rows": [
                {
                    "membership": membership,
                    "form": MembershipRoleForm(
                        instance=membership, auto_id=f"id_member_{membership.pk}_%s"
                    )
                    if can_manage
                    else None,
                }
                for membership in memberships
            ],
            "can_manage": can_manage,
            "unsent_invitation": unsent,
            # Only the e-mail the manager typed: not the name of an account it may have found.
            "invitations": organization.invitations.pending()
            .select_related("user")
            .order_by("expires_at")
            if can_manage
            else [],
        },
    )


@require_POST
def member_role(request, slug, pk):
    organization = get_organization_for_user(request.user, slug, manage=True)
    membership = get_object_or_404(organization.memberships.select_related("user"), pk=pk)
    form = MembershipRoleForm(request.POST, instance=membership)
    if not form.is_valid():
        messages.error(request, _("Choose a valid role."))
        return redirect("staff:member_list", slug=organization.slug)
    # The form has already written the new role onto the instance: the service reloads it.
    try:
        services.membership_change_role(
            membership=membership, role=form.cleaned_data["role"], changed_by=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Role changed."))
    return redirect("staff:member_list", slug=organization.slug)


def member_remove(request, slug, pk):
    organization = get_organization_for_user(request.user, slug, manage=True)
    membership = get_object_or_404(organization.memberships.select_related("user"), pk=pk)
    if request.method == "POST":
        try:
            services.membership_remove(membership=membership, removed_by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("staff:member_list", slug=organization.slug)
        if membership.user_id == request.user.pk:
            messages.success(
                request, _("You have left %(organization)s.") % {"organization": organization.name}
            )
            return redirect("staff:home")
        messages.success(request, _("Member removed."))
        return redirect("staff:member_list", slug=organization.slug)
    return render(
        request,
        "staff/member_remove.html",
        {"organization": organization, "membership": membership},
    )
