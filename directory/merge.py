"""Merging two organizations that are one body: everything of one moves to the other.

Every relation to ``Organization`` (in any app) is found through ``Organization._meta`` and
must have a way to move in ``MOVES``: a relation without one stops every merge with
``UnhandledRelation`` (and ``tests/directory/test_merge.py`` fails), so a model added later is
not forgotten. Most relations just point to the survivor; a few would clash with a unique
constraint and merge their rows instead.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.contrib.admin.models import CHANGE, DELETION, LogEntry
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _

from directory.models import (
    AccessPointReferrer,
    DuplicateCandidate,
    ImportRecord,
    Invitation,
    Membership,
    NetworkMembership,
    Organization,
    OrganizationMerge,
    OrganizationTranslation,
    RegistryEntry,
    SearchRefresh,
    SurveyResponse,
    TrainingPlan,
)
from directory.tasks import refresh_search_later

# The fields a coordinator may take from the merged organization; the slug, identifiers and
# dates stay the survivor's (the merged one's address redirects).
CHOOSABLE_FIELDS = (
    "name",
    "legal_form",
    "tax_code",
    "runts_number",
    "description",
    "social_utility",
    "logo",
    "website",
    "email",
    "phone",
    "status",
    "last_verified",
    "is_trusted",
)


class UnhandledRelation(Exception):
    """A model points to Organization and this module does not say how it moves."""


@dataclass(frozen=True)
class Relation:
    """One way of reaching an organization's rows: ``model.field`` points to it."""

    key: str  # "app_label.Model.field"
    model: type[models.Model]
    field: str
    many_to_many: bool
    accessor: str = ""  # on Organization, for a many-to-many

    def rows(self, organization: Organization) -> models.QuerySet:
        if self.many_to_many:
            return getattr(organization, self.accessor).all()
        return self.model._base_manager.filter(**{self.field: organization})

    @property
    def label(self) -> str:
        if self.model is Organization:
            return str(Organization._meta.get_field(self.field).verbose_name)
        name = str(self.model._meta.verbose_name_plural)
        if sum(1 for r in relations() if r.model is self.model) > 1:
            name += f" ({self.model._meta.get_field(self.field).verbose_name})"
        return name


def relations() -> list[Relation]:
    """Every relation to Organization: reverse foreign keys and one-to-ones of every app
    (hidden ones too), and its own many-to-many fields."""
    found = []
    for rel in Organization._meta.get_fields(include_hidden=True):
        if rel.auto_created and not rel.concrete and (rel.one_to_many or rel.one_to_one):
            if rel.related_model._meta.auto_created:
                continue  # the table of a many-to-many field: moved with the field below
            model = rel.related_model
            key = f"{model._meta.label}.{rel.field.name}"
            found.append(Relation(key, model, rel.field.name, False))
        elif rel.many_to_many:
            if rel.auto_created:
                model = rel.related_model
                key = f"{model._meta.label}.{rel.field.name}"
                found.append(Relation(key, model, rel.field.name, True, rel.get_accessor_name()))
            else:
                key = f"directory.Organization.{rel.name}"
                found.append(Relation(key, Organization, rel.name, True, rel.name))
    return found


def _point_to_survivor(relation: Relation, survivor, merged) -> int:
    return relation.rows(merged).update(**{relation.field: survivor})


def _add_to_survivor(relation: Relation, survivor, merged) -> int:
    rows = list(relation.rows(merged))
    getattr(survivor, relation.accessor).add(*rows)
    return len(rows)


def _merge_memberships(relation: Relation, survivor, merged) -> int:
    # One membership per user and organization: someone in both keeps the survivor's, as
    # manager if they managed either.
    theirs = Membership.objects.filter(organization=merged)
    both = Membership.objects.filter(organization=survivor, user__in=theirs.values("user"))
    managers = theirs.filter(role=Membership.Role.MANAGER).values("user")
    both.filter(user__in=managers).update(role=Membership.Role.MANAGER)
    doubled = theirs.filter(user__in=both.values("user"))
    count = doubled.count()
    doubled.delete()
    return count + theirs.update(organization=survivor)


def _merge_invitations(relation: Relation, survivor, merged) -> int:
    # One open invitation per user and organization: the survivor's stands.
    open_here = Invitation.objects.filter(organization=survivor, accepted_at__isnull=True)
    doubled = Invitation.objects.filter(
        organization=merged, accepted_at__isnull=True, user__in=open_here.values("user")
    )
    count = doubled.count()
    doubled.delete()
    return count + Invitation.objects.filter(organization=merged).update(organization=survivor)


def _merge_training_plans(relation: Relation, survivor, merged) -> int:
    # One plan per organization and year: a year both planned becomes one plan with the
    # courses of both.
    count = 0
    years = TrainingPlan.objects.filter(organization=survivor).values("year")
    for plan in TrainingPlan.objects.filter(organization=merged, year__in=years):
        kept = TrainingPlan.objects.get(organization=survivor, year=plan.year)
        for rel in TrainingPlan._meta.related_objects:
            rel.related_model._base_manager.filter(**{rel.field.name: plan}).update(
                **{rel.field.name: kept}
            )
        if plan.notes and plan.notes not in kept.notes:
            kept.notes = f"{kept.notes}\n\n{plan.notes}".strip()
            kept.save(update_fields=["notes"])
        plan.delete()
        count += 1
    return count + TrainingPlan.objects.filter(organization=merged).update(organization=survivor)


def _drop_candidates(relation: Relation, survivor, merged) -> int:
    # The merged organization's pairs are settled or stale; the next search finds the
    # survivor's again.
    return DuplicateCandidate.objects.filter(Q(first=merged) | Q(second=merged)).delete()[0]


def _drop_import_records(relation: Relation, survivor, merged) -> int:
    # What an import did to the merged organization: undoing that import later must not delete
    # or revert the survivor, which the import never touched.
    return ImportRecord.objects.filter(organization=merged).delete()[0]


def _keep_one_registry_entry(relation: Relation, survivor, merged) -> int:
    # One RUNTS entry per organization: the survivor's stands; without one it takes the merged
    # organization's (the next import matches by tax code either way).
    entry = RegistryEntry.objects.filter(organization=merged)
    if RegistryEntry.objects.filter(organization=survivor).exists():
        return entry.delete()[0]
    return entry.update(organization=survivor)


def _merge_network_memberships(relation: Relation, survivor, merged) -> int:
    # One row per network, organization and role: a role both had stays once.
    theirs = NetworkMembership.objects.filter(organization=merged)
    ours = NetworkMembership.objects.filter(organization=survivor)
    doubled = theirs.filter(Exists(ours.filter(network=OuterRef("network"), role=OuterRef("role"))))
    count = doubled.delete()[0]
    return count + theirs.update(organization=survivor)


def _merge_access_point_referrers(relation: Relation, survivor, merged) -> int:
    # One row per person and access point: someone who refers for both stays once.
    theirs = AccessPointReferrer.objects.filter(organization=merged)
    ours = AccessPointReferrer.objects.filter(organization=survivor)
    doubled = theirs.filter(Exists(ours.filter(user=OuterRef("user"))))
    count = doubled.delete()[0]
    return count + theirs.update(organization=survivor)


def _merge_survey_responses(relation: Relation, survivor, merged) -> int:
    # One answer per round and organization: in a round both answered, the survivor's stands,
    # unless it is only a draft and the merged organization's was sent.
    theirs = SurveyResponse.objects.filter(organization=merged)
    ours = SurveyResponse.objects.filter(organization=survivor)
    drafts = ours.filter(
        submitted_at__isnull=True,
        round__in=theirs.filter(submitted_at__isnull=False).values("round"),
    )
    count = drafts.delete()[0]
    doubled = theirs.filter(Exists(ours.filter(round=OuterRef("round"))))
    count += doubled.delete()[0]
    return count + theirs.update(organization=survivor)


def _merge_organization_translations(relation: Relation, survivor, merged) -> int:
    # One translation per organization and language: the survivor's stands.
    theirs = OrganizationTranslation.objects.filter(organization=merged)
    ours = OrganizationTranslation.objects.filter(organization=survivor)
    doubled = theirs.filter(Exists(ours.filter(language=OuterRef("language"))))
    count = doubled.delete()[0]
    return count + theirs.update(organization=survivor)


MOVES: dict[str, Callable[[Relation, Organization, Organization], int]] = {
    "directory.Location.organization": _point_to_survivor,
    "directory.Activity.organization": _point_to_survivor,
    "directory.BoardPost.organization": _point_to_survivor,
    "directory.BoardAnswer.organization": _point_to_survivor,
    "directory.Membership.organization": _merge_memberships,
    "directory.Invitation.organization": _merge_invitations,
    "directory.ProblemReport.organization": _point_to_survivor,
    "directory.Revision.organization": _point_to_survivor,
    "directory.Volunteer.organization": _point_to_survivor,
    "directory.TrainingPlan.organization": _merge_training_plans,
    "directory.PlaceRequest.organization": _point_to_survivor,
    "directory.VolunteeringCall.organization": _point_to_survivor,
    "directory.Event.organization": _point_to_survivor,
    "directory.JobOffer.organization": _point_to_survivor,
    "directory.AccessPointReferrer.organization": _merge_access_point_referrers,
    "directory.SurveyResponse.organization": _merge_survey_responses,
    "directory.OrganizationTranslation.organization": _merge_organization_translations,
    "directory.Network.lead_organization": _point_to_survivor,
    "directory.NetworkMembership.organization": _merge_network_memberships,
    "directory.SteeringBoardSeat.organization": _point_to_survivor,
    "directory.DuplicateCandidate.first": _drop_candidates,
    "directory.DuplicateCandidate.second": _drop_candidates,
    "directory.OrganizationMerge.survivor": _point_to_survivor,
    "directory.ImportRecord.organization": _drop_import_records,
    "directory.RegistryEntry.organization": _keep_one_registry_entry,
    "directory.Organization.general_interest_areas": _add_to_survivor,
    "sportelli.Desk.host_organization": _point_to_survivor,
    "sportelli.Referral.from_organization": _point_to_survivor,
    "sportelli.Referral.to_organization": _point_to_survivor,
    "sportelli.Referral.receiving_organization": _point_to_survivor,
    "sportelli.NeedSignal.access_point": _point_to_survivor,
    "famiglie.Team.organization": _point_to_survivor,
    "famiglie.Consent.organization": _point_to_survivor,
    "famiglie.CaseEvent.organization": _point_to_survivor,
    "famiglie.Intervention.organization": _point_to_survivor,
}
# What the coordinator is shown before merging: these move with the organization but are no
# news (the pairs of possible duplicates, earlier merges' log).
NOT_SHOWN = {
    "directory.ImportRecord.organization",
    "directory.DuplicateCandidate.first",
    "directory.DuplicateCandidate.second",
    "directory.OrganizationMerge.survivor",
    # An access point's referrers and its anonymous signals follow it; the coordinator reads
    # them in the admin and on the emerging-needs page, not in the merge's counts.
    "directory.AccessPointReferrer.organization",
    "sportelli.NeedSignal.access_point",
    # The needs survey's answers are the network's figures, and the profile's translations
    # follow the profile the coordinator chooses: neither is news in the merge's counts.
    "directory.SurveyResponse.organization",
    "directory.OrganizationTranslation.organization",
    # Family files are not the coordinator's to count (famiglie/admin.py shows cases only).
    "famiglie.Consent.organization",
    "famiglie.CaseEvent.organization",
    "famiglie.Intervention.organization",
}


def unhandled_relations() -> list[str]:
    return [r.key for r in relations() if r.key not in MOVES]


def counts(organization: Organization) -> dict[str, int]:
    """How many rows of each shown relation belong to ``organization``, by label."""
    return {r.label: r.rows(organization).count() for r in relations() if r.key not in NOT_SHOWN}


def differing_fields(first: Organization, second: Organization) -> list[str]:
    return [f for f in CHOOSABLE_FIELDS if getattr(first, f) != getattr(second, f)]


def organization_merge(
    *, survivor: Organization, merged: Organization, take: Iterable[str] = (), user
) -> OrganizationMerge:
    """Move everything of ``merged`` to ``survivor``, delete ``merged`` and log the merge.

    ``take`` names the fields whose value comes from ``merged``. All or nothing: a result that
    breaks a rule (say a RUNTS number without a RUNTS legal form) raises ``ValidationError``
    and nothing changes.
    """
    if survivor.pk == merged.pk:
        raise ValidationError(_("An organization cannot be merged with itself."))
    missing = unhandled_relations()
    if missing:
        raise UnhandledRelation(", ".join(missing))
    take = [f for f in take if f in CHOOSABLE_FIELDS]
    with transaction.atomic():
        # Lock both, in a fixed order, so two coordinators merging crossed pairs wait.
        locked = {
            o.pk: o
            for o in Organization.objects.select_for_update()
            .filter(pk__in=[survivor.pk, merged.pk])
            .order_by("pk")
        }
        if len(locked) != 2:
            raise ValidationError(_("One of the two organizations no longer exists."))
        survivor, merged = locked[survivor.pk], locked[merged.pk]
        moved = {}
        for relation in relations():
            n = MOVES[relation.key](relation, survivor, merged)
            if n and relation.key not in NOT_SHOWN:
                moved[relation.label] = moved.get(relation.label, 0) + n
        log = OrganizationMerge(
            survivor=survivor,
            merged_id=merged.pk,
            merged_name=merged.name,
            merged_tax_code=merged.tax_code,
            merged_runts_number=merged.runts_number,
            old_slug=merged.slug,
            moved=moved,
            values_taken=[str(Organization._meta.get_field(f).verbose_name) for f in take],
            merged_by=user,
        )
        LogEntry.objects.log_actions(
            user_id=user.pk,
            queryset=[merged],
            action_flag=DELETION,
            change_message=_("Merged into %(name)s.") % {"name": survivor.name},
            single_object=True,
        )
        values = {f: getattr(merged, f) for f in take}
        merged.delete()
        for field, value in values.items():
            setattr(survivor, field, value)
        survivor.full_clean()
        survivor.save()
        log.survivor_name = survivor.name
        log.survivor_tax_code = survivor.tax_code
        log.survivor_runts_number = survivor.runts_number
        log.save()
        LogEntry.objects.log_actions(
            user_id=user.pk,
            queryset=[survivor],
            action_flag=CHANGE,
            change_message=_("Merged %(name)s into this organization.") % {"name": log.merged_name},
            single_object=True,
        )
        refresh_search_later(
            SearchRefresh.Scope.ORGANIZATION,
            [survivor.pk],
            label=_("Merge: %(name)s") % {"name": survivor.name},
        )
    return log
