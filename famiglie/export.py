"""A household's complete record, for the family's right of access (GDPR art. 15): the
household, its members and consents, and each of its cases that the asking team lead's teams
follow (the case team, timeline, needs assessments, plan, interventions, closures, diary), with
the audit rows of who read and changed them.

One structure serves both forms: a list of ``Section``s of ``Record``s, each a list of
``Item``s (field name, translated label, value for the JSON, text for the page). The JSON file
is ``as_json``; the readable page renders the same sections.

Psychologist-only notes: the team lead may not read them (``models/note.py``), so the export
lists their dates and authors and says that the psychologists of the case give their text; it
never decrypts them for the lead.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from auditlog.models import LogEntry
from django.db.models import Model
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from famiglie.audit import entries_for_case
from famiglie.models import Assessment, Case, ClosureOutcome, Household, JobProfile, Visibility


@dataclass
class Item:
    name: str
    label: str
    value: object
    text: str


@dataclass
class Record:
    title: str
    items: list[Item] = field(default_factory=list)


@dataclass
class Section:
    name: str
    title: str
    records: list[Record] = field(default_factory=list)
    sections: list["Section"] = field(default_factory=list)


def _value(obj: Model, name: str) -> tuple[object, str]:
    model_field = obj._meta.get_field(name)
    if model_field.many_to_many:
        related = [str(item) for item in getattr(obj, name).all()]
        return related, ", ".join(related) or "–"
    value = getattr(obj, name)
    if isinstance(value, list):
        labels = dict(getattr(model_field, "base_field", model_field).choices or [])
        shown = [str(labels.get(item, item)) for item in value]
        return value, ", ".join(shown) or "–"
    if model_field.is_relation:
        return (str(value) if value is not None else None), (str(value) if value else "–")
    if model_field.choices:
        label = str(getattr(obj, f"get_{name}_display")())
        return value, label or "–"
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value)
        return value.isoformat(), date_format(value, "j F Y H:i")
    if isinstance(value, datetime.date):
        return value.isoformat(), date_format(value, "j F Y")
    if isinstance(value, Decimal):
        return str(value), number_format(value, 2)
    if isinstance(value, bool):
        return value, _("yes") if value else _("no")
    if model_field.get_internal_type() == "FileField":
        return bool(value), _("yes") if value else _("no")
    return value, (str(value) if value not in (None, "") else "–")


def _record(obj: Model, title: str, names: list[str]) -> Record:
    items = []
    for name in names:
        value, text = _value(obj, name)
        label = str(obj._meta.get_field(name).verbose_name)
        items.append(Item(name, label[:1].upper() + label[1:], value, text))
    return Record(title, items)


def _section(name: str, title: str, objects, names: list[str], titled) -> Section:
    return Section(name, title, [_record(obj, titled(obj), names) for obj in objects])


# The JSON names auditlog's actions as its own code does, whatever the language.
ACTIONS = {
    LogEntry.Action.CREATE: "create",
    LogEntry.Action.UPDATE: "update",
    LogEntry.Action.DELETE: "delete",
    LogEntry.Action.ACCESS: "access",
}


def _audit_section(case: Case) -> Section:
    rows = []
    for entry in entries_for_case(case).order_by("timestamp", "pk"):
        when = timezone.localtime(entry.timestamp)
        rows.append(
            Record(
                date_format(when, "j F Y H:i:s"),
                [
                    Item(
                        "timestamp", _("When"), when.isoformat(), date_format(when, "j F Y H:i:s")
                    ),
                    Item("actor", _("Who"), str(entry.actor or ""), str(entry.actor or "–")),
                    Item(
                        "action",
                        _("What"),
                        ACTIONS.get(entry.action, str(entry.action)),
                        str(entry.get_action_display()),
                    ),
                    Item(
                        "record",
                        _("Record"),
                        f"{entry.content_type.name}: {entry.object_repr}",
                        f"{entry.content_type.name}: {entry.object_repr}",
                    ),
                    Item(
                        "page",
                        _("From"),
                        (entry.additional_data or {}).get("page", ""),
                        (entry.additional_data or {}).get("page", "") or "–",
                    ),
                ],
            )
        )
    return Section("audit", _("Who read and changed the file"), rows)


def _notes_section(case: Case) -> Section:
    notes = case.notes.select_related("author")
    # Only the team's notes are decrypted for the lead; the psychologists' stay closed.
    team = list(notes.filter(visibility=Visibility.TEAM))
    psychologists = list(notes.exclude(visibility=Visibility.TEAM).defer("text"))
    withheld = _("Kept by the psychologists of the case, who give its text.")
    records = []
    for note in sorted(team + psychologists, key=lambda n: (n.written_at, n.pk)):
        when = date_format(timezone.localtime(note.written_at), "j F Y H:i")
        record = _record(note, when, ["written_at", "author", "visibility"])
        if note.visibility == Visibility.TEAM:
            record.items.append(Item("text", _("Note"), note.text, note.text))
        else:
            record.items.append(Item("text", _("Note"), None, withheld))
        records.append(record)
    return Section("notes", _("Diary"), records)


def _case_section(case: Case) -> Section:
    number = _("Case %(code)s") % {"code": case.code}
    section = Section(
        "case",
        number,
        [
            _record(
                case,
                number,
                ["code", "team", "state", "topics", "opened_at", "closure_reason", "closed_at"],
            )
        ],
    )
    assessments = Assessment.objects.filter(case=case).prefetch_related("scores").order_by("date")
    scores = [
        (assessment, score) for assessment in assessments for score in assessment.scores.all()
    ]
    closures = case.closures.select_related("final_assessment__case", "asked_by", "approved_by")
    outcomes = ClosureOutcome.objects.filter(closure__case=case).select_related(
        "closure__case", "objective__case"
    )
    section.sections = [
        _section(
            "team",
            _("Case team"),
            case.team_members.select_related("user"),
            ["user", "role", "assigned_at"],
            str,
        ),
        _section(
            "timeline",
            _("Timeline"),
            case.events.select_related("by", "user", "organization").order_by("at", "pk"),
            ["at", "kind", "from_state", "to_state", "by", "user", "organization", "note"],
            lambda e: e.get_kind_display(),
        ),
        Section(
            "assessments",
            _("Needs assessments"),
            [
                _record(
                    score,
                    date_format(assessment.date, "j F Y"),
                    ["sub_area", "level", "notes"],
                )
                for assessment, score in scores
            ],
        ),
        _section(
            "objectives",
            _("Objectives"),
            case.objectives.order_by("pk"),
            ["area", "description", "target_date", "status"],
            lambda o: o.get_area_display(),
        ),
        _section(
            "reviews",
            _("Plan reviews"),
            case.reviews.select_related("held_by").order_by("due_on", "pk"),
            ["due_on", "held_on", "held_by", "notes"],
            lambda r: date_format(r.due_on, "j F Y"),
        ),
        _section(
            "interventions",
            _("Interventions"),
            case.interventions.select_related("organization", "activity", "operator").order_by(
                "date", "pk"
            ),
            ["kind", "date", "quantity", "amount", "organization", "activity", "operator", "notes"],
            lambda i: i.get_kind_display(),
        ),
        _section(
            "closures",
            _("Closures"),
            closures,
            [
                "reason",
                "note",
                "final_assessment",
                "asked_by",
                "asked_at",
                "approved_by",
                "approved_at",
            ],
            lambda c: c.get_reason_display(),
        ),
        _section(
            "outcomes",
            _("Objectives' outcomes at closure"),
            outcomes,
            ["closure", "objective", "outcome"],
            lambda o: o.get_outcome_display(),
        ),
        _notes_section(case),
        _audit_section(case),
    ]
    return section


def household_record(household: Household, cases) -> list[Section]:
    """The sections of the record of ``household``, with the ``cases`` given (those of the
    asking lead's teams)."""
    members = household.members.prefetch_related("languages").order_by("birth_date", "pk")
    consents = household.consents.select_related("organization", "collected_by").order_by(
        "date", "pk"
    )
    return [
        Section(
            "household",
            _("Household %(reference)s") % {"reference": household.reference},
            [
                _record(
                    household,
                    household.reference,
                    [
                        "reference",
                        "municipality",
                        "phone",
                        "email",
                        "isee_band",
                        "housing_notes",
                        "work_notes",
                        "created_at",
                    ],
                )
            ],
        ),
        _section(
            "members",
            _("Members"),
            members,
            [
                "first_name",
                "last_name",
                "birth_date",
                "relationship",
                "tax_code",
                "citizenship",
                "languages",
            ],
            lambda m: f"{m.first_name} {m.last_name}",
        ),
        _section(
            "job_profiles",
            _("Skills and availability for work"),
            JobProfile.objects.filter(member__household=household)
            .select_related("member__household", "updated_by")
            .order_by("member__birth_date", "pk"),
            ["member", "skills", "availability", "notes", "updated_at", "updated_by"],
            lambda p: f"{p.member.first_name} {p.member.last_name}",
        ),
        _section(
            "consents",
            _("Consents"),
            consents,
            ["kind", "organization", "given", "date", "expires_on", "collected_by", "signed_form"],
            lambda c: c.get_kind_display(),
        ),
        *(_case_section(case) for case in cases),
    ]


def _as_data(section: Section) -> dict:
    return {
        "section": section.name,
        "title": section.title,
        "records": [{item.name: item.value for item in record.items} for record in section.records],
        "sections": [_as_data(sub) for sub in section.sections],
    }


def as_json(household: Household, sections: list[Section]) -> dict:
    return {
        "household": household.reference,
        "exported_at": timezone.localtime().isoformat(),
        "sections": [_as_data(section) for section in sections],
    }
