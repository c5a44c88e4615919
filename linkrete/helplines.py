"""The national helplines every page offers (the footer, the contacts page, a search that finds
little): free, answering day and night, the same everywhere in Italy.

Checked on 2 December 2026 against the services' own pages and the press (see the lead's report
of issue 11): 112 is the European single emergency number; 1522 (Dipartimento per le Pari
Opportunità, run by Differenza Donna) answers victims of violence and stalking, free from any
phone, 24 hours a day, in Italian, English, French, Spanish, Arabic, Farsi, Albanian, Russian,
Ukrainian, Portuguese and Polish (1522.eu); 114 Emergenza Infanzia, run by Telefono Azzurro
for the government since 2003, takes reports of a child in danger, from anyone (azzurro.it);
19696 is Telefono Azzurro's own free line for children and teenagers (since 1994); 118 is the
health emergency number, answered by 112 where the single number is active. Change a number
here only after checking it at its source.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Helpline:
    number: str
    what: str


HELPLINES = (
    Helpline("112", _("single emergency number: police, fire brigade, ambulance")),
    Helpline("1522", _("violence against women and stalking, also in other languages")),
    Helpline("114", _("children and teenagers in danger")),
    Helpline("19696", _("Telefono Azzurro: children and teenagers who want to talk")),
    Helpline("118", _("health emergencies (where 112 is active, 112 answers it)")),
)
