"""Referrals between network members: send, inbox, detail with history, status changes."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from linkrete import params
from linkrete.accounts.roles import is_coordinator
from linkrete.mail import MailStatus
from linkrete.paging import page_of
from sportelli import access, referral_targets, services
from sportelli.forms import ReferralForm, ReferralTransitionForm
from sportelli.models import Desk, Referral
from sportelli.views import posted

BOXES = ("ricevute", "inviate", "tutte")
SEARCH_MAX_LENGTH = 100


# What the operator reads about the e-mail of a referral event, by outcome.
RECEIVER_TOLD = {
    MailStatus.SENT: (messages.SUCCESS, gettext_lazy("The organization was notified by e-mail.")),
    MailStatus.PENDING: (
        messages.INFO,
        gettext_lazy("The e-mail to the organization is on its way."),
    ),
    MailStatus.FAILED: (
        messages.ERROR,
        gettext_lazy("The e-mail to the organization could not be sent: tell them by phone."),
    ),
    MailStatus.NOT_NEEDED: (
        messages.WARNING,
        gettext_lazy("The organization has no e-mail address: tell them by phone."),
    ),
}
SENDER_TOLD = {
    MailStatus.SENT: (messages.SUCCESS, gettext_lazy("The sender was told by e-mail.")),
    MailStatus.PENDING: (messages.INFO, gettext_lazy("The e-mail to the sender is on its way.")),
    MailStatus.FAILED: (
        messages.ERROR,
        gettext_lazy(
            "The e-mail to the sender could not be sent: they see the change here when they "
            "sign in."
        ),
    ),
    MailStatus.NOT_NEEDED: (
        messages.INFO,
        gettext_lazy(
            "The sender has no e-mail address: they see the change here when they sign in."
        ),
    ),
}


def _tell_mail_outcome(request, event, texts):
    level, text = texts[MailStatus(event.mail)]
    messages.add_message(request, level, text)


def _page_of_referrals(request, referrals):
    """A page of ``referrals``, newest first, in two steps: the page's primary keys from the
    referrals alone, then those rows with their senders and targets. In one query PostgreSQL
    joined all 100,000 referrals of the coordinator's list to organizations and desks before
    keeping 50 (8 s at national scale; bench/README.md)."""
    page = page_of(request, referrals.order_by("-created_at", "-pk").values_list("pk", flat=True))
    rows = {r.pk: r for r in Referral.objects.filter(pk__in=list(page)).for_list()}
    page.object_list = [rows[pk] for pk in page.object_list if pk in rows]
    return page


def referral_list(request):
    user = request.user
    coordinator = is_coordinator(user)  # "all" is their networks' (linkrete.accounts.scope)
    if not coordinator and not access.can_refer(user):
        raise Http404
    box = request.GET.get("casella")
    if box not in BOXES or (box == "tutte" and not coordinator):
        box = "tutte" if coordinator else "ricevute"
    if box == "tutte":
        referrals = access.referrals_visible_to(user)
    elif box == "inviate":
        referrals = access.referrals_sent_by_side(user)
    else:
        referrals = access.referrals_received_by_side(user)
    return render(
        request,
        "sportelli/referral_list.html",
        {
            "box": box,
            "coordinator": coordinator,
            "can_refer": access.can_refer(user),
            "referrals": _page_of_referrals(request, referrals),
        },
    )


def referral_create(request):
    user = request.user
    desks = list(Desk.objects.filter(operators=user))
    organizations = list(access.organizations_for_staff(user))
    if not desks and not organizations:
        raise Http404
    whole_network = request.GET.get("rete") == "tutta"
    search = params.text(request.GET.get("cerca"), max_length=SEARCH_MAX_LENGTH) or ""
    form = ReferralForm(
        posted(request),
        desks=desks,
        organizations=organizations,
        whole_network=whole_network,
        search=search,
    )
    if request.method == "POST" and form.is_valid():
        try:
            referral = services.referral_create(sent_by=user, **form.service_kwargs())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Referral sent. You will see here every change."))
            _tell_mail_outcome(request, referral.events.first(), RECEIVER_TOLD)
            return redirect(referral)
    return render(
        request,
        "sportelli/referral_form.html",
        {
            "form": form,
            "search": search,
            "whole_network": form.whole_network,
            "has_territory": bool(form.territory),
            "truncated": form.targets.truncated,
            "too_short": form.targets.too_short,
            "limit": referral_targets.TARGET_LIMIT,
        },
    )


def referral_detail(request, uuid):
    referral = access.get_referral_for_user(request.user, uuid)
    receiving = access.is_receiving_side(request.user, referral)
    form = None
    if receiving and referral.allowed_transitions():
        form = ReferralTransitionForm(referral=referral)
    return render(
        request,
        "sportelli/referral_detail.html",
        {
            "referral": referral,
            "events": list(referral.events.select_related("by")),
            "form": form,
        },
    )


@require_POST
def referral_transition(request, uuid):
    referral = access.get_referral_for_user(request.user, uuid, write=True)
    form = ReferralTransitionForm(request.POST, referral=referral)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.referral_transition(
                referral=referral,
                to_status=data["to_status"],
                by=request.user,
                reason=data["reason"],
                outcome=data["outcome"],
                note=data["note"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Status changed."))
            _tell_mail_outcome(request, referral.events.last(), SENDER_TOLD)
            return redirect(referral)
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect(referral)
