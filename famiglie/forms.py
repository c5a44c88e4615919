import datetime
from decimal import Decimal

from django import forms
from django.db.models.lookups import Contains, Exact
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from directory.models import Activity, JobOffer, Municipality, Organization, Skill
from directory.staff.organization_field import OrganizationField
from famiglie.areas import SUB_AREAS, Area, SubArea
from famiglie.models import (
    CaseState,
    Consent,
    ConsentKind,
    ExitReason,
    Intervention,
    InterventionKind,
    JobProfile,
    Level,
    Note,
    Objective,
    ObjectiveOutcome,
    ObjectiveStatus,
    Role,
    Team,
)
from linkrete.folding import Folded, fold
from sportelli.forms import DateInput, ReferredPersonFields


class IntakeFromAccessForm(forms.Form):
    team = forms.ModelChoiceField(
        label=_("Team that takes the family into care"), queryset=Team.objects.none()
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality of residence"),
        queryset=Municipality.objects.none(),
        required=False,
        help_text=_("Left empty, the access's municipality is kept."),
    )

    def __init__(self, *args, access, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = Team.objects.filter(is_active=True).order_by("name")
        self.fields["municipality"].queryset = Municipality.objects.of_the_network(
            include=access.municipality_id
        )
        self.fields["municipality"].initial = access.municipality_id


class CaseMoveForm(forms.Form):
    to_state = forms.ChoiceField(label=_("Move the case to"), widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea({"rows": 2}),
        help_text=_("Needed to close the case. No health details."),
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        # Closing has its own page (``CaseCloseForm``): reason, outcomes, final assessment.
        self.fields["to_state"].choices = [
            (s.value, s.label)
            for s in (CaseState(x) for x in case.allowed_transitions())
            if s != CaseState.CLOSED
        ]

    def clean(self):
        data = super().clean()
        if data.get("to_state") == CaseState.CLOSED and not data.get("note", "").strip():
            self.add_error("note", _("Say why the case is closed."))
        return data


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("refuse", _("Refuse"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note"), required=False, max_length=2000, widget=forms.Textarea({"rows": 2})
    )


class CaseTeamAssignForm(forms.Form):
    member = forms.ModelChoiceField(label=_("Team member"), queryset=None)
    role = forms.ChoiceField(label=_("Role on this case"), choices=Role.choices)

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = case.team.members.select_related("user").order_by(
            "user__last_name", "user__first_name"
        )
        self.fields["member"].label_from_instance = lambda m: str(m)


class ConsentForm(forms.ModelForm):
    class Meta:
        model = Consent
        fields = ["kind", "organization", "date", "expires_on", "signed_form"]
        widgets = {"date": DateInput(), "expires_on": DateInput()}
        help_texts = {
            "organization": _("Only for sharing: the organization of the network named in it."),
            "signed_form": _("The signed form: PDF, JPEG or PNG, up to 5 MB."),
        }

    MAX_BYTES = 5 * 1024 * 1024

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.published().order_by("name")
        self.fields["kind"].choices = ConsentKind.choices

    def clean_signed_form(self):
        upload = self.cleaned_data.get("signed_form")
        if upload and upload.size > self.MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload

    def clean(self):
        data = super().clean()
        if data.get("kind") == ConsentKind.SHARING and not data.get("organization"):
            self.add_error("organization", _("Name the organization the data may be shared with."))
        return data


class CaseReferForm(ReferredPersonFields):
    field_order = ["to_organization", "person_name", "person_contact", "need"]

    # Typed, not chosen: a <select> of the network's 150,000 organizations weighed megabytes.
    to_organization = OrganizationField(label=_("Organization"))
    override_reason = forms.CharField(
        label=_("Reason to share without the family's consent"),
        required=False,
        max_length=2000,
        widget=forms.Textarea({"rows": 2}),
        help_text=_("Only for an urgent protection need; the reason is logged."),
    )

    def __init__(self, *args, can_override, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_organization"].queryset = Organization.objects.published()
        if not can_override:
            del self.fields["override_reason"]


class AssessmentForm(forms.Form):
    """A level (0–3) and notes for every sub-area of the five areas, grouped by area; a
    repeated assessment starts from the last one's levels and notes."""

    date = forms.DateField(label=_("Date of the assessment"), widget=DateInput())

    def __init__(self, *args, latest=None, **kwargs):
        super().__init__(*args, **kwargs)
        before = {s.sub_area: s for s in latest.scores.all()} if latest else {}
        for sub_area in SubArea:
            key = self._key(sub_area)
            self.fields[f"level_{key}"] = forms.TypedChoiceField(
                label=sub_area.label,
                choices=Level.choices,
                coerce=int,
                initial=before[sub_area].level if sub_area in before else Level.NONE,
            )
            self.fields[f"notes_{key}"] = forms.CharField(
                label=_("Notes on “%(sub_area)s”") % {"sub_area": sub_area.label},
                required=False,
                max_length=2000,
                widget=forms.Textarea({"rows": 2}),
                initial=before[sub_area].notes if sub_area in before else "",
            )

    @staticmethod
    def _key(sub_area) -> str:
        return sub_area.value.replace(".", "__")

    def clean_date(self):
        day = self.cleaned_data["date"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date is in the future."))
        return day

    def areas(self):
        """(area, [(level field, notes field)…]) for the template's fieldsets."""
        return [
            (
                area.label,
                [
                    (self[f"level_{self._key(s)}"], self[f"notes_{self._key(s)}"])
                    for s in SUB_AREAS[area]
                ],
            )
            for area in SUB_AREAS
        ]

    def scores(self) -> dict[str, tuple[int, str]]:
        data = self.cleaned_data
        return {
            s.value: (data[f"level_{self._key(s)}"], data[f"notes_{self._key(s)}"]) for s in SubArea
        }


class ObjectiveForm(forms.ModelForm):
    class Meta:
        model = Objective
        fields = ["area", "description", "target_date", "status"]
        widgets = {"description": forms.Textarea({"rows": 3}), "target_date": DateInput()}
        help_texts = {
            "description": _("What the family and the team agreed to reach. No health details.")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = Area.choices
        self.fields["status"].choices = ObjectiveStatus.choices


class ReviewScheduleForm(forms.Form):
    due_on = forms.DateField(label=_("Due on"), widget=DateInput())

    def clean_due_on(self):
        day = self.cleaned_data["due_on"]
        if day < timezone.localdate():
            raise forms.ValidationError(_("A review is scheduled for today or a later day."))
        return day


class ReviewHoldForm(forms.Form):
    held_on = forms.DateField(label=_("Held on"), widget=DateInput())
    notes = forms.CharField(
        label=_("What was reviewed"),
        required=False,
        max_length=2000,
        widget=forms.Textarea({"rows": 3}),
        help_text=_("Progress on the objectives, what changes. No health details."),
    )
    next_due_on = forms.DateField(
        label=_("Next review due on"),
        required=False,
        widget=DateInput(),
        help_text=_("Left empty, no next review is scheduled."),
    )

    def clean_held_on(self):
        day = self.cleaned_data["held_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date is in the future."))
        return day

    def clean(self):
        data = super().clean()
        held, following = data.get("held_on"), data.get("next_due_on")
        if held and following and following <= held:
            self.add_error("next_due_on", _("The next review comes after this one."))
        return data


class InterventionForm(forms.ModelForm):
    """The provider is typed, not chosen from a list of the whole network: the organization by
    name or tax code (``OrganizationField``), the activity by its title among that
    organization's current activities; none or several found, the form says so and keeps what
    was typed."""

    organization = OrganizationField(
        label=_("Provider organization"),
        required=False,
        help_text=_("Type its name or its tax code."),
    )
    activity_title = forms.CharField(
        label=_("Activity of the directory"),
        required=False,
        max_length=200,
        help_text=_(
            "Needed for an enrolment: type the organization above, then the activity's title."
        ),
    )
    amount = forms.DecimalField(
        label=_("Amount (€)"),
        required=False,
        min_value=Decimal("0.01"),
        max_digits=9,
        decimal_places=2,
        localize=True,
        help_text=_("Only for an economic contribution, such as 150,00."),
    )

    # Titles named when an activity is not found among the organization's.
    SUGGESTED = 5

    class Meta:
        model = Intervention
        fields = [
            "kind",
            "date",
            "quantity",
            "amount",
            "objective",
            "job_offer",
            "organization",
            "notes",
        ]
        widgets = {"date": DateInput(), "notes": forms.Textarea({"rows": 2})}
        help_texts = {
            "quantity": _("How many: parcels, sessions, hours, days."),
            "notes": _("No health details."),
        }

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = InterventionKind.choices
        self.fields["organization"].queryset = Organization.objects.published()
        self.fields["objective"].queryset = case.objectives.order_by("pk")
        # A placement fills an offer of the household's town, current or expired lately.
        since = timezone.localdate() - datetime.timedelta(days=PLACEMENT_OFFERS_DAYS)
        offers = JobOffer.objects.filter(valid_until__gte=since)
        if case.household.municipality_id is not None:
            offers = offers.filter(municipality=case.household.municipality_id)
        self.fields["job_offer"].queryset = offers.select_related("organization").order_by(
            "title", "pk"
        )
        self.fields["job_offer"].label_from_instance = lambda o: f"{o.title} – {o.organization}"
        self.fields["job_offer"].help_text = _(
            "For an internship or job placement from the job pathway: the offer it fills."
        )
        self.fields["objective"].label_from_instance = lambda o: (
            f"{o.get_area_display()}: {Truncator(o.description).chars(80)}"
        )

    def clean_date(self):
        day = self.cleaned_data["date"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date is in the future."))
        return day

    def clean(self):
        data = super().clean()
        title = data.get("activity_title", "").strip()
        organization = data.get("organization")
        self.instance.activity = None
        offer = data.get("job_offer")
        if offer is not None and organization is None and "organization" not in self.errors:
            # The provider is the offering organization, unless typed otherwise.
            data["organization"] = organization = offer.organization
        if title:
            if organization is None:
                if "organization" not in self.errors:
                    self.add_error(
                        "organization", _("Type the organization that runs the activity.")
                    )
            else:
                self.instance.activity = self._activity(organization, title)
        return data

    def _update_errors(self, errors):
        # The model's rule about the activity belongs to the box where it is typed; said once.
        if hasattr(errors, "error_dict") and "activity" in errors.error_dict:
            moved = errors.error_dict.pop("activity")
            if "activity_title" not in self.errors:
                errors.error_dict.setdefault("activity_title", []).extend(moved)
        super()._update_errors(errors)

    def _activity(self, organization, title):
        current = Activity.objects.public().not_ended().filter(organization=organization)
        exact = list(current.filter(Exact(Folded("title"), fold(title)))[:2])
        if len(exact) == 1:
            return exact[0]
        found = current
        for word in title.split():
            found = found.filter(Contains(Folded("title"), fold(word)))
        found = exact or list(found.order_by("title")[:2])
        if len(found) == 1:
            return found[0]
        if found:
            self.add_error(
                "activity_title",
                _("More than one activity of %(organization)s matches: type more of the title.")
                % {"organization": organization.name},
            )
            return None
        titles = list(current.order_by("title").values_list("title", flat=True)[: self.SUGGESTED])
        if titles:
            message = _(
                "%(organization)s has no current activity called so. Its activities include: "
                "%(titles)s."
            ) % {"organization": organization.name, "titles": "; ".join(titles)}
        else:
            message = _("%(organization)s has no current activity in the directory.") % {
                "organization": organization.name
            }
        self.add_error("activity_title", message)
        return None


class NoteForm(forms.ModelForm):
    """The text, and who reads it for a psychologist of the case team (for the others, the
    note is the team's and the choice is not offered)."""

    class Meta:
        model = Note
        fields = ["text", "visibility"]
        widgets = {
            "text": forms.Textarea({"rows": 6}),
            "visibility": forms.RadioSelect,
        }

    def __init__(self, *args, psychologist: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not psychologist:
            del self.fields["visibility"]


class CaseCloseForm(forms.Form):
    """Why the case closes, how each objective of the plan ended (one field each, named after
    the objective's id) and the needs assessment that closes it (the latest, unless chosen)."""

    reason = forms.ChoiceField(label=_("Reason for closing"), choices=ExitReason.choices)
    note = forms.CharField(
        label=_("In a few words"),
        max_length=2000,
        widget=forms.Textarea({"rows": 3}),
        help_text=_("No health details."),
    )
    final_assessment = forms.ModelChoiceField(
        label=_("Final needs assessment"),
        queryset=None,
        empty_label=None,
        error_messages={
            "required": _("Record a final needs assessment first, then close the case."),
        },
    )

    def __init__(self, *args, case, objectives, assessments, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["final_assessment"]
        field.queryset = assessments
        field.label_from_instance = lambda assessment: (
            _("assessment of %(day)s") % {"day": assessment.date.strftime("%d/%m/%Y")}
        )
        self.objectives = objectives
        for objective in objectives:
            self.fields[self.outcome_field(objective)] = forms.ChoiceField(
                label=Truncator(objective.description).chars(120),
                help_text=objective.get_area_display(),
                choices=ObjectiveOutcome.choices,
                widget=forms.RadioSelect,
                initial=objective.status if objective.status in ObjectiveOutcome.values else None,
                error_messages={"required": _("Say how this objective ended.")},
            )

    @staticmethod
    def outcome_field(objective) -> str:
        return f"outcome_{objective.pk}"

    def outcomes(self) -> dict[int, str]:
        return {o.pk: self.cleaned_data[self.outcome_field(o)] for o in self.objectives}


# The job pathway ---------------------------------------------------------------------------

# How long after its last valid day an offer can still be named by a placement.
PLACEMENT_OFFERS_DAYS = 90


class JobProfileForm(forms.ModelForm):
    skills = forms.MultipleChoiceField(
        label=_("Skills"),
        choices=Skill.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("What the person can do: offers asking for these are proposed."),
    )

    class Meta:
        model = JobProfile
        fields = ["skills", "availability", "notes"]
        widgets = {"notes": forms.Textarea({"rows": 3})}
