"""An organization a network coordinator adds in the admin joins one of their networks.

Their admin shows the organizations of their networks only (``linkrete.admin_scope``): one they
created outside every network vanished from their sight once saved. So the add form of a network
coordinator (not a super-coordinator, who sees every organization) asks which of their networks
it joins, preselected when they coordinate one, and with which role (signatory of the agreement
unless told otherwise); the membership is saved with the organization, in the same transaction.
"""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import MemberRole, Network, NetworkMembership
from linkrete.accounts.roles import is_super_coordinator
from linkrete.accounts.scope import scope_of

JOIN_FIELDS = ["join_network", "join_role"]


class JoinNetworkForm(forms.ModelForm):
    join_network = forms.ModelChoiceField(
        queryset=Network.objects.none(),
        label=_("network it joins"),
        help_text=_("One of the networks you coordinate: you keep seeing the organization."),
    )
    join_role = forms.ChoiceField(
        choices=MemberRole.choices,
        initial=MemberRole.SIGNATORY,
        label=_("its role in the network"),
    )


def _joins_on_add(request, obj) -> bool:
    return obj is None and not is_super_coordinator(request.user)


class JoinsANetworkOnAddMixin:
    """For ``OrganizationAdmin``: the network fields on a network coordinator's add form."""

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if _joins_on_add(request, obj):
            fieldsets.append((_("Network"), {"fields": JOIN_FIELDS}))
        return fieldsets

    def get_form(self, request, obj=None, change=False, **kwargs):
        if not _joins_on_add(request, obj):
            return super().get_form(request, obj, change=change, **kwargs)
        kwargs["form"] = type("JoinNetworkForm", (JoinNetworkForm, self.form), {})
        form = super().get_form(request, obj, change=change, **kwargs)
        networks = Network.objects.filter(pk__in=sorted(scope_of(request.user).networks))
        field = form.base_fields["join_network"]
        field.queryset = networks.order_by("name")
        if len(scope_of(request.user).networks) == 1:
            field.initial = next(iter(scope_of(request.user).networks))
            field.empty_label = None
        return form

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        network = form.cleaned_data.get("join_network") if not change else None
        if network is not None:
            NetworkMembership.objects.get_or_create(
                network=network,
                organization=obj,
                role=form.cleaned_data["join_role"],
                defaults={"joined_on": timezone.localdate()},
            )
            # The request's scope was read before: the new member is in it from now on.
            request.user.__dict__.pop("_linkrete_scope", None)
