import datetime
from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.models import ModelChoiceIteratorValue
from django.utils.choices import CallableChoiceIterator
from django.utils.translation import gettext_lazy as _

from directory.models import (
    Activity,
    Attendance,
    BoardAnswer,
    BoardPost,
    Course,
    InvitationRole,
    Location,
    MemberRole,
    Membership,
    Municipality,
    NetworkMembership,
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
from directory.staff.organization_field import OrganizationField
from directory.staff.town_field import TownField
from directory.validators import normalize_tax_code

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


def _type_the_town(form):
    """The municipality typed by name (``town_field``), not chosen among thousands."""
    field = form.fields["municipality"]
    extra = {"help_text": field.help_text} if field.help_text else {}
    form.fields["municipality"] = TownField(label=field.label, required=field.required, **extra)


def _choose_the_organization(form, organizations, *, typed):
    """The organization a form acts for: a list of the user's own, or, for a coordinator who
    may act for any of the network's (``typed``), typed by name or tax code
    (``organization_field``)."""
    field = form.fields["organization"]
    if typed:
        form.fields["organization"] = OrganizationField(
            queryset=organizations, label=field.label, required=field.required
        )
    else:
        field.queryset = organizations


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


# Beyond a bigint: the key of no row, refused before it reaches a query.
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


class ScopedUniqueMixin:
    """Unique constraints naming a field the view sets on the instance, not the form.

    Django's ModelForm skips a constraint when one of its fields is not in the form, so a
    second training plan for the same year would reach the database and answer 500. The
    view assigns ``scope_fields`` (the organization, the course) before validation; here each
    such constraint is checked and its message put on the form's own field of it, with what
    was typed kept.
    """

    scope_fields: tuple[str, ...] = ()

    def validate_unique(self):
        super().validate_unique()
        model = self._meta.model
        constraints = [
            constraint
            for constraint in model._meta.constraints
            if isinstance(constraint, models.UniqueConstraint) and constraint.fields
        ]
        for constraint in constraints:
            scoped = [name for name in constraint.fields if name in self.scope_fields]
            own = [name for name in constraint.fields if name not in self.scope_fields]
            if not scoped or not own:
                continue
            if any(name not in self.fields or self.has_error(name) for name in own):
                continue
            try:
                constraint.validate(model, self.instance)
            except ValidationError as error:
                self.add_error(own[0], error.messages)


def tax_code_field(help_text):
    """A codice fiscale as people type it: spaces and lower case are fine, and are removed
    (``normalize_tax_code``) before the model's validator checks the 16 characters."""
    return forms.CharField(
        label=_("tax code"),
        required=False,
        max_length=24,
        help_text=help_text,
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "spellcheck": "false"}),
    )


class GroupedCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """Checkboxes in a fieldset per group; bootstrap5/field.html renders ``grouped_template``.

    A category with a parent is drawn indented under it.
    """

    grouped_template = "staff/widgets/grouped_checkboxes.html"

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        instance = getattr(value, "instance", None)
        option["is_child"] = getattr(instance, "parent_id", None) is not None
        return option


class CategoryMultipleChoiceField(BoundedModelMultipleChoiceField):
    """Categories as checkboxes grouped by taxonomy, each parent followed by its children.

    The choices are built when the form renders, not when it is created, in one query.
    """

    widget = GroupedCheckboxSelectMultiple

    def _grouped_choices(self):
        categories = list(self.queryset.select_related("taxonomy"))
        present = {category.pk for category in categories}
        children: dict[int, list] = {}
        for category in categories:
            if category.parent_id in present:
                children.setdefault(category.parent_id, []).append(category)
        groups: dict = {}
        for category in categories:
            if category.parent_id not in present:
                family = [category, *children.get(category.pk, [])]
                groups.setdefault(category.taxonomy, []).extend(family)
        return [
            (
                taxonomy.name,
                [
                    (ModelChoiceIteratorValue(category.pk, category), category.display_name)
                    for category in members
                ],
            )
            for taxonomy, members in groups.items()
        ]

    def _get_choices(self):
        return CallableChoiceIterator(self._grouped_choices)

    choices = property(_get_choices, forms.ChoiceField.choices.fset)


# Public data, changed through revisions ------------------------------------------------------


class OrganizationProfileForm(forms.ModelForm):
    tax_code = tax_code_field(_("Codice fiscale: 11 digits for a body."))
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

    def clean_tax_code(self):
        return normalize_tax_code(self.cleaned_data["tax_code"])

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
        _type_the_town(self)


def _yes_no(value) -> bool:
    return value == "True"


class ActivityForm(forms.ModelForm):
    # A conscious choice, not a ticked box: a new activity starts with neither answer.
    is_free = forms.TypedChoiceField(
        label=_("Is it free?"),
        choices=[("True", _("Free of charge")), ("False", _("With a fee"))],
        coerce=_yes_no,
        widget=forms.RadioSelect,
        help_text=_("With a fee: describe the cost below."),
    )
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
            "enrolment_opens",
            "enrolment_closes",
            "locations",
            "phone",
            "email",
            "website",
        ]
        widgets = {
            "valid_from": DATE,
            "valid_to": DATE,
            "enrolment_opens": DATE,
            "enrolment_closes": DATE,
            "target_groups": forms.CheckboxSelectMultiple,
            "languages": forms.CheckboxSelectMultiple,
            "locations": forms.CheckboxSelectMultiple,
        }
        field_classes = {
            "categories": CategoryMultipleChoiceField,
            **dict.fromkeys(
                ("target_groups", "languages", "locations"), BoundedModelMultipleChoiceField
            ),
        }
        help_texts = {"categories": _("Tick at least one: every category the activity fits.")}

    revision_exclude = ("photo_upload",)

    def __init__(self, *args, organization=None, **kwargs):
        initial = kwargs.get("initial") or {}
        super().__init__(*args, **kwargs)
        if self.instance.pk is None and "is_free" not in initial:
            # The model's default would answer for the author.
            self.initial["is_free"] = None
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


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("reason for rejecting"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Needed only to reject: the author reads it and can correct the change. "
            "Approving ignores it."
        ),
    )


# Accounts -------------------------------------------------------------------------------------


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("e-mail"))
    first_name = forms.CharField(label=_("first name"), max_length=150)
    last_name = forms.CharField(label=_("last name"), max_length=150)
    organization = forms.ModelChoiceField(label=_("organization"), queryset=None)
    role = forms.ChoiceField(
        label=_("role"),
        choices=InvitationRole.choices,
        help_text=_(
            "An access point's referrer (a bank's, patronato's, company's or school's staff) "
            "only sends referrals and signals of needs, and sees nothing else."
        ),
    )

    def __init__(self, *args, organizations, typed_organization=False, **kwargs):
        super().__init__(*args, **kwargs)
        _choose_the_organization(self, organizations, typed=typed_organization)

    def clean(self):
        data = super().clean()
        organization = data.get("organization")
        if (
            data.get("role") == InvitationRole.ACCESS_POINT
            and organization is not None
            and not NetworkMembership.objects.filter(
                organization=organization, role=MemberRole.ACCESS_POINT
            ).exists()
        ):
            self.add_error(
                "role",
                _(
                    "%(organization)s is not an access point of any network: a coordinator "
                    "gives it that role on the network's page first."
                )
                % {"organization": organization.name},
            )
        return data

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
    tax_code = tax_code_field(_("Codice fiscale, 16 letters and digits. Optional."))

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

    def clean_tax_code(self):
        return normalize_tax_code(self.cleaned_data["tax_code"])


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
        # Only what the options show: an activity's row holds its search document too.
        self.fields["activity"].queryset = organization.activities.only(
            "title", "organization"
        ).order_by("title", "pk")


# Training ------------------------------------------------------------------------------------


class TrainingPlanForm(ScopedUniqueMixin, forms.ModelForm):
    scope_fields = ("organization",)

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


class AttendanceForm(ScopedUniqueMixin, forms.ModelForm):
    scope_fields = ("course",)

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

    def __init__(self, *args, organizations, typed_organization=False, **kwargs):
        super().__init__(*args, **kwargs)
        _choose_the_organization(self, organizations, typed=typed_organization)


# Needs and offers ---------------------------------------------------------------------------


class BoardPostForm(forms.ModelForm):
    class Meta:
        model = BoardPost
        fields = ["organization", "kind", "category", "title", "description", "municipality"]

    def __init__(self, *args, organizations, typed_organization=False, **kwargs):
        super().__init__(*args, **kwargs)
        _choose_the_organization(self, organizations, typed=typed_organization)
        _type_the_town(self)


class BoardAnswerForm(forms.ModelForm):
    class Meta:
        model = BoardAnswer
        fields = ["organization", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, organizations, typed_organization=False, **kwargs):
        super().__init__(*args, **kwargs)
        _choose_the_organization(self, organizations, typed=typed_organization)


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
        _type_the_town(self)
