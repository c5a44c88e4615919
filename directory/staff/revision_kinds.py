"""What each kind of revision is, in one place: one entry per ``Revision.Kind``.

A revision proposes values for one public record; what differs from kind to kind is asked
here, by the services (submit, approve), the review page and the editing views, never decided
by comparing ``revision.kind`` in each of them. An entry knows:

- ``form_class``: the ModelForm that validated the proposed values when they were typed and
  validates them again on approval (``None`` for opening hours: rows of slots and exceptions);
- ``target(revision)``: the record the revision changes (a new, unsaved one if it creates it);
- ``previous_values(revision, target)``: what is public now, in the shape of ``data``;
- ``apply(revision)``: writes the values on approval (``revision_approve`` holds the lock and
  the status);
- ``refresh_search(revision)``: recomputes the search documents the change touches;
- ``edit_url(revision)``: the form where the author takes the revision up again;
- ``image_field`` and ``image_label``: the picture a revision may carry (logo, photo);
- ``takes_pending_hours(revision)``: whether opening hours travel inside the revision (a new
  activity waiting for review has no id to hang them on).

A new kind is a ``Revision.Kind`` value and an entry in ``REVISION_KINDS``;
tests/directory/staff/test_revision_kinds.py fails until both exist.
"""

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from directory import search, tasks
from directory.event_signups import Change, session_change_notify
from directory.models import (
    TRANSLATION_LANGUAGES,
    Activity,
    ActivityTranslation,
    Event,
    EventSession,
    Location,
    Organization,
    OrganizationTranslation,
    Revision,
    SearchRefresh,
    VolunteeringCall,
    VolunteeringCallTranslation,
)
from directory.search import organization_translations
from directory.staff.event_forms import EventForm, EventSessionForm, session_rows
from directory.staff.forms import (
    ActivityForm,
    LocationForm,
    OpeningSlotForm,
    OrganizationProfileForm,
    ScheduleExceptionForm,
    current_values,
)
from directory.staff.slugs import unique_slug
from directory.staff.translation_forms import (
    ActivityTranslationForm,
    DeskTranslationForm,
    OrganizationTranslationForm,
    VolunteeringCallTranslationForm,
)
from sportelli.models import Desk, DeskTranslation


class RevisionKind:
    """The base entry; the subclasses below say what differs."""

    kind: str
    form_class = None
    # Forms of records that belong to an organization take it, to scope their choices.
    takes_organization = True
    image_field: str | None = None
    image_label = ""

    def form(self, organization: Organization, **kwargs):
        if self.takes_organization:
            kwargs["organization"] = organization
        return self.form_class(**kwargs)

    def target(self, revision: Revision):
        raise NotImplementedError

    def previous_values(self, revision: Revision, target) -> dict:
        if target.pk is None:
            return {}
        values = current_values(self.form(revision.organization, instance=target))
        excluded = self.form_class.revision_exclude
        return {name: value for name, value in values.items() if name not in excluded}

    def apply(self, revision: Revision) -> None:
        """Validate ``data`` with the kind's form, as on the day it was typed, and save it."""
        form = self.form(revision.organization, data=revision.data, instance=self.target(revision))
        if not form.is_valid():
            raise ValidationError(
                [
                    f"{form.fields[name].label if name in form.fields else name}: "
                    f"{' '.join(errors)}"
                    for name, errors in form.errors.items()
                ]
            )
        instance = form.save(commit=False)
        self.before_save(revision, instance)
        image = revision.data.get("image")
        if image and self.image_field:
            getattr(instance, self.image_field).name = image
        instance.full_clean()
        instance.save()
        form.save_m2m()
        self.after_save(revision, instance)

    def before_save(self, revision: Revision, instance) -> None:
        pass

    def after_save(self, revision: Revision, instance) -> None:
        pass

    def refresh_search(self, revision: Revision) -> None:
        search.refresh_search_document(revision.activity)

    def edit_url(self, revision: Revision) -> str | None:
        raise NotImplementedError

    def current_image(self, revision: Revision):
        target = self.target(revision)
        if self.image_field is None or target.pk is None:
            return None
        return getattr(target, self.image_field) or None

    def takes_pending_hours(self, revision: Revision) -> bool:
        return False

    def extra_diff_rows(self, revision: Revision) -> list[dict]:
        """Rows of the review's diff beyond the form's fields (an event's sessions)."""
        return []


class OrganizationKind(RevisionKind):
    kind = Revision.Kind.ORGANIZATION
    form_class = OrganizationProfileForm
    takes_organization = False
    image_field = "logo"
    image_label = gettext_lazy("logo")

    def target(self, revision):
        return revision.organization

    def refresh_search(self, revision):
        # Many activities go to the background worker, after the approval commits.
        tasks.refresh_search_later(
            SearchRefresh.Scope.ORGANIZATION,
            [revision.organization_id],
            label=_("Organization: %(name)s") % {"name": revision.organization.name},
        )

    def edit_url(self, revision):
        return reverse("staff:organization_edit", args=[revision.organization.slug])


class LocationKind(RevisionKind):
    kind = Revision.Kind.LOCATION
    form_class = LocationForm

    def target(self, revision):
        return revision.location or Location(organization=revision.organization)

    def after_save(self, revision, instance):
        revision.location = instance

    def refresh_search(self, revision):
        tasks.refresh_search_later(
            SearchRefresh.Scope.LOCATION,
            [revision.location_id],
            label=_("Place: %(name)s") % {"name": revision.location.name},
        )

    def edit_url(self, revision):
        slug = revision.organization.slug
        if revision.location_id:
            return reverse("staff:location_edit", args=[slug, revision.location_id])
        return reverse("staff:location_new", args=[slug])


class ActivityKind(RevisionKind):
    kind = Revision.Kind.ACTIVITY
    form_class = ActivityForm
    image_field = "photo"
    image_label = gettext_lazy("photo")

    def target(self, revision):
        return revision.activity or Activity(organization=revision.organization)

    def before_save(self, revision, instance):
        if not instance.slug:
            instance.slug = unique_slug(Activity, instance.title)

    def after_save(self, revision, instance):
        revision.activity = instance
        if revision.is_new and revision.data.get("hours"):
            # Hours given while the new activity waited: published with it, in one step.
            apply_hours(instance, revision.organization, revision.data["hours"])

    def edit_url(self, revision):
        slug = revision.organization.slug
        if revision.activity_id:
            return reverse("staff:activity_edit", args=[slug, revision.activity_id])
        return reverse("staff:activity_new", args=[slug])

    def takes_pending_hours(self, revision):
        return revision.is_new


class HoursKind(RevisionKind):
    """An activity's weekly slots and dated exceptions, as rows of their two small forms."""

    kind = Revision.Kind.HOURS

    def target(self, revision):
        return revision.activity

    def previous_values(self, revision, target):
        return hours_values(target)

    def apply(self, revision):
        if revision.activity is None:
            raise ValidationError(_("The activity no longer exists."))
        apply_hours(revision.activity, revision.organization, revision.data)

    def edit_url(self, revision):
        if not revision.activity_id:
            return None
        return reverse(
            "staff:activity_hours", args=[revision.organization.slug, revision.activity_id]
        )

    def current_image(self, revision):
        return None


class EventKind(RevisionKind):
    """An event and its sessions, reviewed together: the sessions are rows of ``data``."""

    kind = Revision.Kind.EVENT
    form_class = EventForm

    def target(self, revision):
        return revision.event or Event(organization=revision.organization)

    def previous_values(self, revision, target):
        values = super().previous_values(revision, target)
        if target.pk is not None:
            values["sessions"] = session_rows(target)
        return values

    def before_save(self, revision, instance):
        if not instance.slug:
            instance.slug = unique_slug(Event, instance.title)
        # Whether this approval cancels the event: the families signed up are told.
        instance.newly_cancelled = (
            instance.is_cancelled
            and instance.pk is not None
            and not Event.objects.filter(pk=instance.pk, status=Event.Status.CANCELLED).exists()
        )

    def after_save(self, revision, instance):
        revision.event = instance
        apply_sessions(instance, revision.organization, revision.data.get("sessions") or [])
        if getattr(instance, "newly_cancelled", False):
            for session in instance.sessions.filter(date__gte=timezone.localdate()):
                session_change_notify(session=session, change=Change.CANCELLED)

    def refresh_search(self, revision):
        pass  # Events are not in the search yet.

    def edit_url(self, revision):
        slug = revision.organization.slug
        if revision.event_id:
            return reverse("staff:event_edit", args=[slug, revision.event_id])
        return reverse("staff:event_new", args=[slug])

    def extra_diff_rows(self, revision):
        before = sessions_lines(revision.previous.get("sessions") or [])
        after = sessions_lines(revision.data.get("sessions") or [])
        return [
            {
                "label": _("sessions"),
                "before": "\n".join(before) or "—",
                "after": "\n".join(after) or "—",
                "changed": before != after,
            }
        ]


class TranslationKind(RevisionKind):
    """A listing's texts in one language (``data["language"]``), beside the Italian: a row of
    ``ActivityTranslation`` or ``OrganizationTranslation``, created on its first approval."""

    model = None

    def _language(self, revision):
        language = revision.data.get("language")
        if language not in dict(TRANSLATION_LANGUAGES):
            raise ValidationError(_("Choose one of the languages of the site."))
        return language

    def _record(self, revision):
        raise NotImplementedError

    def target(self, revision):
        record, language = self._record(revision), self._language(revision)
        found = self.model.objects.filter(**record, language=language).first()
        return found or self.model(**record, language=language)

    def refresh_search(self, revision):
        pass  # An organization's texts are not in the search documents.

    def current_image(self, revision):
        return None


class ActivityTranslationKind(TranslationKind):
    kind = Revision.Kind.ACTIVITY_TRANSLATION
    form_class = ActivityTranslationForm
    model = ActivityTranslation

    def _record(self, revision):
        if revision.activity is None:
            raise ValidationError(_("The activity no longer exists."))
        return {"activity": revision.activity}

    def refresh_search(self, revision):
        # The translation's words find the activity (directory.search.documents).
        search.refresh_search_document(revision.activity)

    def edit_url(self, revision):
        if not revision.activity_id:
            return None
        return reverse(
            "staff:activity_translation",
            args=[revision.organization.slug, revision.activity_id, revision.data["language"]],
        )


class OrganizationTranslationKind(TranslationKind):
    kind = Revision.Kind.ORGANIZATION_TRANSLATION
    form_class = OrganizationTranslationForm
    model = OrganizationTranslation

    def _record(self, revision):
        return {"organization": revision.organization}

    def refresh_search(self, revision):
        # The translation's words find the organization on its language's search page.
        organization_translations.refresh_organization(revision.organization)

    def edit_url(self, revision):
        return reverse(
            "staff:organization_translation",
            args=[revision.organization.slug, revision.data["language"]],
        )


class CallTranslationKind(TranslationKind):
    """A volunteering call's texts in one language; the call's key is ``data["call"]``."""

    kind = Revision.Kind.CALL_TRANSLATION
    form_class = VolunteeringCallTranslationForm
    model = VolunteeringCallTranslation

    def _record(self, revision):
        call = VolunteeringCall.objects.filter(
            pk=revision.data.get("call"), organization=revision.organization
        ).first()
        if call is None:
            raise ValidationError(_("The volunteering call no longer exists."))
        return {"call": call}

    def edit_url(self, revision):
        return reverse(
            "staff:call_translation",
            args=[revision.organization.slug, revision.data["call"], revision.data["language"]],
        )


class DeskTranslationKind(TranslationKind):
    """A desk's texts in one language; the desk's key is ``data["desk"]`` and the revision
    belongs to its host organization, whose coordinators review it."""

    kind = Revision.Kind.DESK_TRANSLATION
    form_class = DeskTranslationForm
    model = DeskTranslation

    def _desk(self, revision):
        return Desk.objects.filter(
            pk=revision.data.get("desk"), host_organization=revision.organization
        ).first()

    def _record(self, revision):
        desk = self._desk(revision)
        if desk is None:
            raise ValidationError(_("The desk no longer exists."))
        return {"desk": desk}

    def edit_url(self, revision):
        desk = self._desk(revision)
        if desk is None:
            return None
        return reverse(
            "staff:desk_translation",
            args=[revision.organization.slug, desk.slug, revision.data["language"]],
        )


REVISION_KINDS: dict[str, RevisionKind] = {
    entry.kind: entry
    for entry in (
        OrganizationKind(),
        LocationKind(),
        ActivityKind(),
        HoursKind(),
        EventKind(),
        ActivityTranslationKind(),
        OrganizationTranslationKind(),
        CallTranslationKind(),
        DeskTranslationKind(),
    )
}


def kind_of(revision: Revision) -> RevisionKind:
    return REVISION_KINDS[revision.kind]


# Opening hours ------------------------------------------------------------------------------


def hours_values(activity: Activity) -> dict:
    """The activity's published hours, in the shape a revision of its hours holds."""
    slot_fields = OpeningSlotForm._meta.fields
    exception_fields = ScheduleExceptionForm._meta.fields

    def row(obj, fields):
        values = {}
        for name in fields:
            value = getattr(obj, f"{name}_id" if name == "location" else name)
            values[name] = value.isoformat() if hasattr(value, "isoformat") else value
        return values

    return {
        "slots": [row(slot, slot_fields) for slot in activity.opening_slots.all()],
        "exceptions": [row(exc, exception_fields) for exc in activity.schedule_exceptions.all()],
    }


def apply_hours(activity: Activity, organization: Organization, data: dict) -> None:
    """Replace the activity's hours with the rows of ``data``, each validated by its form."""
    slots, exceptions = [], []
    for row in data.get("slots", []):
        form = OpeningSlotForm(data=row, organization=organization)
        if not form.is_valid():
            raise ValidationError(_("An opening slot is not valid: %s") % form.errors.as_text())
        slots.append(form.save(commit=False))
    for row in data.get("exceptions", []):
        form = ScheduleExceptionForm(data=row)
        if not form.is_valid():
            raise ValidationError(_("An exception is not valid: %s") % form.errors.as_text())
        exceptions.append(form.save(commit=False))
    activity.opening_slots.all().delete()
    activity.schedule_exceptions.all().delete()
    for obj in [*slots, *exceptions]:
        obj.activity = activity
        obj.full_clean()
        obj.save()


# Event sessions -----------------------------------------------------------------------------


def sessions_lines(rows: list[dict]) -> list[str]:
    """The sessions of a revision as the reviewer reads them, one line each."""
    statuses = dict(EventSession.Status.choices)
    lines = []
    for row in rows:
        line = f"{row.get('date')} {str(row.get('starts_at'))[:5]}–{str(row.get('ends_at'))[:5]}"
        if row.get("online_url"):
            line += f" · {row['online_url']}"
        if row.get("status") and row["status"] != EventSession.Status.SCHEDULED:
            line += f" · {statuses.get(row['status'], row['status'])}"
        lines.append(line)
    return lines


def apply_sessions(event: Event, organization: Organization, rows: list[dict]) -> None:
    """Make the event's sessions the rows': a row with ``session`` changes that session (its
    key is kept, for the sign-ups that will hang on it), one without adds a session, and the
    sessions no row names are removed."""
    own = {session.pk: session for session in event.sessions.all()}
    before = {pk: _when_and_where(session) for pk, session in own.items()}
    kept, saved = set(), []
    for row in rows:
        form = EventSessionForm(data=row, organization=organization)
        if not form.is_valid():
            raise ValidationError(_("A session is not valid: %s") % form.errors.as_text())
        pk = form.cleaned_data.get("session")
        if pk is not None and pk not in own:
            raise ValidationError(_("A session of another event cannot be changed here."))
        values = {name: form.cleaned_data[name] for name in EventSessionForm._meta.fields}
        session = own[pk] if pk is not None else EventSession(event=event)
        for name, value in values.items():
            setattr(session, name, value)
        if pk is not None:
            kept.add(pk)
        saved.append(session)
    # The families signed up are told when their session is removed, cancelled or moved.
    for pk, session in own.items():
        if pk not in kept and session.status != EventSession.Status.CANCELLED:
            session_change_notify(session=session, change=Change.CANCELLED)
    event.sessions.exclude(pk__in=kept).delete()
    for session in saved:
        session.full_clean()
        session.save()
        if session.pk in before and (change := _change(before[session.pk], session)):
            session_change_notify(session=session, change=change)


def _when_and_where(session: EventSession) -> tuple:
    return (session.date, session.starts_at, session.ends_at, session.location_id, session.status)


def _change(before: tuple, session: EventSession) -> str | None:
    """What the families signed up for ``session`` are told, given how it was before."""
    if before == _when_and_where(session) or before[-1] == EventSession.Status.CANCELLED:
        return None
    if session.status == EventSession.Status.CANCELLED:
        return Change.CANCELLED
    return Change.MOVED
