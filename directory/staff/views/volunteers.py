"""The volunteer register (art. 17 CTS), hours and totals. Personal data: staff area only."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.db.models.functions import ExtractMonth
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.debug import sensitive_post_parameters

from directory.models import Activity, VolunteerHours
from directory.models.volunteer import ZERO_HOURS
from directory.staff import services
from directory.staff.access import get_organization_for_member
from directory.staff.forms import VolunteerForm, VolunteerHoursForm
from linkrete import params
from linkrete.csv_export import csv_response
from linkrete.paging import page_of


def _register(organization, year):
    return organization.volunteers.with_totals(year=year)


def _year(request):
    return params.year(request.GET.get("anno"))


def volunteer_list(request, slug):
    organization = get_organization_for_member(request.user, slug)
    year = _year(request) or timezone.localdate().year
    volunteers = _register(organization, year)
    if request.GET.get("stato") == "attivi":
        volunteers = volunteers.active()
    # In the register's order (surname, name), a page at a time; the CSV and the print hold all.
    volunteers = page_of(request, volunteers.order_by("last_name", "first_name", "pk"))
    return render(
        request,
        "staff/volunteer_list.html",
        {"organization": organization, "volunteers": volunteers, "year": year},
    )


def volunteer_print(request, slug):
    organization = get_organization_for_member(request.user, slug)
    year = _year(request) or timezone.localdate().year
    return render(
        request,
        "staff/volunteer_print.html",
        {
            "organization": organization,
            "volunteers": _register(organization, year),
            "year": year,
            "today": timezone.localdate(),
        },
    )


CSV_COLUMNS = [
    ("last_name", gettext_lazy("last name")),
    ("first_name", gettext_lazy("first name")),
    ("tax_code", gettext_lazy("tax code")),
    ("birth_date", gettext_lazy("date of birth")),
    ("email", gettext_lazy("e-mail")),
    ("phone", gettext_lazy("phone")),
    ("address", gettext_lazy("address")),
    ("start_date", gettext_lazy("start date")),
    ("end_date", gettext_lazy("end date")),
    ("roles", gettext_lazy("roles")),
    ("skills", gettext_lazy("skills")),
    ("is_insured", gettext_lazy("insured")),
    ("insurance_policy", gettext_lazy("insurance policy")),
    ("insurance_expires", gettext_lazy("insurance valid until")),
    ("hours_year", gettext_lazy("hours this year")),
    ("hours_total", gettext_lazy("hours in all")),
    ("training_hours", gettext_lazy("training hours")),
]


def volunteer_export(request, slug):
    organization = get_organization_for_member(request.user, slug)
    year = _year(request) or timezone.localdate().year
    # Streamed a chunk of rows at a time: the whole register, never held in memory at once.
    volunteers = _register(organization, year).iterator(chunk_size=500)
    return csv_response(
        f"registro-volontari-{organization.slug}-{year}.csv",
        [label for _name, label in CSV_COLUMNS],
        ([getattr(volunteer, name) for name, _label in CSV_COLUMNS] for volunteer in volunteers),
    )


# Error reports (and the DEBUG page) hide what was typed: it is a volunteer's personal data.
@sensitive_post_parameters()
def volunteer_edit(request, slug, pk=None):
    organization = get_organization_for_member(request.user, slug)
    volunteer = get_object_or_404(organization.volunteers, pk=pk) if pk else None
    form = VolunteerForm(request.POST or None, instance=volunteer)
    if request.method == "POST" and form.is_valid():
        volunteer = form.save(commit=False)
        volunteer.organization = organization
        volunteer.full_clean()
        volunteer.save()
        messages.success(request, _("Volunteer register updated."))
        return redirect("staff:volunteer_detail", slug=organization.slug, pk=volunteer.pk)
    title = _("Edit the volunteer") if volunteer else _("New volunteer")
    return render(
        request,
        "staff/edit_form.html",
        {"organization": organization, "form": form, "title": title},
    )


def volunteer_detail(request, slug, pk):
    organization = get_organization_for_member(request.user, slug)
    volunteer = get_object_or_404(organization.volunteers.with_totals(), pk=pk)
    return render(
        request,
        "staff/volunteer_detail.html",
        {
            "organization": organization,
            "volunteer": volunteer,
            "hours": volunteer.hours.select_related("activity")[:50],
            "attendances": volunteer.attendances.select_related("course"),
        },
    )


def hours_log(request, slug):
    organization = get_organization_for_member(request.user, slug)
    initial = {"date": timezone.localdate()}
    form = VolunteerHoursForm(request.POST or None, organization=organization, initial=initial)
    if request.method == "POST" and form.is_valid():
        values = dict(form.cleaned_data)
        volunteer = values.pop("volunteer")
        try:
            services.volunteer_hours_log(volunteer=volunteer, logged_by=request.user, **values)
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("Hours logged."))
            return redirect("staff:hours_log", slug=organization.slug)
    # The log newest first, a page at a time (the totals page sums the whole year).
    entries = page_of(
        request,
        VolunteerHours.objects.filter(volunteer__organization=organization)
        .select_related("volunteer", "activity")
        .order_by("-date", "-pk"),
    )
    return render(
        request,
        "staff/hours_log.html",
        {"organization": organization, "form": form, "entries": entries},
    )


def _pivot(sums, key, labels):
    """Rows of twelve monthly sums and the year's, one per ``key`` of ``sums``, in the order
    of ``labels`` (key -> label); a key without a label (no activity) comes last."""
    rows = {}
    for item in sums:
        row = rows.setdefault(item[key], {"months": [ZERO_HOURS] * 12, "total": ZERO_HOURS})
        row["months"][item["month"] - 1] += item["total"]
        row["total"] += item["total"]
    ordered = [{"label": label, **rows[k]} for k, label in labels.items() if k in rows]
    if None in rows:
        ordered.append({"label": _("no activity"), **rows[None]})
    return ordered


def hours_totals(request, slug):
    """Monthly and yearly totals per volunteer and per activity: one grouped query over the
    year's entries (volunteer, activity, month), read along the index on volunteer and date,
    then the names of those it found."""
    organization = get_organization_for_member(request.user, slug)
    year = _year(request) or timezone.localdate().year
    sums = list(
        VolunteerHours.objects.filter(
            volunteer__organization=organization,
            date__gte=datetime.date(year, 1, 1),
            date__lt=datetime.date(year + 1, 1, 1),
        )
        .annotate(month=ExtractMonth("date"))
        .values("volunteer_id", "activity_id", "month")
        .annotate(total=Sum("hours"))
        .order_by()
    )
    volunteer_ids = {item["volunteer_id"] for item in sums}
    activity_ids = {item["activity_id"] for item in sums} - {None}
    volunteers = {
        pk: f"{last} {first}"
        for pk, last, first in organization.volunteers.filter(pk__in=volunteer_ids)
        .order_by("last_name", "first_name", "pk")
        .values_list("pk", "last_name", "first_name")
    }
    activities = dict(
        Activity.objects.filter(pk__in=activity_ids)
        .order_by("title", "pk")
        .values_list("pk", "title")
    )
    by_volunteer = _pivot(sums, "volunteer_id", volunteers)
    by_activity = _pivot(sums, "activity_id", activities)
    months = [datetime.date(year, m, 1) for m in range(1, 13)]
    return render(
        request,
        "staff/hours_totals.html",
        {
            "organization": organization,
            "year": year,
            "months": months,
            "by_volunteer": by_volunteer,
            "by_activity": by_activity,
            "grand_total": sum(row["total"] for row in by_volunteer),
        },
    )
