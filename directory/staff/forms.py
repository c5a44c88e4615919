import datetime
from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model
from django.db import models
from django.utils.translation import gettext_lazy as _

from directory.models import (
    Activity,
    Attendance,
    BoardAnswer,
    BoardPost,
    Course,
    Location,
    Membership,
    Municipality,
    OpeningSlot,
    Organization,
    PlaceRequest,
    ScheduleException,
    TrainingPlan,
    Volunteer,
    VolunteerHours,
    VolunteeringCall,
)
from directory.staff.images import LOGO_MAX_SIZE, PHOTO_MAX_SIZE, clean_image

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def to_json_value(value):
    """A cleaned form value as JSON that the same form accepts back as data."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, models.QuerySet | list | tuple):
        return sorted(to_json_value(item) for item in value)
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def serialize(form, exclude=()) -> dict:
    return {
        name: to_json_value(form.cleaned_data.get(name))
        for name in form.fields
        if name not in exclude and name != "DELETE"
    }


def current_values(form) -> dict:
    """What an unbound ModelForm shows for its instance, in the JSON shape of ``serialize``."""
    values = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if isinstance(value, list | tuple):
            value = [getattr(item, "pk", item) for item in value]
        values[name] = to_json_value(value)
    return values


# Beyond a bigint: SQLite fails on such a key inside IN (…) instead of finding no row.
BIGINT_MAX = 2**63 - 1


class BoundedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's field, refusing keys no integer column holds before asking the database."""

    def _check_values(self, value):
        for pk in value if isinstance(value, list | tuple) else ():
            try:
                out_of_range = abs(int(pk)) > BIGINT_MAX
            except (TypeError, ValueError):
                continue  # Django's own check answers for these.
            if out_of_range:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


# Public data, changed through revisions ------------------------------------------------------


class OrganizationProfileForm(forms.ModelForm):
    logo_upload = forms.FileField(
        label=_("new logo"),
        required=False,
        help_text=_("JPEG, PNG or WebP, at most 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )

    class Meta:
        model = Organization
        fields = [
            "name",
            "legal_form",
            "tax_code",
            "runts_number",
            "description",
            "social_utility",
            "general_interest_areas",
            "website",
            "email",
            "phone",
        ]
        widgets = {"general_interest_areas": forms.CheckboxSelectMultiple}
        field_classes = {"general_interest_areas": BoundedModelMultipleChoiceField}

    revision_exclude = ("logo_upload",)

    def clean_logo_upload(self):
        upload = self.cleaned_data.get("logo_upload")
        return clean_image(upload, LOGO_MAX_SIZE) if upload else None


class LocationForm(forms.ModelForm):
    class Meta:
        model = Location
        fields = [
            "name",
            "kind",
            "address",
            "postal_code",
            "municipality",
            "latitude",
            "longitude",
            "url",
            "wheelchair_accessible",
            "has_lift",
            "accessible_toilet",
            "accessibility_notes",
            "transport_notes",
        ]
        widgets = {
            "latitude": forms.NumberInput(attrs={"step": "any"}),
            "longitude": forms.NumberInput(attrs={"step": "any"}),
        }

    revision_exclude = ()

    def __init__(self, *args, organization=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.of_the_network(
            include=self.instance.municipality_id
        )


class ActivityForm(forms.ModelForm):
    photo_upload = forms.FileField(
        label=_("new photo"),
        required=False,
        help_text=_("JPEG, PNG or WebP, at most 5 MB. Location data in the file is removed."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )

    class Meta:
        model = Activity
        fields = [
            "title",
            "summary",
            "description",
            "categories",
            "min_age",
            "max_age",
            "target_groups",
            "languages",
            "is_free",
            "fee_description",
            "access",
            "access_description",
            "eligibility",
            "required_documents",
            "capacity",
            "status",
            "alert",
            "valid_from",
            "valid_to",
            "locations",
            "phone",
            "email",
            "website",
        ]
        widgets = {
            "valid_from": DATE,
            "valid_to": DATE,
            "target_groups": forms.CheckboxSelectMultiple,
            "languages": forms.CheckboxSelectMultiple,
            "locations": forms.CheckboxSelectMultiple,
        }
        field_classes = dict.fromkeys(
            ("categories", "target_groups", "languages", "locations"),
            BoundedModelMultipleChoiceField,
        )

    revision_exclude = ("photo_upload",)

    def __init__(self, *args, organization=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organization is not None:
            self.fields["locations"].queryset = organization.locations.all()

    def clean_photo_upload(self):
        upload = self.cleaned_data.get("photo_upload")
        return clean_image(upload, PHOTO_MAX_SIZE) if upload else None


class OpeningSlotForm(forms.ModelForm):
    class Meta:
        model = OpeningSlot
        fields = ["weekday", "opens_at", "closes_at", "location", "valid_from", "valid_to", "notes"]
        widgets = {"opens_at": TIME, "closes_at": TIME, "valid_from": DATE, "valid_to": DATE}

    def __init__(self, *args, organization=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organization is not None:
            self.fields["location"].queryset = organization.locations.all()


class ScheduleExceptionForm(forms.ModelForm):
    class Meta:
        model = ScheduleException
        fields = ["date", "is_closed", "opens_at", "closes_at", "reason"]
        widgets = {"date": DATE, "opens_at": TIME, "closes_at": TIME}


# Bounded: the row count comes from the browser, and each row renders a choice of locations.
MAX_SLOTS = 50
MAX_EXCEPTIONS = 100
OpeningSlotFormSet = forms.formset_factory(
    OpeningSlotForm,
    extra=1,
    can_delete=True,
    max_num=MAX_SLOTS,
    absolute_max=MAX_SLOTS,
    validate_max=True,
)
ScheduleExceptionFormSet = forms.formset_factory(
    ScheduleExceptionForm,
    extra=1,
    can_delete=True,
    max_num=MAX_EXCEPTIONS,
    absolute_max=MAX_EXCEPTIONS,
    validate_max=True,
)


def formset_rows(formset) -> list[dict]:
    return [
        serialize(form)
        for form in formset.forms
        if form.has_changed() and not form.cleaned_data.get("DELETE") and form.cleaned_data
    ]


REVISION_FORMS = {
    "organization": OrganizationProfileForm,
    "location": LocationForm,
    "activity": ActivityForm,
}


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The author reads it and can correct the change."),
    )


# Accounts -------------------------------------------------------------------------------------


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("e-mail"))
    first_name = forms.CharField(label=_("first name"), max_length=150)
    last_name = forms.CharField(label=_("last name"), max_length=150)
    organization = forms.ModelChoiceField(label=_("organization"), queryset=None)
    role = forms.ChoiceField(label=_("role"), choices=Membership.Role.choices)

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations

    def clean_email(self):
        # Whether the address has an account is the service's business, never the form's:
        # the manager gets the same answer either way.
        return self.cleaned_data["email"].strip().lower()


class MembershipRoleForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["role"]


# Volunteers -----------------------------------------------------------------------------------


class VolunteerForm(forms.ModelForm):
    class Meta:
        model = Volunteer
        fields = [
            "first_name",
            "last_name",
            "tax_code",
            "birth_date",
            "email",
            "phone",
            "address",
            "start_date",
            "end_date",
            "roles",
            "skills",
            "is_insured",
            "insurance_policy",
            "insurance_expires",
            "notes",
        ]
        widgets = {
            "birth_date": DATE,
            "start_date": DATE,
            "end_date": DATE,
            "insurance_expires": DATE,
        }


class VolunteerChoiceField(forms.ModelChoiceField):
    """Volunteers by name: the form is on the organization's own pages (``str()`` of a
    volunteer is deliberately not the name)."""

    def label_from_instance(self, obj):
        return obj.full_name


class VolunteerHoursForm(forms.ModelForm):
    class Meta:
        model = VolunteerHours
        fields = ["volunteer", "activity", "date", "hours", "description"]
        field_classes = {"volunteer": VolunteerChoiceField}
        widgets = {"date": DATE}

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["volunteer"].queryset = organization.volunteers.active()
        self.fields["activity"].queryset = organization.activities.all()


# Training ------------------------------------------------------------------------------------


class TrainingPlanForm(forms.ModelForm):
    class Meta:
        model = TrainingPlan
        fields = ["year", "notes"]


class CourseForm(forms.ModelForm):
    class Meta:
        model = Course
        fields = [
            "plan",
            "title",
            "topic",
            "description",
            "starts_on",
            "ends_on",
            "hours",
            "trainer",
            "place",
            "places",
            "is_open_to_network",
        ]
        widgets = {"starts_on": DATE, "ends_on": DATE}

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = organization.training_plans.all()


class AttendanceForm(forms.ModelForm):
    class Meta:
        model = Attendance
        fields = ["volunteer", "user", "hours"]
        field_classes = {"volunteer": VolunteerChoiceField}

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["volunteer"].queryset = organization.volunteers.all()
        self.fields["user"].queryset = get_user_model().objects.filter(
            memberships__organization=organization
        )


class PlaceRequestForm(forms.ModelForm):
    class Meta:
        model = PlaceRequest
        fields = ["organization", "places", "message"]

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations


# Needs and offers ---------------------------------------------------------------------------


class BoardPostForm(forms.ModelForm):
    class Meta:
        model = BoardPost
        fields = ["organization", "kind", "category", "title", "description", "municipality"]

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        self.fields["municipality"].queryset = Municipality.objects.of_the_network(
            include=self.instance.municipality_id
        )


class BoardAnswerForm(forms.ModelForm):
    class Meta:
        model = BoardAnswer
        fields = ["organization", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations


class BoardFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("kind"), required=False, choices=[("", _("all"))] + BoardPost.Kind.choices
    )
    category = forms.ChoiceField(
        label=_("category"),
        required=False,
        choices=[("", _("all"))] + BoardPost.Category.choices,
    )
    municipality = forms.ModelChoiceField(
        label=_("municipality"),
        required=False,
        queryset=Municipality.objects.filter(pk__in=BoardPost.objects.values("municipality")),
    )


# Volunteering calls ---------------------------------------------------------------------------


class VolunteeringCallForm(forms.ModelForm):
    class Meta:
        model = VolunteeringCall
        fields = [
            "title",
            "description",
            "activity",
            "min_age",
            "time_commitment",
            "municipality",
            "deadline",
            "is_published",
        ]
        widgets = {"deadline": DATE}

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity"].queryset = organization.activities.all()
        self.fields["municipality"].queryset = Municipality.objects.of_the_network(
            include=self.instance.municipality_id
        )
