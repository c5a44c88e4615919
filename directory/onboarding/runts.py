"""The RUNTS list of enrolled bodies, row by row: which column is which, and what each cell means.

The registry's daily Excel has had slightly different headings over time, and networks pass it
around re-saved: a column is recognised by any of the headings a person would find (accents,
case and punctuation ignored), listed in ``COLUMNS``. A row becomes a ``RuntsRow`` or a list of
``RowError`` naming the row and the column.
"""

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from directory.models import LegalForm, Municipality
from directory.onboarding.reading import Sheet, normalize
from directory.validators import normalize_tax_code, validate_tax_code

# Field -> the headings (normalized) that name it. The first of each is the template's.
COLUMNS = {
    "tax_code": ["codice fiscale", "cf", "c f", "codice fiscale ente", "cod fiscale"],
    "name": ["denominazione", "denominazione ente", "ragione sociale", "nome ente", "nome"],
    "section": ["sezione", "sezione runts", "sezione di iscrizione", "sezione registro"],
    "network": [
        "rete associativa",
        "qualifica di rete associativa",
        "qualifica rete associativa",
        "qualifica",
    ],
    "municipality": [
        "comune",
        "comune sede legale",
        "comune della sede legale",
        "sede legale comune",
        "comune sede",
    ],
    "province": [
        "provincia",
        "provincia sede legale",
        "provincia della sede legale",
        "sede legale provincia",
        "sigla provincia",
        "prov",
    ],
    "runts_number": [
        "numero di repertorio",
        "numero repertorio",
        "n repertorio",
        "repertorio",
        "numero iscrizione",
        "numero di iscrizione",
    ],
}
REQUIRED = ("tax_code", "name", "section", "municipality")
TEMPLATE_HEADINGS = [
    "Codice fiscale",
    "Denominazione",
    "Sezione",
    "Rete associativa",
    "Comune",
    "Provincia",
    "Numero di repertorio",
]

# Art. 46 of the Code of the third sector: the register's sections, a to g.
SECTIONS = {
    "a": LegalForm.ODV,
    "b": LegalForm.APS,
    "c": LegalForm.PHILANTHROPIC,
    # Social enterprises, social cooperatives included: the list does not say type A or B.
    "d": LegalForm.SOCIAL_ENTERPRISE,
    "e": LegalForm.ASSOCIATIVE_NETWORK,
    "f": LegalForm.MUTUAL_AID,
    "g": LegalForm.OTHER_ETS,
}
# How the section is spelled out when it is not a letter (normalized, matched as a prefix or
# a word inside).
SECTION_WORDS = [
    ("odv", "a"),
    ("organizzazioni di volontariato", "a"),
    ("organizzazione di volontariato", "a"),
    ("aps", "b"),
    ("associazioni di promozione sociale", "b"),
    ("associazione di promozione sociale", "b"),
    ("enti filantropici", "c"),
    ("ente filantropico", "c"),
    ("imprese sociali", "d"),
    ("impresa sociale", "d"),
    ("cooperative sociali", "d"),
    ("cooperativa sociale", "d"),
    ("reti associative", "e"),
    ("rete associativa", "e"),
    ("societa di mutuo soccorso", "f"),
    ("mutuo soccorso", "f"),
    ("altri enti del terzo settore", "g"),
    ("altri enti", "g"),
]
YES = {"si", "s", "x", "yes", "y", "true", "1", "vero", "nazionale", "rete associativa"}
NO = {"", "no", "n", "false", "0", "falso"}


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "message": self.message}


@dataclass(frozen=True)
class RuntsRow:
    row: int
    tax_code: str
    name: str
    section: str
    is_network: bool
    municipality_id: int
    runts_number: str

    @property
    def legal_form(self) -> str:
        # A body qualified as an associative network is one, whatever section it is listed in.
        return LegalForm.ASSOCIATIVE_NETWORK if self.is_network else SECTIONS[self.section]


class MissingColumns(ValueError):
    pass


def match_columns(headings: list[str]) -> dict[str, int]:
    """Field -> column index; raises ``MissingColumns`` (translated) naming what is missing."""
    found = {}
    normalized = [normalize(h) for h in headings]
    for field, names in COLUMNS.items():
        for name in names:
            if name in normalized:
                found[field] = normalized.index(name)
                break
    missing = [COLUMNS[field][0] for field in REQUIRED if field not in found]
    if missing:
        raise MissingColumns(
            _("The file has no column for: %(columns)s. Its first row should hold the headings.")
            % {"columns": ", ".join(missing)}
        )
    return found


def parse_section(value) -> str | None:
    text = normalize(value)
    match = re.match(r"^(?:sezione )?([a-g])(?: |$)", text)
    if match:
        return match.group(1)
    for words, letter in SECTION_WORDS:
        if re.search(rf"(^| ){words}( |$)", text):
            return letter
    return None


class MunicipalityFinder:
    """Towns by name (and province, for homonyms), accents and case ignored; one query."""

    def __init__(self):
        self.by_name = defaultdict(list)
        for pk, name, other, province, code in Municipality.objects.values_list(
            "pk", "name", "name_other_language", "province", "province_code"
        ):
            entry = (pk, normalize(province), normalize(code))
            self.by_name[normalize(name)].append(entry)
            if other:
                self.by_name[normalize(other)].append(entry)
            # "Bolzano/Bozen": either half is what a person types.
            for part in name.split("/"):
                if part.strip() != name:
                    self.by_name[normalize(part)].append(entry)

    def find(self, name, province) -> tuple[int | None, str | None]:
        """(municipality id, None) or (None, translated reason)."""
        candidates = self.by_name.get(normalize(name), [])
        province = normalize(province)
        if province:
            candidates = [c for c in candidates if province in (c[1], c[2])]
        candidates = list(dict.fromkeys(candidates))
        if len(candidates) == 1:
            return candidates[0][0], None
        if not candidates:
            if province:
                return None, _(
                    "No municipality called “%(name)s” in the province “%(province)s”."
                ) % {
                    "name": name,
                    "province": province.upper(),
                }
            return None, _("No Italian municipality is called “%(name)s”.") % {"name": name}
        return None, _(
            "More than one municipality is called “%(name)s”: give its province too."
        ) % {"name": name}


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return str(value).strip()


def parse_rows(sheet: Sheet, columns: dict[str, int], finder: MunicipalityFinder):
    """Yields, for each row, a ``RuntsRow`` or a list of ``RowError``."""
    headings = sheet.headings

    for number, cells in sheet.rows:

        def cell(field, cells=cells):
            index = columns.get(field)
            return cell_text(cells[index]) if index is not None and index < len(cells) else ""

        def error(field, message, number=number):
            return RowError(number, headings[columns[field]], str(message))

        errors = []
        tax_code = normalize_tax_code(cell("tax_code"))
        # Excel drops the leading zeros of a code it takes for a number.
        if tax_code.isdigit() and len(tax_code) < 11:
            tax_code = tax_code.zfill(11)
        if not tax_code:
            errors.append(error("tax_code", _("The tax code is missing.")))
        else:
            try:
                validate_tax_code(tax_code)
            except ValidationError as invalid:
                errors.append(error("tax_code", invalid.messages[0]))
        name = " ".join(cell("name").split())
        if not name:
            errors.append(error("name", _("The name is missing.")))
        elif len(name) > 200:
            errors.append(error("name", _("The name is longer than 200 characters.")))
        section = parse_section(cell("section"))
        if section is None:
            errors.append(
                error(
                    "section",
                    _("“%(value)s” is not a RUNTS section: write a letter from A to G.")
                    % {"value": cell("section")},
                )
            )
        network_text = normalize(cell("network"))
        if network_text not in YES | NO:
            errors.append(
                error(
                    "network",
                    _("“%(value)s” is neither yes nor no.") % {"value": cell("network")},
                )
            )
        municipality_id, reason = finder.find(cell("municipality"), cell("province"))
        if not cell("municipality"):
            errors.append(error("municipality", _("The municipality is missing.")))
        elif reason:
            errors.append(error("municipality", reason))
        runts_number = cell("runts_number")
        if len(runts_number) > 30:
            errors.append(
                error("runts_number", _("The RUNTS number is longer than 30 characters."))
            )
        if errors:
            yield errors
            continue
        yield RuntsRow(
            row=number,
            tax_code=tax_code,
            name=name,
            section=section,
            is_network=network_text in YES,
            municipality_id=municipality_id,
            runts_number=runts_number,
        )
