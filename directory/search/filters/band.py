"""``fascia``: an age band, overlapping the activity's age range."""

from django.utils.translation import gettext_lazy as _

from directory.models import AGE_BANDS, AGE_BANDS_BY_SLUG
from directory.models.activity import age_range_condition
from directory.search.conditions import where
from directory.search.counting import Measure
from directory.search.filters.base import ChoiceParameterFilter, SearchFilter

BAND_SQL = """count(*) FILTER (WHERE (s.min_age IS NULL OR s.min_age <= %s)
    AND (s.max_age IS NULL OR s.max_age >= %s))"""


def band_condition(slug):
    band = AGE_BANDS_BY_SLUG[slug]
    return age_range_condition(band.minimum, band.maximum)


class Band(SearchFilter):
    name = "fascia"
    label = _("Age band")
    facet = "fascia"
    own_set = True

    def parameters(self):
        choices = [(b.slug, b.label) for b in AGE_BANDS]
        return {"fascia": ChoiceParameterFilter(label=self.label, choices=choices)}

    def condition(self, search):
        return where(band_condition(search.values["fascia"]))

    def chip_label(self, search):
        return AGE_BANDS_BY_SLUG[search.values["fascia"]].label

    def measures(self, search):
        return [Measure(BAND_SQL, (band.maximum, band.minimum)) for band in AGE_BANDS]

    def counts(self, counted, search):
        """{band slug: matches}"""
        return {band.slug: n for band, n in zip(AGE_BANDS, counted.measures, strict=True)}

    def options(self, search, counts, option):
        bands = counts[self.name]
        return [option(self.name, b.slug, b.label, bands[b.slug]) for b in AGE_BANDS]
