import datetime
import re

from django import forms
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db.models import Exists, OuterRef
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from directory.models import Activity, Category, Language, Municipality, Organization
from famiglie.models import Team
from sportelli import referral_targets
from sportelli.models import (
    NOTE_MAX_LENGTH,
    TOPIC_TAXONOMY,
    Access,
    AgeBand,
    Booking,
    Channel,
    CitizenshipGroup,
    Desk,
    DeskException,
    Gender,
    Outcome,
    ReferralStatus,
)
from sportelli.slots import local_zone


def desk_topics():
    return Category.objects.filter(taxonomy__slug=TOPIC_TAXONOMY).order_by("order", "name")


class PublicTopicField(forms.ModelChoiceField):
    """A desk topic as families read it ("Lavoro", not the programme's "Orientamento al
    lavoro"); the operators' console and the admin keep the programme's names."""

    def label_from_instance(self, obj):
        return obj.public_name


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


# Public pages ------------------------------------------------------------------------------


def interface_language_code() -> str | None:
    """The reader's interface language as a ``Language.code`` (zh-hans → zh), or None in
    Italian, the language every desk speaks."""
    code = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return None if code == settings.LANGUAGE_CODE else code


class DeskFilterForm(forms.Form):
    """The desk list's filters. The place (``comune``, ``zona``) is not among them: it comes
    from the place search (``directory.place_param``): a select of every municipality with a
    desk made most of the list's weight and time at national scale."""

    tema = PublicTopicField(
        label=_("Topic"),
        queryset=Category.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("All topics"),
    )
    lingua = forms.ModelChoiceField(
        label=_("Language"),
        queryset=Language.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("Any language"),
    )
    canale = forms.ChoiceField(
        label=_("Channel"), choices=[("", _("Any channel"))] + Channel.choices, required=False
    )
    giorno = forms.DateField(label=_("Open on"), required=False, widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tema"].queryset = desk_topics()

    def filter(self, desks):
        if not self.is_valid():
            return desks
        data = self.cleaned_data
        if data["tema"]:
            desks = desks.filter(topics=data["tema"])
        if data["lingua"]:
            desks = desks.filter(languages=data["lingua"])
        if data["canale"]:
            desks = desks.with_channel(data["canale"])
        if data["giorno"]:
            desks = desks.open_on(data["giorno"])
        return desks.distinct()


class ChannelForm(forms.Form):
    channel = forms.ChoiceField(
        label=_("How would you like to meet?"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose how you would like to meet."),
            "invalid_choice": _("This desk does not offer this way of meeting: choose another."),
        },
    )

    def __init__(self, *args, desk, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["channel"].choices = desk.channel_choices()


class SlotForm(forms.Form):
    """The free slot, by its key. The view re-checks it against the slots computed now."""

    slot = forms.ChoiceField(
        label=_("Day and time"),
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": _(
                "This time is not available (any more): choose one of the free times below."
            ),
            "required": _("Choose a day and a time."),
        },
    )

    def __init__(self, *args, slots, **kwargs):
        super().__init__(*args, **kwargs)
        # Keys only: the page draws its own radio buttons, a week at a time, and a label for
        # each slot of the window (840 at a busy desk) was half the page's time.
        self.fields["slot"].choices = [(s.key, s.key) for s in slots]


# A phone number as people write it: digits, spaces, a leading + for the country code, and the
# usual separators (02/1234567, 347-111 2233, (+39) 0571 123456).
PHONE_CHARACTERS = re.compile(r"^\(?\+?[\d\s()./-]*$")
PHONE_MIN_DIGITS = 6
PHONE_MAX_DIGITS = 15  # the longest number in the world (ITU E.164)


class DetailsForm(forms.Form):
    name = forms.CharField(
        label=_("Name and surname"),
        max_length=120,
        widget=forms.TextInput({"autocomplete": "name"}),
        error_messages={"required": _("Write your name and surname.")},
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=30,
        required=False,
        widget=forms.TextInput({"autocomplete": "tel", "type": "tel"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        help_text=_("We send you the confirmation and the link to cancel."),
        widget=forms.EmailInput({"autocomplete": "email"}),
        error_messages={"invalid": _("Write a valid e-mail address, such as nome@esempio.it.")},
    )
    topic = PublicTopicField(
        label=_("What is it about?"),
        queryset=Category.objects.none(),
        required=False,
        empty_label=_("Choose…"),
        error_messages={"invalid_choice": _("Choose a topic from the list.")},
    )
    language = forms.TypedChoiceField(
        label=_("Language you need"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": _("Choose a language from the list.")},
    )
    note = forms.CharField(
        label=_("A short note"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea({"rows": 3}),
        help_text=_("Optional, at most %(max)s characters. Do not write health details.")
        % {"max": NOTE_MAX_LENGTH},
        error_messages={
            "max_length": _(
                "Shorten the note to at most %(limit_value)d characters (it has %(show_value)d)."
            )
        },
    )

    def __init__(self, *args, desk, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = desk.topics.all()
        self.fields["note"].widget.attrs.pop("maxlength", None)  # the server says what is wrong
        self.languages = {language.pk: language for language in Language.objects.all()}
        spoken = [language.pk for language in desk.languages.all()]
        others = [pk for pk in self.languages if pk not in spoken]
        choices = [("", _("Choose…"))]
        if spoken:
            choices += [
                (_("Languages spoken at the desk"), self._language_choices(spoken)),
                (_("Other languages"), self._language_choices(others)),
            ]
        else:
            choices += self._language_choices(others)
        self.fields["language"].choices = choices
        # A family reading the site in Arabic likely needs Arabic: offered first when the desk
        # speaks it (Italian, the desks' own language, is no need to record).
        reader = interface_language_code()
        for pk in spoken:
            if self.languages[pk].code == reader and "language" not in self.initial:
                self.initial["language"] = pk

    def _language_choices(self, pks):
        return [(pk, self.languages[pk].display_name) for pk in pks]

    def clean_phone(self):
        phone = " ".join(self.cleaned_data["phone"].split())
        digits = sum(character.isdigit() for character in phone)
        if phone and (
            not PHONE_CHARACTERS.match(phone) or not PHONE_MIN_DIGITS <= digits <= PHONE_MAX_DIGITS
        ):
            raise forms.ValidationError(
                _(
                    "Write the phone number with digits and spaces only, with + in front for a "
                    "foreign number: at least %(min)s digits, such as 347 123 4567."
                ),
                params={"min": PHONE_MIN_DIGITS},
                code="invalid_phone",
            )
        return phone

    def clean_language(self):
        pk = self.cleaned_data["language"]
        return self.languages[pk] if pk is not None else None

    def clean(self):
        data = super().clean()
        if (
            not data.get("phone")
            and not data.get("email")
            and not self.has_error("phone")
            and not self.has_error("email")
        ):
            raise forms.ValidationError(
                _("Give a phone number or an e-mail address, so the desk can reach you."),
                code="no_contact",
            )
        return data


class ConsentForm(forms.Form):
    privacy = forms.BooleanField(
        label=_("I have read the privacy notice and agree that the desk uses these data."),
        error_messages={"required": _("To book, accept the privacy notice.")},
    )


# Console -----------------------------------------------------------------------------------


class BookingStatusForm(forms.Form):
    """The outcome of a booking. Before it starts, only "booked" or "cancelled" make sense:
    nobody has come, or failed to come, yet."""

    status = forms.ChoiceField(
        label=_("Status"),
        error_messages={
            "invalid_choice": _(
                "This status is not possible for this booking: “done” and “did not come” "
                "only once the appointment has started."
            )
        },
    )

    def __init__(self, *args, booking, now=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = self.choices_for(booking, now=now)
        self.fields["status"].initial = booking.status

    @staticmethod
    def choices_for(booking, *, now=None):
        now = now or timezone.now()
        statuses = [Booking.Status.BOOKED]
        if booking.starts_at <= now or booking.status in (
            Booking.Status.DONE,
            Booking.Status.NO_SHOW,
        ):
            statuses += [Booking.Status.DONE, Booking.Status.NO_SHOW]
        statuses.append(Booking.Status.CANCELLED)
        return [(status.value, status.label) for status in statuses]


class AccessForm(forms.Form):
    occurred_at = forms.DateTimeField(label=_("When"), widget=DateTimeInput())
    channel = forms.ChoiceField(label=_("Channel"), widget=forms.RadioSelect)
    topics = forms.ModelMultipleChoiceField(
        label=_("Topics"), queryset=Category.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    age_band = forms.ChoiceField(
        label=_("Age band"), choices=AgeBand.choices, initial=AgeBand.UNKNOWN
    )
    gender = forms.ChoiceField(label=_("Gender"), choices=Gender.choices, initial=Gender.UNKNOWN)
    citizenship = forms.ChoiceField(
        label=_("Citizenship"), choices=CitizenshipGroup.choices, initial=CitizenshipGroup.UNKNOWN
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality of residence"),
        queryset=Municipality.objects.none(),
        required=False,
        empty_label=_("not known / another one"),
    )
    other_municipality = forms.CharField(
        label=_("Another municipality"),
        required=False,
        max_length=120,
        help_text=_("Its name as ISTAT writes it; add the province if needed: Peschiera (MI)."),
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=Outcome.choices, widget=forms.RadioSelect
    )
    minutes = forms.IntegerField(label=_("Minutes spent"), min_value=1, max_value=480)

    def __init__(self, *args, desk, **kwargs):
        super().__init__(*args, **kwargs)
        self.desk = desk
        self.fields["channel"].choices = desk.channel_choices()
        self.fields["topics"].queryset = desk_topics()
        nearby = Municipality.objects.filter(pk=desk.municipality_id)
        if desk.zone_id:
            nearby = Municipality.objects.filter(zones=desk.zone_id) | nearby
        self.fields["municipality"].queryset = nearby.distinct().order_by("name")
        self.fields["occurred_at"].initial = timezone.localtime().replace(second=0, microsecond=0)
        self.fields["minutes"].initial = desk.slot_minutes
        if len(desk.channels) == 1:
            self.fields["channel"].initial = desk.channels[0].value

    def clean_other_municipality(self):
        value = self.cleaned_data["other_municipality"].strip()
        if not value:
            return None
        name, province = value, ""
        if value.endswith(")") and "(" in value:
            name, _sep, province = value[:-1].rpartition("(")
            name, province = name.strip(), province.strip()
        matches = Municipality.objects.filter(name__iexact=name)
        if province:
            matches = matches.filter(province_code__iexact=province)
        found = list(matches[:2])
        if not found:
            raise forms.ValidationError(_("No Italian municipality has this name."))
        if len(found) > 1:
            raise forms.ValidationError(
                _(
                    "More than one municipality has this name: "
                    "add the province, as in Samarate (VA)."
                )
            )
        return found[0]

    def clean_occurred_at(self):
        value = self.cleaned_data["occurred_at"]
        if value > timezone.now() + timezone.timedelta(minutes=5):
            raise forms.ValidationError(_("An access is logged when it happened, not in advance."))
        return value

    def clean(self):
        data = super().clean()
        if data.get("other_municipality") and data.get("municipality"):
            raise forms.ValidationError(
                _("Choose the municipality from the list or type another one, not both.")
            )
        data["municipality"] = data.get("municipality") or data.get("other_municipality")
        return data


class AccessFilterForm(forms.Form):
    sportello = forms.ModelChoiceField(
        label=_("Desk"), queryset=Desk.objects.none(), to_field_name="slug", required=False
    )
    dal = forms.DateField(label=_("From"), required=False, widget=DateInput())
    al = forms.DateField(label=_("To"), required=False, widget=DateInput())
    canale = forms.ChoiceField(
        label=_("Channel"), choices=[("", _("any"))] + Channel.choices, required=False
    )
    esito = forms.ChoiceField(
        label=_("Outcome"), choices=[("", _("any"))] + Outcome.choices, required=False
    )
    tema = forms.ModelChoiceField(
        label=_("Topic"), queryset=Category.objects.none(), to_field_name="slug", required=False
    )

    def __init__(self, *args, desks, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sportello"].queryset = desks
        self.fields["tema"].queryset = desk_topics()

    def filter(self, accesses):
        if not self.is_valid():
            return accesses.none()
        data = self.cleaned_data
        if data["sportello"]:
            accesses = accesses.filter(desk=data["sportello"])
        # Days as ranges of instants, as the index on desk and time is ordered; the date of
        # each instant (``occurred_at__date``) would be computed for every row of the desks.
        if data["dal"]:
            accesses = accesses.filter(occurred_at__gte=_start_of(data["dal"]))
        if data["al"]:
            accesses = accesses.filter(
                occurred_at__lt=_start_of(data["al"] + datetime.timedelta(days=1))
            )
        if data["canale"]:
            accesses = accesses.filter(channel=data["canale"])
        if data["esito"]:
            accesses = accesses.filter(outcome=data["esito"])
        if data["tema"]:
            # EXISTS rather than a join: no DISTINCT over the desk's accesses before paging.
            tagged = Access.topics.through.objects.filter(
                access=OuterRef("pk"), category=data["tema"]
            )
            accesses = accesses.filter(Exists(tagged))
        return accesses


def _start_of(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=local_zone())


# Referrals ---------------------------------------------------------------------------------


class ReferredPersonFields(forms.Form):
    """Who is referred and what they need: the same fields, labels and help wherever a
    referral is written (a desk's or an organization's, a case team's)."""

    person_name = forms.CharField(label=_("Name of the person"), max_length=120)
    person_contact = forms.CharField(
        label=_("Contact"), max_length=120, help_text=_("A phone number or an e-mail address.")
    )
    need = forms.CharField(
        label=_("What is needed"),
        max_length=1000,
        widget=forms.Textarea({"rows": 3}),
        help_text=_("Only what the receiving side needs to know. No health details."),
    )


class ReferralForm(ReferredPersonFields):
    field_order = [
        "sender",
        "to_organization",
        "to_activity",
        "to_desk",
        "to_team",
        "person_name",
        "person_contact",
        "need",
        "consent_to_share",
        "note",
    ]
    sender = forms.ChoiceField(label=_("You refer on behalf of"))
    to_organization = forms.ModelChoiceField(
        label=_("To an organization"), queryset=Organization.objects.none(), required=False
    )
    to_activity = forms.ModelChoiceField(
        label=_("or to an activity"), queryset=Activity.objects.none(), required=False
    )
    to_desk = forms.ModelChoiceField(
        label=_("or to a desk"), queryset=Desk.objects.none(), required=False
    )
    to_team = forms.ModelChoiceField(
        label=_("or to a family-cases team"), queryset=Team.objects.none(), required=False
    )
    consent_to_share = forms.BooleanField(
        label=_("The person agreed that these data are shared with the receiving organization."),
        error_messages={"required": _("Without the person's consent no referral can be sent.")},
    )
    note = forms.CharField(
        label=_("Note"), max_length=1000, required=False, widget=forms.Textarea({"rows": 2})
    )

    def __init__(self, *args, desks, organizations, whole_network=False, search="", **kwargs):
        super().__init__(*args, **kwargs)
        self.sender_objects = {f"desk-{d.pk}": d for d in desks} | {
            f"org-{o.pk}": o for o in organizations
        }
        self.fields["sender"].choices = [
            (key, str(obj)) for key, obj in self.sender_objects.items()
        ]
        # Any published target is accepted; the lists offer the sender's territory first.
        self.fields["to_organization"].queryset = Organization.objects.published()
        self.fields["to_activity"].queryset = Activity.objects.public().not_ended()
        self.fields["to_desk"].queryset = Desk.objects.public()
        self.fields["to_team"].queryset = Team.objects.filter(is_active=True)
        self.territory = referral_targets.territory_of(desks, organizations)
        self.whole_network = whole_network or not self.territory
        self.targets = referral_targets.find_targets(
            self.territory, whole_network=self.whole_network, search=search
        )
        self._offer_targets()

    def _offer_targets(self):
        territory, targets = self.territory, self.targets
        empty = [("", "---------")]
        organizations = [
            (o.pk, referral_targets.organization_label(o, territory)) for o in targets.organizations
        ]
        activities = {}
        for activity in targets.activities:
            activities.setdefault(activity.organization.name, []).append(
                (activity.pk, referral_targets.activity_label(activity, territory))
            )
        desks = [(d.pk, referral_targets.desk_label(d)) for d in targets.desks]
        self.fields["to_organization"].widget.choices = empty + self._keep_chosen(
            "to_organization", organizations, referral_targets.organization_label
        )
        self.fields["to_activity"].widget.choices = empty + self._keep_chosen(
            "to_activity", list(activities.items()), referral_targets.activity_label
        )
        self.fields["to_desk"].widget.choices = empty + self._keep_chosen(
            "to_desk", desks, lambda desk, _territory: referral_targets.desk_label(desk)
        )

    def _keep_chosen(self, name, choices, label):
        """The choices, plus the one already chosen if the lists no longer hold it: what the
        person typed is never lost when the form comes back with an error."""
        if not self.is_bound:
            return choices
        value = self.data.get(self.add_prefix(name))
        offered = {
            str(pk)
            for group in choices
            for pk, _label in (group[1] if isinstance(group[1], list) else [group])
        }
        if not value or value in offered:
            return choices
        try:
            chosen = self.fields[name].queryset.get(pk=value)
        except (ValueError, TypeError, ObjectDoesNotExist, ValidationError):
            return choices
        return [(chosen.pk, label(chosen, self.territory)), *choices]

    def clean(self):
        data = super().clean()
        targets = [data.get(f) for f in ("to_organization", "to_activity", "to_desk", "to_team")]
        if sum(t is not None for t in targets) != 1:
            raise forms.ValidationError(
                _("Choose one organization, activity, desk or team: exactly one.")
            )
        return data

    def service_kwargs(self):
        data = self.cleaned_data
        sender = self.sender_objects[data["sender"]]
        return {
            "from_desk": sender if isinstance(sender, Desk) else None,
            "from_organization": sender if isinstance(sender, Organization) else None,
            "to_organization": data["to_organization"],
            "to_activity": data["to_activity"],
            "to_desk": data["to_desk"],
            "to_team": data["to_team"],
            "person_name": data["person_name"],
            "person_contact": data["person_contact"],
            "need": data["need"],
            "consent_to_share": data["consent_to_share"],
            "note": data["note"],
        }


class ReferralTransitionForm(forms.Form):
    to_status = forms.ChoiceField(label=_("New status"), widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Reason for declining"),
        required=False,
        max_length=1000,
        widget=forms.Textarea({"rows": 2}),
    )
    outcome = forms.CharField(
        label=_("Outcome"), required=False, max_length=1000, widget=forms.Textarea({"rows": 2})
    )
    note = forms.CharField(
        label=_("Note for the sender"),
        required=False,
        max_length=1000,
        widget=forms.Textarea({"rows": 2}),
    )

    def __init__(self, *args, referral, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_status"].choices = [
            (s.value, s.label) for s in (ReferralStatus(x) for x in referral.allowed_transitions())
        ]

    def clean(self):
        data = super().clean()
        status = data.get("to_status")
        if status == ReferralStatus.DECLINED and not data.get("reason", "").strip():
            self.add_error("reason", _("Say why the referral is declined."))
        if status == ReferralStatus.CLOSED and not data.get("outcome", "").strip():
            self.add_error("outcome", _("Say how the referral ended."))
        return data


# Closures are planned for the coming months; a date beyond is a typo.
CLOSURE_HORIZON = datetime.timedelta(days=2 * 366)
# A closure longer than a season (summer, Christmas to Epiphany) is a change of the weekly
# hours, to be made in them instead.
CLOSURE_MAX_DAYS = 92


class DeskClosureForm(forms.ModelForm):
    """A closure or special hours from one date to another, from the console.

    Over several days only the days the desk opens change (by its weekly hours, or by special
    hours given earlier); a single date changes whatever the weekly hours say.
    """

    date_to = forms.DateField(
        label=_("To"),
        required=False,
        widget=DateInput(),
        help_text=_(
            "Leave it empty for one day. Over several days, only the days the desk opens change."
        ),
    )
    cancel_bookings = forms.BooleanField(
        label=_("Cancel the bookings outside the new hours"),
        help_text=_(
            "People who left an e-mail address are told. Without this, nothing is saved "
            "while bookings would be left outside the hours."
        ),
        required=False,
    )

    class Meta:
        model = DeskException
        fields = ["date", "date_to", "is_closed", "opens_at", "closes_at", "reason"]
        widgets = {
            "date": DateInput(),
            "opens_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "closes_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }
        labels = {"date": _("From")}
        help_texts = {
            "is_closed": _("Untick it and give the times to open with special hours instead."),
            "reason": _("Shown on the desk's public page, e.g. “public holiday”."),
        }

    def __init__(self, *args, desk, **kwargs):
        super().__init__(*args, **kwargs)
        self.desk = desk
        self.instance.desk = desk
        self.days = []

    def _in_horizon(self, date):
        today = timezone.localdate()
        if date < today:
            raise forms.ValidationError(_("Choose today or a later date."))
        if date > today + CLOSURE_HORIZON:
            raise forms.ValidationError(_("Choose a date within the next two years."))
        return date

    def clean_date(self):
        return self._in_horizon(self.cleaned_data["date"])

    def clean_date_to(self):
        date = self.cleaned_data["date_to"]
        return date if date is None else self._in_horizon(date)

    def clean(self):
        data = super().clean()
        first, last = data.get("date"), data.get("date_to")
        if first is None or self.has_error("date_to"):
            return data
        if last is None or last == first:
            self.days = [first]
            return data
        if last < first:
            self.add_error("date_to", _("The last day comes before the first: swap them."))
            return data
        length = (last - first).days + 1
        if length > CLOSURE_MAX_DAYS:
            self.add_error(
                "date_to",
                _(
                    "At most %(max)d days at a time (these are %(days)d): split the period, "
                    "or change the desk's weekly hours."
                )
                % {"max": CLOSURE_MAX_DAYS, "days": length},
            )
            return data
        self.days = self._open_days(first, last)
        if not self.days:
            raise forms.ValidationError(
                _("The desk does not open on any day of this period: nothing would change.")
            )
        return data

    def _open_days(self, first, last):
        slots = list(self.desk.opening_slots.all())
        special = set(
            self.desk.exceptions.filter(
                date__gte=first, date__lte=last, is_closed=False
            ).values_list("date", flat=True)
        )
        days = []
        day = first
        while day <= last:
            weekly = any(s.weekday == day.isoweekday() and s.is_valid_on(day) for s in slots)
            if weekly or day in special:
                days.append(day)
            day += datetime.timedelta(days=1)
        return days

    def exceptions(self):
        """One unsaved exception per day of the period, as typed."""
        template = self.instance
        return [
            DeskException(
                desk=self.desk,
                date=day,
                is_closed=template.is_closed,
                opens_at=template.opens_at,
                closes_at=template.closes_at,
                reason=template.reason,
            )
            for day in self.days
        ]
