"""How long family files keep personal data (GDPR art. 5(1)(e)).

A household whose cases are all closed, the last one longer ago than
``LINKRETE_CASE_RETENTION_YEARS`` (10), loses whatever tells who it was: its members are deleted
(names, birth dates, tax codes, languages), its contacts and notes emptied, the signed consent
forms deleted, and the free text of its cases (closure reasons, requests, timeline notes, the
notes of needs assessments, reviews and interventions, the objectives' words) emptied. The rows
stay (team, municipality, ISEE band, states, dates, kinds of consent, levels of needs) for the
indicators. The history of the deleted members goes with them
(``linkrete/history/retention.py``), and so does, once the household is marked
``anonymised_at``, the history and the audit rows of reads of every record of it and its cases:
who read and changed the file outlives it no more than who it was about. ``apply_retention``
runs this daily with the others; ``anonymise_closed_cases`` runs the family part alone, with a
period of its own if asked. The interventions' monthly rollup (``InterventionMonth``: counts and
amounts by team, month and type, no case, no person) has no rule.
"""

import datetime

from django.conf import settings
from django.db.models import Exists, Max, OuterRef, Q

from famiglie.models import (
    AssessmentScore,
    Case,
    CaseEvent,
    CaseState,
    Closure,
    Consent,
    Household,
    Intervention,
    Member,
    Note,
    Objective,
    Review,
)
from linkrete.retention import Rule, erase_in_batches


def erase_closed_households(now: datetime.datetime, years: int | None = None) -> int:
    years = years or settings.LINKRETE_CASE_RETENTION_YEARS
    cutoff = now - datetime.timedelta(days=365 * years)
    open_case = Case.objects.filter(household=OuterRef("pk")).exclude(state=CaseState.CLOSED)
    any_case = Case.objects.filter(household=OuterRef("pk"))
    still_personal = (
        Exists(Member.objects.filter(household=OuterRef("pk")))
        | ~Q(phone="")
        | ~Q(email="")
        | ~Q(housing_notes="")
        | ~Q(work_notes="")
        | Exists(Consent.objects.filter(household=OuterRef("pk")).exclude(signed_form=""))
        | Exists(
            AssessmentScore.objects.filter(assessment__case__household=OuterRef("pk")).exclude(
                notes=""
            )
        )
        | Exists(Objective.objects.filter(case__household=OuterRef("pk")).exclude(description="—"))
        | Exists(Review.objects.filter(case__household=OuterRef("pk")).exclude(notes=""))
        | Exists(Intervention.objects.filter(case__household=OuterRef("pk")).exclude(notes=""))
        | Exists(Note.objects.filter(case__household=OuterRef("pk")))
        | Exists(Closure.objects.filter(case__household=OuterRef("pk")).exclude(note="—"))
    )
    due = (
        Household.objects.filter(Exists(any_case), ~Exists(open_case))
        .annotate(last_closed=Max("cases__closed_at"))
        .filter(last_closed__lt=cutoff)
        .filter(Q(anonymised_at__isnull=True) | still_personal)
    )

    def erase_related(ids):
        Member.objects.filter(household__in=ids).delete()
        for consent in Consent.objects.filter(household__in=ids).exclude(signed_form=""):
            consent.signed_form.delete(save=False)
            Consent.objects.filter(pk=consent.pk).update(signed_form="")
        cases = Case.objects.filter(household__in=ids)
        CaseEvent.objects.filter(case__in=cases).exclude(note="").update(note="")
        AssessmentScore.objects.filter(assessment__case__in=cases).exclude(notes="").update(
            notes=""
        )
        # An objective needs its words: a dash, as for the closure reason.
        Objective.objects.filter(case__in=cases).update(description="—")
        Review.objects.filter(case__in=cases).exclude(notes="").update(notes="")
        Intervention.objects.filter(case__in=cases).exclude(notes="").update(notes="")
        # A diary note is nothing but its words.
        Note.objects.filter(case__in=cases).delete()
        Closure.objects.filter(case__in=cases).update(note="—")
        # The closure reason is required on a closed case: a dash, as elsewhere.
        cases.update(requested_note="", closure_reason="—")

    return erase_in_batches(
        Household.objects.filter(pk__in=due.values("pk")),
        {"phone": "", "email": "", "housing_notes": "", "work_notes": "", "anonymised_at": now},
        before_update=erase_related,
    )


def rules() -> list[Rule]:
    return [
        Rule(
            "family households",
            "erased",
            erase_closed_households,
            f"{settings.LINKRETE_CASE_RETENTION_YEARS} years after the last case closed",
        )
    ]
