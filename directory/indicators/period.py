"""The period the indicators count, from the query string: ``dal`` and ``al`` as dates
(``2026-01-01``), the current year when neither is given. The form refuses what a browser can
send wrong (no date, the end before the start, beyond ten years) with a translated message,
and the dashboard then counts the current year while the form shows what was typed.
"""

import datetime
from dataclasses import dataclass

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

LONGEST_PERIOD_DAYS = 366 * 10
FIRST_DAY = datetime.date(2000, 1, 1)
LAST_DAY = datetime.date(2100, 12, 31)


@dataclass(frozen=True)
class Period:
    starts_on: datetime.date
    ends_on: datetime.date

    @classmethod
    def current_year(cls) -> "Period":
        year = timezone.localdate().year
        return cls(datetime.date(year, 1, 1), datetime.date(year, 12, 31))

    @property
    def first_instant(self) -> datetime.datetime:
        return midnight(self.starts_on)

    @property
    def instant_after(self) -> datetime.datetime:
        """Midnight after the last day: instants are ``>= first_instant`` and ``< this``."""
        return midnight(self.ends_on + datetime.timedelta(days=1))

    def as_query(self) -> dict[str, str]:
        return {"dal": self.starts_on.isoformat(), "al": self.ends_on.isoformat()}


def split_months(period: Period, this_month: datetime.date):
    """(first, after) of the whole months of the period before ``this_month`` (``None`` if
    none), and the (first, last) day ranges left to count live: what the monthly rollups
    (interventions, desk accesses) can answer and what they cannot."""
    first_whole = period.starts_on if period.starts_on.day == 1 else next_month(period.starts_on)
    after_whole = min(next_month(period.ends_on), this_month)
    if period.ends_on != next_month(period.ends_on) - datetime.timedelta(days=1):
        after_whole = min(after_whole, period.ends_on.replace(day=1))
    if first_whole >= after_whole:
        return None, [(period.starts_on, period.ends_on)]
    live = []
    if period.starts_on < first_whole:
        live.append((period.starts_on, first_whole - datetime.timedelta(days=1)))
    if after_whole <= period.ends_on:
        live.append((after_whole, period.ends_on))
    return (first_whole, after_whole), live


def next_month(day: datetime.date) -> datetime.date:
    return (day.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)


def midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class PeriodForm(forms.Form):
    dal = forms.DateField(
        label=_("From"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
    )
    al = forms.DateField(
        label=_("To"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
    )

    def clean(self):
        data = super().clean()
        starts_on, ends_on = data.get("dal"), data.get("al")
        for name, day in (("dal", starts_on), ("al", ends_on)):
            if day and not FIRST_DAY <= day <= LAST_DAY:
                self.add_error(name, _("Give a date between 2000 and 2100."))
        if self.errors or not starts_on or not ends_on:
            return data
        if ends_on < starts_on:
            self.add_error("al", _("The period cannot end before it starts."))
        elif (ends_on - starts_on).days > LONGEST_PERIOD_DAYS:
            self.add_error("al", _("Choose a period of ten years at most."))
        return data


def period_from(params) -> tuple[PeriodForm, Period]:
    """The form bound to the query string (or to the current year) and the period it gives."""
    default = Period.current_year()
    if "dal" not in params and "al" not in params:
        form = PeriodForm(initial=default.as_query())
        return form, default
    form = PeriodForm({"dal": params.get("dal", "")[:40], "al": params.get("al", "")[:40]})
    if form.is_valid():
        return form, Period(form.cleaned_data["dal"], form.cleaned_data["al"])
    return form, default
