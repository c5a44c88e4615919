"""How a demo organization is written down; the organizations themselves are in ``orgs_*``."""

from dataclasses import dataclass, field

from directory.models import LegalForm, MemberRole, PublicationStatus

L = LegalForm
# An organization's role in its module's network (directory.demo.networks); an "aderente"
# adheres to the network's agreement: it signs it.
CAPOFILA, PARTNER, ADERENTE = MemberRole.LEAD, MemberRole.PARTNER, MemberRole.SIGNATORY


@dataclass(frozen=True)
class Org:
    slug: str
    name: str
    legal_form: str
    town: str
    role: str  # in its module's network
    description: str
    social_utility: str
    areas: str  # letters of art. 5 CTS
    address: str
    activities: list = field(default_factory=list)  # kind keys, or (key, overrides)
    place: str = "Sede"
    second: tuple | None = None  # (name, address, town)
    virtual: tuple | None = None  # (name, url or "")
    tax_code: bool = True
    runts: bool = True
    status: str = PublicationStatus.PUBLISHED


def all_organizations():
    from directory.demo import (
        orgs_corsichese,
        orgs_empolese,
        orgs_rhodense,
        orgs_umbria,
        orgs_visconteo,
    )

    return [
        *orgs_corsichese.ORGANIZATIONS,
        *orgs_visconteo.ORGANIZATIONS,
        *orgs_rhodense.ORGANIZATIONS,
        *orgs_empolese.ORGANIZATIONS,
        *orgs_umbria.ORGANIZATIONS,
    ]
