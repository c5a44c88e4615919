"""An organization's job offers (the job pathway): listing and writing them. Offers hold no
personal data and need no review; the case teams match them to the people they follow
(``famiglie/views/jobs.py``)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from directory.staff.access import get_organization_for_user
from directory.staff.job_offer_forms import JobOfferForm
from linkrete.paging import page_of


def job_offer_list(request, slug):
    organization = get_organization_for_user(request.user, slug)
    offers = page_of(
        request, organization.job_offers.select_related("municipality").order_by("-valid_until")
    )
    return render(
        request,
        "staff/job_offer_list.html",
        {"organization": organization, "offers": offers, "today": timezone.localdate()},
    )


def job_offer_edit(request, slug, pk=None):
    organization = get_organization_for_user(request.user, slug)
    offer = get_object_or_404(organization.job_offers, pk=pk) if pk else None
    form = JobOfferForm(request.POST or None, instance=offer)
    if request.method == "POST" and form.is_valid():
        offer = form.save(commit=False)
        offer.organization = organization
        if offer.pk is None:
            offer.created_by = request.user
        offer.full_clean()
        offer.save()
        messages.success(request, _("The job offer is saved."))
        return redirect("staff:job_offer_list", slug=organization.slug)
    return render(
        request,
        "staff/edit_form.html",
        {
            "organization": organization,
            "form": form,
            "title": _("Edit the job offer") if offer else _("New job offer"),
            "intro": _(
                "Case teams of the network propose the offer to the people they follow whose "
                "skills match, until the day it is valid to."
            ),
        },
        status=400 if form.is_bound else 200,
    )
