"""The event's form and the rows of its sessions, as the association area edits them.

Both travel in one revision (``revision_kinds.EventKind``): the event's fields as its form
serializes them, and ``sessions``, one row per session, each with the ``session`` key of the
session it changes (empty for a new one).
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from directory.models import Event, EventSession, Network
from directory.staff.forms import (
    DATE,
    TIME,
    BoundedModelMultipleChoiceField,
    CategoryMultipleChoiceField,
    _yes_no,
)


class EventForm(forms.ModelForm):
    # A conscious choice, as for activities: a new event starts with neither answer.
    is_free = forms.TypedChoiceField(
        label=_("Is it free?"),
        choices=[("True", _("Free of charge")), ("False", _("With a price"))],
        coerce=_yes_no,
        widget=forms.RadioSelect,
        help_text=_("With a price: describe it below."),
    )

    class Meta:
        model = Event
        fields = [
            "title",
            "summary",
            "description",
            "activity",
            "internal_network",
            "categories",
            "min_age",
            "max_age",
            "languages",
            "is_free",
            "fee_description",
            "admission",
            "capacity",
            "accessibility",
            "status",
            "notice",
        ]
        widgets = {
            "languages": forms.CheckboxSelectMultiple,
            "admission": forms.RadioSelect,
        }
        field_classes = {
            "categories": CategoryMultipleChoiceField,
            "languages": BoundedModelMultipleChoiceField,
        }
        help_texts = {"categories": _("Tick at least one: every category the event fits.")}

    revision_exclude = ()

    def __init__(self, *args, organization=None, **kwargs):
        initial = kwargs.get("initial") or {}
        super().__init__(*args, **kwargs)
        if self.instance.pk is None and "is_free" not in initial:
            self.initial["is_free"] = None
        if organization is not None:
            self.fields["activity"].queryset = organization.activities.order_by("title")
            self.fields["internal_network"].queryset = (
                Network.objects.filter(memberships__organization=organization)
                .distinct()
                .order_by("name")
            )
        self.fields["activity"].help_text = _(
            "If the event belongs to one of your weekly activities, it is shown on its page."
        )


class EventSessionForm(forms.ModelForm):
    # The session a row changes; empty for a new one. Checked against the event's own
    # sessions when the revision is applied.
    session = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    class Meta:
        model = EventSession
        fields = [
            "date",
            "starts_at",
            "ends_at",
            "location",
            "online_url",
            "status",
            "moved_from",
            "note",
        ]
        widgets = {"date": DATE, "starts_at": TIME, "ends_at": TIME, "moved_from": DATE}

    def __init__(self, *args, organization=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organization is not None:
            self.fields["location"].queryset = organization.locations.all()


# Bounded: the row count comes from the browser. A weekly lab over a school year fits.
MAX_SESSIONS = 60
EventSessionFormSet = forms.formset_factory(
    EventSessionForm,
    extra=1,
    can_delete=True,
    max_num=MAX_SESSIONS,
    absolute_max=MAX_SESSIONS,
    validate_max=True,
)


def session_rows(event: Event) -> list[dict]:
    """The event's sessions as the rows of a revision (what is public now)."""
    rows = []
    for session in event.sessions.order_by("date", "starts_at", "pk"):
        row = {}
        for name in EventSessionForm._meta.fields:
            value = getattr(session, "location_id" if name == "location" else name)
            row[name] = value.isoformat() if hasattr(value, "isoformat") else value
        row["session"] = session.pk
        rows.append(row)
    return rows
