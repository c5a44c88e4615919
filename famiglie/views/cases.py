"""The team's pages: home (my cases, what needs action), the case page with its timeline, and
what is done on a case (moves and approvals, the case team, consents, referrals)."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import OuterRef, Prefetch, Subquery
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from famiglie import access, services
from famiglie.audit import record_read, record_reads
from famiglie.forms import (
    CaseMoveForm,
    CaseReferForm,
    CaseTeamAssignForm,
    ConsentForm,
    DecisionForm,
)
from famiglie.models import (
    EXPIRING_DAYS,
    MIN_WORKING_AGE,
    REVIEW_DUE_DAYS,
    Assessment,
    Case,
    CaseState,
    CaseTeamMember,
    ClosureOutcome,
    Consent,
    Intervention,
    Note,
    Review,
)
from famiglie.models.assessment import changes_by_area, scores_in_order
from famiglie.views import case_worker_view, posted_form_errors
from linkrete.paging import page_of
from sportelli.models import Referral, ReferralStatus

# What the home page lists of each kind needing action: the oldest first, the rest on the
# next visit (they are worked through, not browsed).
ACTION_LIMIT = 20
TIMELINE_PAGE = 20
# What the timeline shows of each event, and of the people named (``User.__str__``): an
# organization, a user are wide rows, twenty of each a page.
TIMELINE_FIELDS = (
    "case",
    "kind",
    "at",
    "by",
    "from_state",
    "to_state",
    "user",
    "organization",
    "note",
)
USER_NAME_FIELDS = ("first_name", "last_name", "username")
# How many assessments the case page compares, the latest and those before it.
ASSESSMENTS_COMPARED = 6
# The plan's reviews held that the case page lists, the latest first (those pending, all).
REVIEWS_HELD_SHOWN = 5
# The interventions the case page lists, the latest first.
INTERVENTIONS_SHOWN = 10
# The diary notes the case page shows, the latest first (the rest on the diary's pages).
NOTES_SHOWN = 5


@case_worker_view
def home(request):
    user = request.user
    today = timezone.localdate()
    # The cases of cases_visible_to, by their ids (access.listed_cases): every list below
    # then reads the user's few hundred cases by primary key, not the region's open cases.
    visible = access.listed_cases(user)
    cases = page_of(request, visible.open().for_list())
    led = list(access.teams_led_by(user))
    approvals, referrals = [], []
    if led:
        approvals = list(
            Case.objects.filter(team__in=led)
            .exclude(requested_state="")
            .select_related("household", "requested_by")
            .order_by("updated_at", "pk")[:ACTION_LIMIT]
        )
        referrals = list(
            Referral.objects.filter(to_team__in=led, status=ReferralStatus.SENT)
            .select_related("from_desk", "from_organization", "to_team")
            .order_by("created_at", "pk")[:ACTION_LIMIT]
        )
    open_cases = visible.open()
    expiring = list(
        Consent.objects.in_force(today)
        .filter(
            household__in=open_cases.values("household"),
            expires_on__lte=today + datetime.timedelta(days=EXPIRING_DAYS),
        )
        .annotate(
            case_code=Subquery(
                open_cases.filter(household=OuterRef("household")).values("code")[:1]
            )
        )
        .select_related("household", "organization")
        .only("kind", "expires_on", "household__reference", "organization__name")
        .order_by("expires_on", "pk")[:ACTION_LIMIT]
    )
    reviews_due = list(
        Review.objects.due(today)
        .filter(case__in=open_cases)
        .select_related("case__household")
        .only("due_on", "case__code", "case__household__reference")
        .order_by("due_on", "pk")[:ACTION_LIMIT]
    )
    return render(
        request,
        "famiglie/home.html",
        {
            "cases": cases,
            "teams_led": led,
            "approvals": approvals,
            "referrals": referrals,
            "expiring": expiring,
            "reviews_due": reviews_due,
            "review_due_days": REVIEW_DUE_DAYS,
            "today": today,
        },
    )


def _consents_with_state(household, today):
    consents = list(household.consents.select_related("organization", "collected_by", "withdrawal"))
    for consent in consents:
        withdrawal = getattr(consent, "withdrawal", None) if consent.given else None
        consent.withdrawn_on = withdrawal.date if withdrawal else None
        consent.in_force = (
            consent.given
            and withdrawal is None
            and consent.date <= today
            and (consent.expires_on is None or consent.expires_on >= today)
        )
    return consents


def _reader_is_psychologist(case) -> bool | None:
    """What ``get_case_for_user(…, psychologist=True)`` found, or None (``visible_to`` asks)."""
    return getattr(case, "reader_is_psychologist", None)


def _render_case(
    request, case, *, move_form=None, decision_form=None, assign_form=None, status=200
):
    user = request.user
    today = timezone.localdate()
    is_lead = access.is_team_lead(user, case)
    household = case.household
    members = list(household.members.prefetch_related("languages"))
    for member in members:
        member.band = member.age_band(today)
        member.of_working_age = member.age(today) >= MIN_WORKING_AGE
    timeline = page_of(
        request,
        case.events.select_related("by", "user", "organization").only(
            *TIMELINE_FIELDS,
            *(f"{who}__{name}" for who in ("by", "user") for name in USER_NAME_FIELDS),
            "organization__name",
        ),
        per_page=TIMELINE_PAGE,
    )
    assessments = list(Assessment.objects.latest_for(case, ASSESSMENTS_COMPARED))[::-1]
    latest = assessments[-1] if assessments else None
    reviews = case.reviews.select_related("held_by")
    notes = list(
        Note.objects.visible_to(user, case, psychologist=_reader_is_psychologist(case))[
            :NOTES_SHOWN
        ]
    )
    # The audit rows of the case, its household and the notes shown, in one INSERT.
    record_reads(request, [case, household, *notes])
    return render(
        request,
        "famiglie/case_detail.html",
        {
            "case": case,
            "household": household,
            "members": members,
            "case_team": list(case.team_members.select_related("user").order_by("pk")),
            "consents": _consents_with_state(household, today),
            "topics": list(case.topics.all()),
            "timeline": timeline,
            "latest_assessment": latest,
            "latest_scores": scores_in_order(latest) if latest else [],
            "assessments": assessments,
            "area_changes": changes_by_area(assessments),
            "objectives": list(case.objectives.all()),
            "reviews_pending": list(reviews.pending().order_by("due_on", "pk")),
            "reviews_held": list(
                reviews.filter(held_on__isnull=False).order_by("-held_on", "-pk")[
                    :REVIEWS_HELD_SHOWN
                ]
            ),
            "interventions": list(
                Intervention.objects.filter(case=case).for_case_page()[:INTERVENTIONS_SHOWN]
            ),
            "interventions_shown": INTERVENTIONS_SHOWN,
            "notes": notes,
            "closures": list(
                case.closures.select_related(
                    "final_assessment", "asked_by", "approved_by"
                ).prefetch_related(
                    Prefetch("outcomes", ClosureOutcome.objects.select_related("objective"))
                )
            ),
            "can_close": CaseState.CLOSED in case.allowed_transitions()
            and not case.requested_state,
            "notes_shown": NOTES_SHOWN,
            "is_lead": is_lead,
            "move_form": move_form or CaseMoveForm(case=case),
            "decision_form": (decision_form or DecisionForm())
            if is_lead and case.requested_state
            else None,
            "assign_form": (assign_form or CaseTeamAssignForm(case=case)) if is_lead else None,
        },
        status=status,
    )


@case_worker_view
def case_detail(request, code):
    case = access.get_case_for_user(request.user, code, psychologist=True)
    return _render_case(request, case)


@case_worker_view
@require_POST
def case_move(request, code):
    case = access.get_case_for_user(request.user, code)
    form = CaseMoveForm(request.POST, case=case)
    if form.is_valid():
        try:
            case = services.case_move(
                case=case,
                to_state=form.cleaned_data["to_state"],
                by=request.user,
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            posted_form_errors(form, error)
        else:
            if case.requested_state:
                messages.success(request, _("The team lead has been asked to approve the move."))
            else:
                messages.success(
                    request, _("The case is now: %(state)s.") % {"state": case.get_state_display()}
                )
            return redirect(case)
    return _render_case(request, case, move_form=form, status=400)


@case_worker_view
@require_POST
def case_decide(request, code):
    case = access.get_case_for_lead(request.user, code)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.case_decide(
                case=case,
                by=request.user,
                approve=form.cleaned_data["decision"] == "approve",
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            posted_form_errors(form, error)
        else:
            messages.success(request, _("Decision saved."))
            return redirect(case)
    return _render_case(request, case, decision_form=form, status=400)


@case_worker_view
@require_POST
def case_team_assign(request, code):
    case = access.get_case_for_lead(request.user, code)
    form = CaseTeamAssignForm(request.POST, case=case)
    if form.is_valid():
        try:
            services.case_team_assign(
                case=case,
                user=form.cleaned_data["member"].user,
                role=form.cleaned_data["role"],
                by=request.user,
            )
        except ValidationError as error:
            posted_form_errors(form, error)
        else:
            messages.success(request, _("The case team is updated."))
            return redirect(case)
    return _render_case(request, case, assign_form=form, status=400)


@case_worker_view
@require_POST
def case_team_remove(request, code, pk):
    case = access.get_case_for_lead(request.user, code)
    member = get_object_or_404(CaseTeamMember, case=case, pk=pk)
    services.case_team_remove(case=case, member=member, by=request.user)
    messages.success(request, _("The case team is updated."))
    return redirect(case)


@case_worker_view
def consent_create(request, code):
    case = access.get_case_for_user(request.user, code)
    if request.method == "POST":
        form = ConsentForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.consent_record(case=case, consent=form.instance, by=request.user)
            except ValidationError as error:
                posted_form_errors(form, error)
            else:
                messages.success(request, _("Consent recorded."))
                return redirect(case)
    else:
        form = ConsentForm(initial={"date": timezone.localdate()})
    return render(
        request,
        "famiglie/consent_form.html",
        {"case": case, "form": form},
        status=400 if form.is_bound else 200,
    )


@case_worker_view
@require_POST
def consent_withdraw(request, code, pk):
    case = access.get_case_for_user(request.user, code)
    consent = get_object_or_404(Consent, household=case.household, pk=pk, given=True)
    try:
        services.consent_withdraw(case=case, consent=consent, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The withdrawal is recorded."))
    return redirect(case)


@case_worker_view
def consent_file(request, code, pk):
    case = access.get_case_for_user(request.user, code)
    consent = get_object_or_404(Consent, household=case.household, pk=pk)
    if not consent.signed_form:
        raise Http404
    record_read(request, consent)
    response = FileResponse(
        consent.signed_form.open("rb"),
        as_attachment=True,
        filename=f"consenso-{consent.pk}.{consent.signed_form.name.rsplit('.', 1)[-1]}",
    )
    response["Cache-Control"] = "private, no-store"
    return response


@case_worker_view
def case_refer(request, code):
    case = access.get_case_for_user(request.user, code)
    can_override = request.user.has_perm("famiglie.override_consent")
    form = CaseReferForm(
        request.POST if request.method == "POST" else None, can_override=can_override
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.case_refer(case=case, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            posted_form_errors(form, error)
        except PermissionDenied:
            form.add_error(None, _("You may not share without the family's consent."))
        else:
            messages.success(request, _("The referral is sent."))
            return redirect(case)
    return render(
        request,
        "famiglie/case_refer.html",
        {"case": case, "form": form, "can_override": can_override},
        status=400 if form.is_bound else 200,
    )
