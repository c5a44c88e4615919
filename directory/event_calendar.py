"""The public calendar's period: a day, a week (Monday to Sunday) or a month around a date,
read strictly from ``?vista=`` and ``?data=``, and its filters (age band, category) with the
place (``place_param.Place``). A value that is malformed or names nothing is ignored with a
notice saying so, never a 500: a family may have followed an old or a typed link."""

import calendar
import datetime
from dataclasses import dataclass, field

from django.utils.dateformat import format as date_format
from django.utils.formats import get_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from directory.models import AGE_BANDS_BY_SLUG, AgeBand, Category
from directory.place_param import Place
from linkrete import params
from linkrete.dates import day_month, day_month_year, weekday_day_month

DAY, WEEK, MONTH = "giorno", "settimana", "mese"
VIEWS = {
    DAY: gettext_lazy("Day"),
    WEEK: gettext_lazy("Week"),
    MONTH: gettext_lazy("Month"),
}
# Dates a calendar link may name: beyond them a "next" link would overflow ``date``.
FIRST_DAY, LAST_DAY = datetime.date(2000, 1, 1), datetime.date(2099, 12, 31)


def _ignored(label, error):
    return _("“%(filter)s” was ignored: %(error)s") % {"filter": label, "error": error}


@dataclass(frozen=True)
class Period:
    view: str
    first: datetime.date
    last: datetime.date
    previous: datetime.date | None
    next: datetime.date | None

    @classmethod
    def around(cls, view: str, day: datetime.date) -> "Period":
        if view == DAY:
            first = last = day
            previous, following = day - datetime.timedelta(days=1), day + datetime.timedelta(1)
        elif view == WEEK:
            first = day - datetime.timedelta(days=day.weekday())
            last = first + datetime.timedelta(days=6)
            previous, following = first - datetime.timedelta(days=7), last + datetime.timedelta(1)
        else:
            first = day.replace(day=1)
            last = day.replace(day=calendar.monthrange(day.year, day.month)[1])
            previous = (first - datetime.timedelta(days=1)).replace(day=1)
            following = last + datetime.timedelta(days=1)
        return cls(
            view,
            first,
            last,
            previous if previous >= FIRST_DAY else None,
            following if following <= LAST_DAY else None,
        )

    @property
    def label(self) -> str:
        if self.view == DAY:
            return capfirst(weekday_day_month(self.first, year=True))
        if self.view == MONTH:
            return capfirst(date_format(self.first, get_format("YEAR_MONTH_FORMAT")))
        return _("%(first)s to %(last)s") % {
            "first": day_month(self.first),
            "last": day_month_year(self.last),
        }


@dataclass
class CalendarQuery:
    """What the calendar page was asked for, every value checked."""

    period: Period
    place: Place
    band: AgeBand | None = None
    category: Category | None = None
    notices: list[str] = field(default_factory=list)

    @classmethod
    def from_query(cls, query, today: datetime.date) -> "CalendarQuery":
        notices = []
        view = query.get("vista") or WEEK
        if view not in VIEWS:
            notices.append(_ignored(_("View"), _("choose day, week or month.")))
            view = WEEK
        day = today
        raw = query.get("data")
        if raw:
            try:
                day = datetime.date.fromisoformat(str(raw))
            except ValueError:
                notices.append(_ignored(_("Date"), _("write it as year-month-day.")))
            else:
                if not FIRST_DAY <= day <= LAST_DAY:
                    notices.append(_ignored(_("Date"), _("it is too far from today.")))
                    day = today
        place = Place.from_query(query)
        band = None
        if slug := query.get("fascia"):
            band = AGE_BANDS_BY_SLUG.get(slug)
            if band is None:
                notices.append(_ignored(_("Age"), _("there is no such age band.")))
        category = None
        if slug := query.get("categoria"):
            category = None
            if (slug := params.slug(slug)) is not None:
                category = Category.objects.filter(slug=slug).first()
            if category is None:
                notices.append(_ignored(_("Category"), _("there is no such category.")))
        return cls(Period.around(view, day), place, band, category, notices=place.notices + notices)

    def narrow(self, sessions):
        sessions = self.place.narrow(sessions, field="location__municipality")
        if self.band is not None:
            sessions = sessions.for_age_range(self.band.minimum, self.band.maximum)
        if self.category is not None:
            sessions = sessions.in_categories(Category.objects.with_descendants(self.category))
        return sessions.between(self.period.first, self.period.last)
