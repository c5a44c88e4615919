"""The pages of an access point's referrer (bank, patronato, company, school): its page with the
state of what it sent, the referral form and the anonymous emerging-need signal. Nothing else:
every other signed-in page asks for a membership, a desk or a coordinator's role they lack."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from directory.models import source_type_of
from linkrete.paging import page_of
from sportelli import access, services
from sportelli.access_point_forms import AccessPointReferralForm, NeedSignalForm
from sportelli.views import posted


def access_point_home(request):
    """One access point: its page; several: the list to choose from."""
    access_points = list(access.access_points_for(request.user))
    if not access_points:
        raise Http404
    if len(access_points) == 1:
        return redirect("sportelli:access_point", slug=access_points[0].slug)
    return render(request, "sportelli/access_point_choose.html", {"access_points": access_points})


def access_point(request, slug):
    organization = access.get_access_point_for_user(request.user, slug)
    referrals = access.access_point_referrals(organization).select_related(
        "to_organization", "to_desk"
    )
    return render(
        request,
        "sportelli/access_point.html",
        {
            "organization": organization,
            "referrals": page_of(request, referrals.order_by("-created_at", "-pk")),
        },
    )


def access_point_referral(request, slug):
    organization = access.get_access_point_for_user(request.user, slug)
    networks = access.access_point_networks(organization)
    form = AccessPointReferralForm(posted(request), networks=networks)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.referral_create(
                sent_by=request.user,
                from_organization=organization,
                to_organization=data["to_organization"],
                to_desk=data["to_desk"],
                person_name=data["person_name"],
                person_contact=data["person_contact"],
                need=data["need"],
                consent_to_share=data["consent_to_share"],
                source_type=source_type_of(organization),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Referral sent. Its state is in the list below as it changes.")
            )
            return redirect("sportelli:access_point", slug=organization.slug)
    return render(
        request,
        "sportelli/access_point_referral_form.html",
        {"organization": organization, "form": form},
    )


def access_point_signal(request, slug):
    organization = access.get_access_point_for_user(request.user, slug)
    networks = access.access_point_networks(organization).order_by("name")
    form = NeedSignalForm(posted(request), networks=networks)
    if request.method == "POST" and form.is_valid():
        try:
            services.need_signal_create(access_point=organization, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you: the need is counted. No identity was sent."))
            return redirect("sportelli:access_point", slug=organization.slug)
    return render(
        request,
        "sportelli/access_point_signal_form.html",
        {"organization": organization, "form": form},
    )
