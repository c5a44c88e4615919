"""The two forms of an access point's referrer: a referral with the person's consent, and an
anonymous emerging-need signal when there is no consent yet."""

from django import forms
from django.utils.translation import gettext_lazy as _

from directory.models import MemberRole, NetworkMembership, Organization
from directory.staff.town_field import TownField
from famiglie.areas import Area
from sportelli.forms import ReferredPersonFields
from sportelli.models import AgeBand, Desk

BLANK = [("", "---------")]


def network_members(networks) -> list[Organization]:
    """The published organizations of the networks that work with people (every role but the
    access points'), by name: a network has tens of them, so a plain list fits."""
    members = NetworkMembership.objects.filter(network__in=networks).exclude(
        role=MemberRole.ACCESS_POINT
    )
    return list(
        Organization.objects.published()
        .filter(pk__in=members.values("organization"))
        .order_by("name")
    )


class AccessPointReferralForm(ReferredPersonFields):
    field_order = [
        "to_organization",
        "to_desk",
        "person_name",
        "person_contact",
        "need",
        "consent_to_share",
    ]
    to_organization = forms.ModelChoiceField(
        label=_("To an organization of the network"),
        queryset=Organization.objects.none(),
        required=False,
    )
    to_desk = forms.ModelChoiceField(
        label=_("or to a desk of the network"), queryset=Desk.objects.none(), required=False
    )
    consent_to_share = forms.BooleanField(
        label=_(
            "The person agreed that their name, contact and need are shared with the "
            "receiving organization."
        ),
        error_messages={
            "required": _(
                "Without the person's consent no referral can be sent: send an anonymous "
                "signal of the need instead."
            )
        },
    )

    def __init__(self, *args, networks, **kwargs):
        super().__init__(*args, **kwargs)
        members = network_members(networks)
        ids = [o.pk for o in members]
        self.fields["to_organization"].queryset = Organization.objects.filter(pk__in=ids)
        self.fields["to_organization"].choices = BLANK + [(o.pk, o.name) for o in members]
        desks = Desk.objects.public().filter(host_organization__in=ids)
        self.fields["to_desk"].queryset = desks
        self.fields["to_desk"].choices = BLANK + [
            (d.pk, f"{d.name} ({d.municipality.name})")
            for d in desks.select_related("municipality").order_by("name")
        ]
        self.fields["person_contact"].help_text = _(
            "A phone number or an e-mail address: only one, the one the person prefers."
        )

    def clean(self):
        data = super().clean()
        if (data.get("to_organization") is None) == (data.get("to_desk") is None):
            raise forms.ValidationError(_("Choose one organization or one desk: exactly one."))
        return data


class NeedSignalForm(forms.Form):
    network = forms.ModelChoiceField(label=_("Network"), queryset=None, empty_label=None)
    area = forms.ChoiceField(label=_("What kind of need"), choices=BLANK + Area.choices)
    municipality = TownField(label=_("Municipality where the person lives"))
    age_band = forms.ChoiceField(label=_("Age band"), choices=BLANK + AgeBand.choices)

    def __init__(self, *args, networks, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["network"].queryset = networks
        if len(networks) == 1:
            self.fields["network"].widget = forms.HiddenInput()
            self.fields["network"].initial = networks[0].pk
