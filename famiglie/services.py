"""Writes of family cases that touch several records: each in one transaction, each leaving a
line on the case's timeline (``CaseEvent``); the field history is django-auditlog's."""

import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from directory.models import Municipality, Organization
from famiglie.models import (
    NEEDS_APPROVAL,
    Assessment,
    AssessmentScore,
    Case,
    CaseEvent,
    CaseState,
    CaseTeamMember,
    Closure,
    ClosureOutcome,
    Consent,
    ConsentKind,
    EventKind,
    Household,
    Intervention,
    JobProfile,
    Note,
    Objective,
    ObjectiveStatus,
    Review,
    Team,
    Visibility,
    is_case_psychologist,
)
from sportelli import services as desk_services
from sportelli.models import Access, Outcome, Referral, ReferralStatus


def _state_label(state: str) -> str:
    return CaseState(state).label if state in CaseState.values else state


# Opening ------------------------------------------------------------------------------------


def case_open_from_access(
    *, access: Access, team: Team, by: AbstractBaseUser, municipality: Municipality | None = None
) -> Case:
    """A desk access whose outcome is "case to open" becomes an intake of ``team``, with the
    access's topics; one case per access, however many times the button is pressed."""
    with transaction.atomic():
        access = Access.objects.select_for_update().get(pk=access.pk)
        if access.outcome != Outcome.CASE:
            raise ValidationError(_("Only an access whose outcome is “case to open” opens a case."))
        if Case.objects.filter(source_access=access).exists():
            raise ValidationError(_("A case was already opened from this access."))
        household = Household(municipality=municipality or access.municipality)
        household.full_clean()
        household.save()
        case = Case(household=household, team=team, source_access=access)
        case.full_clean()
        case.save()
        case.topics.set(access.topics.all())
        CaseEvent.objects.create(
            case=case,
            kind=EventKind.OPENED,
            by=by,
            to_state=CaseState.INTAKE,
            note=_("From an access at the desk %(desk)s.") % {"desk": access.desk.name},
        )
    return case


def case_accept_referral(*, referral: Referral, by: AbstractBaseUser) -> Case:
    """The team lead accepts a referral addressed to the team: the referral is accepted (the
    sender is told, as for any referral) and the household's intake opens."""
    with transaction.atomic():
        referral = Referral.objects.select_for_update().get(pk=referral.pk)
        team = referral.to_team
        if team is None or team.lead_id != by.pk:
            raise PermissionDenied
        if referral.status != ReferralStatus.SENT:
            raise ValidationError(_("This referral was already answered."))
        desk_services.referral_transition(
            referral=referral,
            to_status=ReferralStatus.ACCEPTED,
            by=by,
            note=_("Accepted into a case by the team."),
        )
        household = Household()
        household.save()
        case = Case(household=household, team=team, source_referral=referral)
        case.full_clean()
        case.save()
        CaseEvent.objects.create(
            case=case,
            kind=EventKind.OPENED,
            by=by,
            to_state=CaseState.INTAKE,
            note=_("From a referral of %(sender)s.") % {"sender": referral.sender},
        )
    return case


# States -------------------------------------------------------------------------------------


def case_move(*, case: Case, to_state: str, by: AbstractBaseUser, note: str = "") -> Case:
    """Move the case, or ask the team lead when the move needs approval and ``by`` is not the
    lead. Closing needs a reason. Any move not in ``TRANSITIONS`` is refused."""
    note = note.strip()
    with transaction.atomic():
        case = Case.objects.select_for_update().select_related("team").get(pk=case.pk)
        if to_state not in case.allowed_transitions():
            raise ValidationError(
                _("A case cannot go from “%(from)s” to “%(to)s”.")
                % {"from": _state_label(case.state), "to": _state_label(to_state)}
            )
        if to_state == CaseState.CLOSED and not note:
            raise ValidationError({"note": _("Say why the case is closed.")})
        if to_state in NEEDS_APPROVAL and case.team.lead_id != by.pk:
            if case.requested_state:
                raise ValidationError(_("A move already waits for the team lead's approval."))
            case.requested_state, case.requested_by, case.requested_note = to_state, by, note
            case.save(
                update_fields=["requested_state", "requested_by", "requested_note", "updated_at"]
            )
            CaseEvent.objects.create(
                case=case,
                kind=EventKind.REQUESTED,
                by=by,
                from_state=case.state,
                to_state=to_state,
                note=note,
            )
            return case
        _apply_move(case, to_state, by=by, note=note)
    return case


def _apply_move(case: Case, to_state: str, *, by, note: str) -> None:
    from_state = case.state
    case.state = to_state
    if to_state == CaseState.CLOSED:
        case.closure_reason, case.closed_at = note, timezone.now()
    elif from_state == CaseState.CLOSED:
        case.closure_reason, case.closed_at = "", None
    case.requested_state, case.requested_by, case.requested_note = "", None, ""
    case.full_clean()
    case.save()
    CaseEvent.objects.create(
        case=case,
        kind=EventKind.STATE,
        by=by,
        from_state=from_state,
        to_state=to_state,
        note=note,
    )


def case_decide(*, case: Case, by: AbstractBaseUser, approve: bool, note: str = "") -> Case:
    """The team lead approves or refuses the move a member asked for."""
    with transaction.atomic():
        case = Case.objects.select_for_update().select_related("team").get(pk=case.pk)
        if case.team.lead_id != by.pk:
            raise PermissionDenied
        if not case.requested_state:
            raise ValidationError(_("No move waits for approval."))
        if approve:
            if case.requested_state not in case.allowed_transitions():
                raise ValidationError(_("The case has moved since: this move no longer applies."))
            to_state = case.requested_state
            _apply_move(case, to_state, by=by, note=note.strip() or case.requested_note)
            pending = case.closures.filter(approved_at__isnull=True).first()
            if to_state == CaseState.CLOSED and pending:
                _approve_closure(pending, by=by)
        else:
            # A closure refused is not kept: the timeline keeps the request and the refusal.
            for pending in case.closures.filter(approved_at__isnull=True):
                pending.outcomes.all().delete()
                pending.delete()
            CaseEvent.objects.create(
                case=case,
                kind=EventKind.REFUSED,
                by=by,
                from_state=case.state,
                to_state=case.requested_state,
                note=note.strip(),
            )
            case.requested_state, case.requested_by, case.requested_note = "", None, ""
            case.save(
                update_fields=["requested_state", "requested_by", "requested_note", "updated_at"]
            )
    return case


# Closing ------------------------------------------------------------------------------------


def case_close(
    *,
    case: Case,
    reason: str,
    note: str,
    final_assessment: Assessment,
    outcomes: dict[int, str],
    by: AbstractBaseUser,
) -> Closure:
    """Close the case with its reason, an outcome for each objective of the plan (``outcomes``
    maps objective ids to reached, partly or not reached; dropped objectives need none) and
    its final needs assessment. A member's closure waits for the team lead (``case_decide``
    approves it with the move); the lead's is approved at once. The objectives take their
    outcome as status when it is approved."""
    note = note.strip()
    with transaction.atomic():
        case = Case.objects.select_for_update().select_related("team").get(pk=case.pk)
        if CaseState.CLOSED not in case.allowed_transitions():
            raise ValidationError(_("This case cannot be closed now."))
        if case.requested_state:
            raise ValidationError(_("A move already waits for the team lead's approval."))
        if final_assessment.case_id != case.pk:
            raise ValidationError({"final_assessment": _("The assessment is not this case's.")})
        objectives = list(case.objectives.exclude(status=ObjectiveStatus.DROPPED))
        if any(objective.pk not in outcomes for objective in objectives):
            raise ValidationError(_("Say how each objective of the plan ended."))
        closure = Closure(
            case=case, reason=reason, note=note, final_assessment=final_assessment, asked_by=by
        )
        closure.full_clean()
        closure.save()
        # One save each, not bulk_create: each outcome is a row of the history.
        for objective in objectives:
            outcome = ClosureOutcome(
                closure=closure, objective=objective, outcome=outcomes[objective.pk]
            )
            outcome.full_clean()
            outcome.save()
        case = case_move(
            case=case,
            to_state=CaseState.CLOSED,
            by=by,
            note=f"{closure.get_reason_display()}. {note}",
        )
        if case.state == CaseState.CLOSED:
            _approve_closure(closure, by=by)
    return closure


def _approve_closure(closure: Closure, *, by: AbstractBaseUser) -> None:
    closure.approved_by, closure.approved_at = by, timezone.now()
    closure.save(update_fields=["approved_by", "approved_at"])
    for outcome in closure.outcomes.select_related("objective"):
        objective = outcome.objective
        objective.status = outcome.outcome
        objective.save(update_fields=["status", "updated_at"])


# Needs assessment ---------------------------------------------------------------------------


def assessment_record(
    *,
    case: Case,
    date: datetime.date,
    scores: dict[str, tuple[int, str]],
    by: AbstractBaseUser,
) -> Assessment:
    """A needs assessment: ``scores`` maps each sub-area to its level (0–3) and notes. An
    intake moves to "assessment" with it, as the state machine allows without approval."""
    with transaction.atomic():
        case = Case.objects.select_for_update().select_related("team").get(pk=case.pk)
        assessment = Assessment(case=case, date=date, by=by)
        assessment.full_clean()
        assessment.save()
        # One save each, not bulk_create: each score is a row of the history.
        for sub_area, (level, notes) in scores.items():
            score = AssessmentScore(
                assessment=assessment, sub_area=sub_area, level=level, notes=notes.strip()
            )
            score.full_clean()
            score.save()
        CaseEvent.objects.create(
            case=case,
            kind=EventKind.ASSESSMENT,
            by=by,
            note=_("Assessment of %(day)s.") % {"day": date.strftime("%d/%m/%Y")},
        )
        if (
            case.state == CaseState.INTAKE
            and CaseState.ASSESSMENT in case.allowed_transitions()
            and CaseState.ASSESSMENT not in NEEDS_APPROVAL
        ):
            _apply_move(case, CaseState.ASSESSMENT, by=by, note="")
    return assessment


# The accompaniment plan ---------------------------------------------------------------------


def objective_save(*, case: Case, objective: Objective, by: AbstractBaseUser) -> Objective:
    """Set a new objective, or save the changes to one (its status included)."""
    with transaction.atomic():
        created = objective.pk is None
        if created:
            objective.case, objective.created_by = case, by
        elif objective.case_id != case.pk:
            raise PermissionDenied
        objective.full_clean()
        objective.save()
        CaseEvent.objects.create(
            case=case,
            kind=EventKind.OBJECTIVE_SET if created else EventKind.OBJECTIVE_CHANGED,
            by=by,
            note=_("%(area)s: %(status)s")
            % {"area": objective.get_area_display(), "status": objective.get_status_display()},
        )
    return objective


def review_schedule(*, case: Case, due_on: datetime.date, by: AbstractBaseUser) -> Review:
    with transaction.atomic():
        review = Review(case=case, due_on=due_on, scheduled_by=by)
        review.full_clean()
        review.save()
        CaseEvent.objects.create(
            case=case,
            kind=EventKind.REVIEW_SCHEDULED,
            by=by,
            note=_("Due on %(day)s.") % {"day": due_on.strftime("%d/%m/%Y")},
        )
    return review


def review_hold(
    *,
    case: Case,
    review: Review,
    held_on: datetime.date,
    notes: str,
    by: AbstractBaseUser,
    next_due_on: datetime.date | None = None,
) -> Review | None:
    """Record a review as held and, when ``next_due_on`` is given, schedule the next one
    (returned)."""
    with transaction.atomic():
        review = Review.objects.select_for_update().get(pk=review.pk)
        if review.case_id != case.pk:
            raise PermissionDenied
        if review.held_on is not None:
            raise ValidationError(_("This review was already recorded."))
        review.held_on, review.held_by, review.notes = held_on, by, notes.strip()
        review.full_clean()
        review.save()
        CaseEvent.objects.create(
            case=case,
            kind=EventKind.REVIEW_HELD,
            by=by,
            note=_("Held on %(day)s.") % {"day": held_on.strftime("%d/%m/%Y")},
        )
        if next_due_on:
            return review_schedule(case=case, due_on=next_due_on, by=by)
    return None


# Interventions ------------------------------------------------------------------------------


def intervention_record(
    *, case: Case, intervention: Intervention, by: AbstractBaseUser
) -> Intervention:
    """An intervention (from the form, not yet saved), recorded by ``by`` as its operator."""
    with transaction.atomic():
        intervention.case, intervention.operator = case, by
        intervention.full_clean()
        intervention.save()
        CaseEvent.objects.create(
            case=case,
            kind=EventKind.INTERVENTION,
            by=by,
            organization=intervention.organization,
            note=_("%(kind)s, %(day)s.")
            % {
                "kind": intervention.get_kind_display(),
                "day": intervention.date.strftime("%d/%m/%Y"),
            },
        )
    return intervention


# The diary ------------------------------------------------------------------------------------


def note_write(*, case: Case, note: Note, by: AbstractBaseUser) -> Note:
    """A diary note (from the form, not yet saved) written by ``by``. Only a psychologist of
    the case team writes a psychologist-only note; no timeline line says it exists."""
    with transaction.atomic():
        if note.visibility == Visibility.PSYCHOLOGIST and not is_case_psychologist(by, case):
            raise ValidationError(
                {"visibility": _("Only a psychologist of the case team writes such a note.")}
            )
        note.case, note.author = case, by
        note.full_clean()
        note.save()
    return note


def job_profile_save(*, profile: JobProfile, by: AbstractBaseUser) -> JobProfile:
    """A member's skills and availability (from the form, not yet saved), by ``by``; the
    change is in the audit trail as any case record's (its values masked)."""
    with transaction.atomic():
        profile.updated_by = by
        profile.full_clean()
        profile.save()
    return profile


# The case team ------------------------------------------------------------------------------


def case_team_assign(*, case: Case, user, role: str, by: AbstractBaseUser) -> CaseTeamMember:
    with transaction.atomic():
        if case.team.lead_id != by.pk:
            raise PermissionDenied
        if not case.team.members.filter(user=user).exists():
            raise ValidationError(_("Only members of the team can work on its cases."))
        member, _created = CaseTeamMember.objects.update_or_create(
            case=case, user=user, defaults={"role": role, "assigned_by": by}
        )
        CaseEvent.objects.create(case=case, kind=EventKind.ASSIGNED, by=by, user=user)
    return member


def case_team_remove(*, case: Case, member: CaseTeamMember, by: AbstractBaseUser) -> None:
    with transaction.atomic():
        if case.team.lead_id != by.pk or member.case_id != case.pk:
            raise PermissionDenied
        user = member.user
        member.delete()
        CaseEvent.objects.create(case=case, kind=EventKind.REMOVED, by=by, user=user)


# Consents -----------------------------------------------------------------------------------


def consent_record(*, case: Case, consent: Consent, by: AbstractBaseUser) -> Consent:
    """A consent given (from the consent form, not yet saved)."""
    with transaction.atomic():
        consent.household = case.household
        consent.collected_by = by
        consent.given, consent.withdraws = True, None
        consent.full_clean()
        consent.save()
        CaseEvent.objects.create(
            case=case,
            kind=EventKind.CONSENT,
            by=by,
            organization=consent.organization,
            note=_("Given: %(kind)s") % {"kind": consent.get_kind_display()},
        )
    return consent


def consent_withdraw(
    *, case: Case, consent: Consent, by: AbstractBaseUser, date: datetime.date | None = None
) -> Consent:
    """Withdrawing is a new record pointing to the consent it ends; the consent stays."""
    with transaction.atomic():
        if consent.household_id != case.household_id or not consent.given:
            raise PermissionDenied
        if Consent.objects.filter(withdraws=consent).exists():
            raise ValidationError(_("This consent was already withdrawn."))
        withdrawal = Consent(
            household=case.household,
            kind=consent.kind,
            organization=consent.organization,
            given=False,
            withdraws=consent,
            date=date or timezone.localdate(),
            collected_by=by,
        )
        withdrawal.full_clean()
        withdrawal.save()
        CaseEvent.objects.create(
            case=case,
            kind=EventKind.CONSENT,
            by=by,
            organization=consent.organization,
            note=_("Withdrawn: %(kind)s") % {"kind": consent.get_kind_display()},
        )
    return withdrawal


def has_sharing_consent(case: Case, organization: Organization, day: datetime.date) -> bool:
    return (
        Consent.objects.in_force(day)
        .filter(household=case.household, kind=ConsentKind.SHARING, organization=organization)
        .exists()
    )


# Sharing with another organization ---------------------------------------------------------


def case_refer(
    *,
    case: Case,
    by: AbstractBaseUser,
    to_organization: Organization,
    person_name: str,
    person_contact: str,
    need: str,
    override_reason: str = "",
) -> Referral:
    """Refer the family to another organization of the network: refused without a sharing
    consent naming it, in force today; the ``famiglie.override_consent`` permission may go
    past it with a reason, and the override is logged on the timeline and in the history."""
    override_reason = override_reason.strip()
    overridden = not has_sharing_consent(case, to_organization, timezone.localdate())
    if overridden:
        if not override_reason:
            raise ValidationError(
                _(
                    "The family has not agreed to share their data with %(organization)s: "
                    "record their consent first."
                )
                % {"organization": to_organization.name}
            )
        if not by.has_perm("famiglie.override_consent"):
            raise PermissionDenied
    with transaction.atomic():
        referral = desk_services.referral_create(
            sent_by=by,
            from_organization=case.team.organization,
            to_organization=to_organization,
            person_name=person_name,
            person_contact=person_contact,
            need=need,
            consent_to_share=True,
        )
        if overridden:
            CaseEvent.objects.create(
                case=case,
                kind=EventKind.CONSENT_OVERRIDE,
                by=by,
                organization=to_organization,
                note=override_reason,
            )
        else:
            CaseEvent.objects.create(
                case=case, kind=EventKind.REFERRAL, by=by, organization=to_organization
            )
    return referral
