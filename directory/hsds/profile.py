"""The Italian profile of HSDS: what HSDS has no field for, as ``attribute``s whose
``taxonomy_term`` is one of the terms below (the way Open Referral UK carries its own).

Three taxonomies, with identifiers fixed by the profile (``identifiers.fixed``): the same on
every installation, so that two networks' exports can be merged.
- ``linkrete-profile``: one term per extra field; the attribute's ``value`` holds the field's
  value (the ISTAT code of a location's municipality, an organization's role in the network…).
- ``cts-art5``: the areas of general interest of art. 5 CTS (letters a–z), on organizations.
- ``runts-section``: the sections of the RUNTS (art. 46 CTS), on organizations.
"""

from dataclasses import dataclass

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from directory.hsds.identifiers import fixed
from directory.models import GENERAL_INTEREST_AREAS, LegalForm


@dataclass(frozen=True)
class Term:
    taxonomy: str
    code: str
    name: object
    description: object

    @property
    def id(self) -> str:
        return fixed(self.taxonomy, self.code)


@dataclass(frozen=True)
class ProfileTaxonomy:
    slug: str
    name: object
    description: object

    @property
    def id(self) -> str:
        return fixed(self.slug)


PROFILE = "linkrete-profile"
CTS_ART5 = "cts-art5"
RUNTS_SECTION = "runts-section"

TAXONOMIES = [
    ProfileTaxonomy(
        PROFILE,
        _("Linkrete Italian profile"),
        _(
            "Fields of the Italian directories that HSDS 3.0 has no place for; an attribute's "
            "value holds the field's value."
        ),
    ),
    ProfileTaxonomy(
        CTS_ART5,
        _("Areas of general interest (art. 5 CTS)"),
        _(
            "The activities of general interest of art. 5 of the Third Sector Code "
            "(D.Lgs. 117/2017), letters a–z."
        ),
    ),
    ProfileTaxonomy(
        RUNTS_SECTION,
        _("RUNTS sections (art. 46 CTS)"),
        _("The sections of the national third-sector register (RUNTS)."),
    ),
]


def _profile_term(code, name, description):
    return Term(PROFILE, code, name, description)


ISTAT_CODE = _profile_term(
    "istat_municipality_code",
    _("ISTAT municipality code"),
    _("On a location: the six-digit ISTAT code of its municipality."),
)
NETWORK_ROLE = _profile_term(
    "network_role",
    _("Role in the network"),
    _(
        "On an organization, one a network it takes part in: its role there and the network's "
        "slug, as capofila:link (capofila, partner, firmatario or punto_accesso)."
    ),
)
SOCIAL_UTILITY = _profile_term(
    "social_utility",
    _("Social utility"),
    _("On an organization: what it does for the community, in its own words."),
)
ACCESS = _profile_term(
    "access",
    _("How to access"),
    _("On a service: open (just come), booking or referral (by referral of a service)."),
)
SUMMARY = _profile_term("summary", _("Summary"), _("On a service: one sentence saying what it is."))
TARGET_GROUP = _profile_term(
    "target_group", _("For whom"), _("On a service: a group of people it is meant for.")
)
VALID_FROM = _profile_term(
    "valid_from", _("Valid from"), _("On a service: the first day it runs (ISO 8601 date).")
)
VALID_TO = _profile_term(
    "valid_to", _("Valid until"), _("On a service: the last day it runs (ISO 8601 date).")
)
ENROLMENT_OPENS = _profile_term(
    "enrolment_opens",
    _("Enrolment opens on"),
    _("On a service: the first day to enrol (ISO 8601 date)."),
)
ENROLMENT_CLOSES = _profile_term(
    "enrolment_closes",
    _("Enrolment closes on"),
    _("On a service: the last day to enrol (ISO 8601 date)."),
)
DESK = _profile_term(
    "desk",
    _("Proximity desk"),
    _(
        "On a service: a proximity desk (sportello) of the network, booked on its page; value "
        "true. Exported, not imported: a desk needs its operators and its agenda."
    ),
)
CLOSED = _profile_term(
    "closed",
    _("Closed"),
    _("On a schedule: the service is closed on the schedule's dates (value true)."),
)
PROFILE_TERMS = [
    ISTAT_CODE,
    NETWORK_ROLE,
    SOCIAL_UTILITY,
    ACCESS,
    SUMMARY,
    TARGET_GROUP,
    VALID_FROM,
    VALID_TO,
    ENROLMENT_OPENS,
    ENROLMENT_CLOSES,
    DESK,
    CLOSED,
]

AREA_TERMS = {
    letter: Term(
        CTS_ART5, letter, name, format_lazy(_("Art. 5, letter {letter}) CTS"), letter=letter)
    )
    for letter, name in GENERAL_INTEREST_AREAS.items()
}

RUNTS_SECTIONS = {
    "a": _("voluntary organisations (ODV)"),
    "b": _("social promotion associations (APS)"),
    "c": _("philanthropic bodies"),
    "d": _("social enterprises, including social cooperatives"),
    "e": _("associative networks"),
    "f": _("mutual aid societies"),
    "g": _("other third-sector bodies"),
}
SECTION_TERMS = {
    letter: Term(
        RUNTS_SECTION,
        letter,
        name,
        format_lazy(_("Art. 46, letter {letter}) CTS"), letter=letter),
    )
    for letter, name in RUNTS_SECTIONS.items()
}
# The RUNTS section of each legal form in the register; the other forms have none.
SECTION_OF_LEGAL_FORM = {
    LegalForm.ODV: "a",
    LegalForm.APS: "b",
    LegalForm.PHILANTHROPIC: "c",
    LegalForm.SOCIAL_ENTERPRISE: "d",
    LegalForm.SOCIAL_COOP_A: "d",
    LegalForm.SOCIAL_COOP_B: "d",
    LegalForm.ASSOCIATIVE_NETWORK: "e",
    LegalForm.MUTUAL_AID: "f",
    LegalForm.OTHER_ETS: "g",
}


def terms() -> list[Term]:
    return [*PROFILE_TERMS, *AREA_TERMS.values(), *SECTION_TERMS.values()]
