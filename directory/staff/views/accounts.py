"""Invitations and password reset.

An invitation's e-mail links to ``invitation_open``: a new account goes on to choose its
password (which accepts the invitation), an existing one signs in and accepts. Until then the
person is not a member.
"""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _

from directory.models import Invitation, Membership, Organization
from directory.staff import services
from directory.staff.forms import InvitationForm
from linkrete import params
from linkrete.accounts.roles import is_coordinator
from linkrete.accounts.scope import scope_of
from linkrete.accounts.sign_in_limits import password_reset_refused
from linkrete.mail import MailStatus

# An invitation whose e-mail did not go, for the member list to show its link once.
UNSENT_INVITATION_KEY = "staff-unsent-invitation"


def _invitable_organizations(user):
    """Coordinators invite to their networks' organizations; managers to the ones they manage."""
    managed = Q(
        pk__in=Membership.objects.filter(user=user, role=Membership.Role.MANAGER).values(
            "organization"
        )
    )
    scope = scope_of(user)
    if scope.everything:
        return Organization.objects.order_by("name")
    if is_coordinator(user):
        # Not ``scope.q() | managed`` alone: an empty Q() would vanish from an OR.
        return Organization.objects.filter(managed | scope.q(organizations="pk")).order_by("name")
    return Organization.objects.filter(managed).order_by("name")


def invite(request):
    organizations = _invitable_organizations(request.user)
    if not organizations.exists():
        raise PermissionDenied
    # The members page links here with its organization already chosen.
    chosen = params.slug(request.GET.get("ente"))
    initial = {"organization": organizations.filter(slug=chosen).first() if chosen else None}
    form = InvitationForm(
        request.POST or None,
        organizations=organizations,
        typed_organization=is_coordinator(request.user),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.staff_invite(
                request=request, invited_by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            organization = form.cleaned_data["organization"]
            email = form.cleaned_data["email"]
            if invitation.mail != MailStatus.FAILED:  # sent, or on its way after the commit
                messages.success(
                    request, _("We have sent an invitation to %(email)s.") % {"email": email}
                )
            else:
                # The member list shows the link once, to pass on by hand.
                request.session[UNSENT_INVITATION_KEY] = {
                    "organization": organization.pk,
                    "email": email,
                    "url": invitation.url,
                }
                messages.error(
                    request,
                    _(
                        "The invitation to %(email)s is saved, but its e-mail could not be sent: "
                        "give them the link below yourself."
                    )
                    % {"email": email},
                )
            return redirect("staff:member_list", slug=organization.slug)
    return render(
        request, "staff/edit_form.html", {"form": form, "title": _("Invite a staff member")}
    )


@method_decorator(login_not_required, name="dispatch")
class InvitationAcceptView(auth_views.PasswordResetConfirmView):
    template_name = "staff/invitation_accept.html"
    success_url = reverse_lazy("staff:invitation_done")
    post_reset_login = True
    post_reset_login_backend = "django.contrib.auth.backends.ModelBackend"
    # The reset session key is shared with password reset; a distinct URL token keeps them apart.
    reset_url_token = "imposta-password"  # nosec B105 # a URL segment, not a password

    @transaction.atomic
    def form_valid(self, form):
        response = super().form_valid(form)
        services.invitations_accept_all(user=form.user)
        return response


@login_not_required
def invitation_open(request, token):
    invitation = (
        Invitation.objects.pending()
        .select_related("organization", "user")
        .filter(token_hash=Invitation.hash_token(token))
        .first()
    )
    if invitation is None:
        return render(request, "staff/invitation_invalid.html", status=404)
    invited = invitation.user
    if request.user.is_authenticated and request.user.pk != invited.pk:
        # The page names neither account: whoever holds the link learns nothing more.
        return render(request, "staff/invitation_other_account.html", status=404)
    if not invited.has_usable_password():
        return redirect(services.invitation_url(request, invited))
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if request.method == "POST":
        try:
            services.invitation_accept(invitation=invitation, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("You are now a member of %(organization)s.")
                % {"organization": invitation.organization.name},
            )
        return redirect("landing")
    return render(request, "staff/invitation_join.html", {"invitation": invitation})


@login_not_required
def invitation_done(request):
    return render(request, "staff/invitation_done.html")


class PasswordResetView(auth_views.PasswordResetView):
    """Django's password reset, sending a few mails an hour at most (``sign_in_limits``)."""

    def form_valid(self, form):
        refused = password_reset_refused(self.request, form.cleaned_data["email"])
        if refused:
            form.add_error(None, refused)
            return self.form_invalid(form)
        return super().form_valid(form)


password_reset = login_not_required(
    PasswordResetView.as_view(
        template_name="registration/password_reset_form.html",
        email_template_name="registration/password_reset_email.txt",
        subject_template_name="registration/password_reset_subject.txt",
        success_url=reverse_lazy("staff:password_reset_done"),
    )
)
password_reset_done = login_not_required(
    auth_views.PasswordResetDoneView.as_view(template_name="registration/password_reset_done.html")
)
password_reset_confirm = login_not_required(
    auth_views.PasswordResetConfirmView.as_view(
        template_name="registration/password_reset_confirm.html",
        success_url=reverse_lazy("staff:password_reset_complete"),
    )
)
password_reset_complete = login_not_required(
    auth_views.PasswordResetCompleteView.as_view(
        template_name="registration/password_reset_complete.html"
    )
)
