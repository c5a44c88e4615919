"""The zones of the five projects, and where their towns are (approximate town-centre points)."""

from directory.models import Zone

# (name, province code): (latitude, longitude, postal code of the centre)
TOWNS = {
    # Ambito del Corsichese (LINK, Buccinasco)
    ("Buccinasco", "MI"): (45.4177, 9.1113, "20090"),
    ("Corsico", "MI"): (45.4316, 9.1114, "20094"),
    ("Cesano Boscone", "MI"): (45.4427, 9.0944, "20090"),
    ("Trezzano sul Naviglio", "MI"): (45.4206, 9.0697, "20090"),
    ("Assago", "MI"): (45.4078, 9.1253, "20057"),
    ("Cusago", "MI"): (45.4486, 9.0347, "20047"),
    # Ambito Visconteo Sud Milano (Cuore Visconteo)
    ("Rozzano", "MI"): (45.3826, 9.1552, "20089"),
    ("Basiglio", "MI"): (45.3590, 9.1580, "20079"),
    ("Binasco", "MI"): (45.3306, 9.0996, "20082"),
    ("Casarile", "MI"): (45.3150, 9.1040, "20080"),
    ("Lacchiarella", "MI"): (45.3228, 9.1372, "20084"),
    ("Locate di Triulzi", "MI"): (45.3580, 9.2230, "20085"),
    ("Noviglio", "MI"): (45.3590, 9.0500, "20082"),
    ("Opera", "MI"): (45.3770, 9.2110, "20073"),
    ("Pieve Emanuele", "MI"): (45.3500, 9.2030, "20072"),
    ("Vernate", "MI"): (45.3160, 9.0600, "20080"),
    ("Zibido San Giacomo", "MI"): (45.3600, 9.1110, "20058"),
    # Ambito Rhodense (#oltreiperimetri)
    ("Rho", "MI"): (45.5310, 9.0400, "20017"),
    ("Arese", "MI"): (45.5530, 9.0770, "20044"),
    ("Pero", "MI"): (45.5100, 9.0870, "20016"),
    ("Lainate", "MI"): (45.5720, 9.0280, "20045"),
    ("Cornaredo", "MI"): (45.5000, 9.0290, "20007"),
    ("Settimo Milanese", "MI"): (45.4780, 9.0560, "20019"),
    ("Pregnana Milanese", "MI"): (45.5130, 9.0080, "20006"),
    ("Vanzago", "MI"): (45.5250, 8.9880, "20043"),
    ("Pogliano Milanese", "MI"): (45.5380, 8.9930, "20005"),
    # Empolese-Valdelsa (SpOON)
    ("Empoli", "FI"): (43.7190, 10.9460, "50053"),
    ("Castelfiorentino", "FI"): (43.6060, 10.9710, "50051"),
    ("Cerreto Guidi", "FI"): (43.7590, 10.8830, "50050"),
    ("Capraia e Limite", "FI"): (43.7460, 10.9810, "50050"),
    ("Certaldo", "FI"): (43.5480, 11.0410, "50052"),
    ("Fucecchio", "FI"): (43.7290, 10.8090, "50054"),
    ("Gambassi Terme", "FI"): (43.5370, 10.9520, "50050"),
    ("Montaione", "FI"): (43.5530, 10.9130, "50050"),
    ("Montelupo Fiorentino", "FI"): (43.7290, 11.0180, "50056"),
    ("Montespertoli", "FI"): (43.6440, 11.0740, "50025"),
    ("Vinci", "FI"): (43.7860, 10.9260, "50059"),
    # Umbria, zona sociale 6 (Norcia)
    ("Norcia", "PG"): (42.7930, 13.0930, "06046"),
    ("Cascia", "PG"): (42.7180, 13.0130, "06043"),
    ("Cerreto di Spoleto", "PG"): (42.8200, 12.9170, "06041"),
    ("Monteleone di Spoleto", "PG"): (42.6510, 12.9530, "06045"),
    ("Poggiodomo", "PG"): (42.7120, 12.9320, "06040"),
    ("Preci", "PG"): (42.8800, 13.0380, "06047"),
    ("Sant'Anatolia di Narco", "PG"): (42.7330, 12.8350, "06040"),
    ("Scheggino", "PG"): (42.7130, 12.8290, "06040"),
    ("Vallo di Nera", "PG"): (42.7550, 12.8640, "06040"),
    # Umbria, zona sociale 8 (Foligno)
    ("Foligno", "PG"): (42.9560, 12.7030, "06034"),
    ("Bevagna", "PG"): (42.9330, 12.6090, "06031"),
    ("Gualdo Cattaneo", "PG"): (42.9110, 12.5560, "06035"),
    ("Montefalco", "PG"): (42.8930, 12.6520, "06036"),
    ("Nocera Umbra", "PG"): (43.1140, 12.7870, "06025"),
    ("Sellano", "PG"): (42.8890, 12.9260, "06030"),
    ("Spello", "PG"): (42.9900, 12.6710, "06038"),
    ("Trevi", "PG"): (42.8780, 12.7490, "06039"),
    ("Valtopina", "PG"): (43.0580, 12.7550, "06030"),
    # Umbria, zona sociale 9 (Spoleto)
    ("Spoleto", "PG"): (42.7340, 12.7380, "06049"),
    ("Campello sul Clitunno", "PG"): (42.8200, 12.7750, "06042"),
    ("Castel Ritaldi", "PG"): (42.8230, 12.6720, "06044"),
}


def _towns(province, names):
    return [(name.strip(), province) for name in names.split(",")]


# slug, name, kind, description, towns
ZONES = [
    (
        "ambito-corsichese",
        "Ambito del Corsichese",
        Zone.Kind.AMBITO,
        "I sei comuni a sud-ovest di Milano che programmano insieme i servizi sociali; "
        "Buccinasco vi ha avviato il progetto LINK – Rete delle risorse sociali.",
        _towns("MI", "Assago, Buccinasco, Cesano Boscone, Corsico, Cusago, Trezzano sul Naviglio"),
    ),
    (
        "ambito-visconteo-sud-milano",
        "Ambito Visconteo Sud Milano",
        Zone.Kind.AMBITO,
        "Ambito distrettuale del Sud-Milano, capofila Rozzano: è il territorio del progetto "
        "Cuore Visconteo contro la povertà delle famiglie con figli minorenni.",
        _towns(
            "MI",
            "Basiglio, Binasco, Casarile, Lacchiarella, Locate di Triulzi, Noviglio, Opera, "
            "Pieve Emanuele, Rozzano, Vernate, Zibido San Giacomo",
        ),
    ),
    (
        "ambito-rhodense",
        "Ambito Rhodense",
        Zone.Kind.AMBITO,
        "I nove comuni soci di Sercop, dove la rete #oltreiperimetri porta l'attenzione alla "
        "vulnerabilità fuori dai servizi tradizionali.",
        _towns(
            "MI",
            "Arese, Cornaredo, Lainate, Pero, Pogliano Milanese, Pregnana Milanese, Rho, "
            "Settimo Milanese, Vanzago",
        ),
    ),
    (
        "empolese-valdelsa",
        "Empolese-Valdelsa",
        Zone.Kind.DISTRICT,
        "Gli undici comuni dell'Empolese Valdelsa; il progetto SpOON vi apre sportelli di "
        "prossimità nei circoli Arci di Empoli, Castelfiorentino e Cerreto Guidi.",
        _towns(
            "FI",
            "Capraia e Limite, Castelfiorentino, Cerreto Guidi, Certaldo, Empoli, Fucecchio, "
            "Gambassi Terme, Montaione, Montelupo Fiorentino, Montespertoli, Vinci",
        ),
    ),
    (
        "zona-sociale-6-norcia",
        "Zona sociale 6 – Valnerina",
        Zone.Kind.SOCIAL_ZONE,
        "Zona sociale con capofila Norcia, nei comuni della Valnerina colpiti dal sisma del 2016 "
        "(progetto NET WORKING).",
        _towns(
            "PG",
            "Norcia, Cascia, Cerreto di Spoleto, Monteleone di Spoleto, Poggiodomo, Preci, "
            "Sant'Anatolia di Narco, Scheggino, Vallo di Nera",
        ),
    ),
    (
        "zona-sociale-8-foligno",
        "Zona sociale 8 – Foligno",
        Zone.Kind.SOCIAL_ZONE,
        "Zona sociale con capofila Foligno, tra la valle Umbra e l'Appennino (progetto NET "
        "WORKING).",
        _towns(
            "PG",
            "Foligno, Bevagna, Gualdo Cattaneo, Montefalco, Nocera Umbra, Sellano, Spello, "
            "Trevi, Valtopina",
        ),
    ),
    (
        "zona-sociale-9-spoleto",
        "Zona sociale 9 – Spoleto",
        Zone.Kind.SOCIAL_ZONE,
        "Zona sociale con capofila Spoleto (progetto NET WORKING).",
        _towns("PG", "Spoleto, Campello sul Clitunno, Castel Ritaldi"),
    ),
]
