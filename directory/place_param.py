"""``comune`` (ISTAT code) and ``zona`` (slug): the place parameters of the public lists other
than the search (volunteering calls, desks), as the place search ``/cerca/luogo/`` sends them.

Read strictly: a value that is malformed or names nothing is ignored with a notice saying so, in
the words the search uses; one query per parameter given."""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from directory.models import Municipality, Zone
from linkrete import params

ISTAT_CODE = re.compile(r"[0-9]{6}")


def _ignored(label, error):
    return _("“%(filter)s” was ignored: %(error)s") % {"filter": label, "error": error}


@dataclass
class Place:
    municipality: Municipality | None = None
    zone: Zone | None = None
    notices: list[str] = field(default_factory=list)

    @classmethod
    def from_query(cls, query):
        place = cls()
        code = query.get("comune")
        if code:
            if not (isinstance(code, str) and ISTAT_CODE.fullmatch(code)):
                place.notices.append(
                    _ignored(
                        _("Municipality"), _("a municipality is given by its six-digit ISTAT code.")
                    )
                )
            elif (municipality := Municipality.objects.filter(istat_code=code).first()) is None:
                place.notices.append(
                    _ignored(_("Municipality"), _("no municipality has this code."))
                )
            else:
                place.municipality = municipality
        slug = query.get("zona")
        if slug:
            zone = None
            if (slug := params.slug(slug)) is not None:
                zone = Zone.objects.filter(slug=slug).first()
            if zone is None:
                place.notices.append(_ignored(_("Zone"), _("there is no such zone.")))
            else:
                place.zone = zone
        return place

    @property
    def name(self):
        """What the page says it is narrowed to (municipality and zone both given: both)."""
        return " · ".join(p.name for p in (self.zone, self.municipality) if p is not None)

    def narrow(self, queryset, field="municipality"):
        """The rows of ``queryset`` whose ``field`` (a municipality) is in this place."""
        if self.municipality is not None:
            queryset = queryset.filter(**{field: self.municipality})
        if self.zone is not None:
            queryset = queryset.filter(**{f"{field}__in": self.zone.municipalities.values("pk")})
        return queryset
