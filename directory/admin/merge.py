"""The page where a coordinator merges two organizations: pick the record that stays and the
values to keep, see what moves, confirm (``directory/merge.py`` does the rest)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import truncatechars, yesno
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from directory import merge
from directory.models import Organization
from linkrete.accounts.roles import is_coordinator


def shown_value(organization: Organization, field: str) -> str:
    value = getattr(organization, field)
    model_field = Organization._meta.get_field(field)
    if model_field.choices:
        return getattr(organization, f"get_{field}_display")()
    if isinstance(value, bool):
        return yesno(value, _("yes,no"))
    if value in (None, "") or (model_field.get_internal_type() == "FileField" and not value):
        return _("(empty)")
    return truncatechars(str(value), 160)


class MergeForm(forms.Form):
    survivor = forms.TypedChoiceField(
        label=gettext_lazy("Record that stays"),
        coerce=int,
        widget=forms.RadioSelect,
        help_text=gettext_lazy("The other record is deleted; its address leads to this one."),
    )

    def __init__(self, *args, first: Organization, second: Organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.first, self.second = first, second
        self.fields["survivor"].choices = [
            (first.pk, _("%(name)s (record %(pk)s)") % {"name": first.name, "pk": first.pk}),
            (second.pk, _("%(name)s (record %(pk)s)") % {"name": second.name, "pk": second.pk}),
        ]
        self.fields["survivor"].initial = first.pk
        self.differing = merge.differing_fields(first, second)
        for field in self.differing:
            keep_second = not getattr(first, field) and getattr(second, field)
            self.fields[f"value_{field}"] = forms.TypedChoiceField(
                label=Organization._meta.get_field(field).verbose_name,
                coerce=int,
                widget=forms.RadioSelect,
                choices=[
                    (first.pk, shown_value(first, field)),
                    (second.pk, shown_value(second, field)),
                ],
                initial=second.pk if keep_second else first.pk,
            )

    def value_fields(self):
        return [self[f"value_{field}"] for field in self.differing]

    def survivor_and_merged(self) -> tuple[Organization, Organization]:
        if self.cleaned_data["survivor"] == self.first.pk:
            return self.first, self.second
        return self.second, self.first

    def taken(self) -> list[str]:
        """The fields whose value comes from the record that goes."""
        survivor, _merged = self.survivor_and_merged()
        return [f for f in self.differing if self.cleaned_data[f"value_{f}"] != survivor.pk]


def merge_view(model_admin, request, first_id: int, second_id: int):
    if not is_coordinator(request.user):
        raise PermissionDenied
    if first_id == second_id:
        raise Http404
    first_id, second_id = sorted([first_id, second_id])
    # Both of the coordinator's networks (the admin's scoped rows), or 404.
    organizations = model_admin.get_queryset(request)
    first = get_object_or_404(organizations, pk=first_id)
    second = get_object_or_404(organizations, pk=second_id)
    form = MergeForm(request.POST or None, first=first, second=second)
    confirming = False
    if request.method == "POST" and form.is_valid():
        survivor, merged = form.survivor_and_merged()
        if "confirm" in request.POST:
            try:
                merge.organization_merge(
                    survivor=survivor, merged=merged, take=form.taken(), user=request.user
                )
            except ValidationError as error:
                form.add_error(None, error.messages)
                survivor.refresh_from_db()
            else:
                messages.success(
                    request,
                    _("%(merged)s has been merged into %(survivor)s.")
                    % {"merged": merged.name, "survivor": survivor.name},
                )
                return redirect(reverse("admin:directory_organization_change", args=[survivor.pk]))
        else:
            confirming = "edit" not in request.POST
    counts = {"first": merge.counts(first), "second": merge.counts(second)}
    rows = [(label, counts["first"][label], counts["second"][label]) for label in counts["first"]]
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": Organization._meta,
        "title": _("Merge two organizations"),
        "form": form,
        "first": first,
        "second": second,
        "rows": rows,
        "confirming": confirming,
    }
    if confirming:
        survivor, merged = form.survivor_and_merged()
        context.update(
            survivor=survivor,
            merged=merged,
            moving=[
                (label, n)
                for label, n in counts["first" if merged is first else "second"].items()
                if n
            ],
            taken=[
                (Organization._meta.get_field(f).verbose_name, shown_value(merged, f))
                for f in form.taken()
            ],
        )
    return TemplateResponse(request, "admin/directory/organization/merge.html", context)
