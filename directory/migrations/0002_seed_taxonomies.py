"""The classifications every Linkrete network starts with (DOMAIN.md); coordinators edit them."""

from django.db import migrations

TAXONOMIES = [
    (
        "aree-intervento",
        "Aree di intervento",
        "Le cinque aree di intervento della rete (Cuore Visconteo).",
        [
            ("emergenze", "Emergenze", "Emergencies", [
                ("sostegno-alimentare", "Sostegno alimentare", "Food support"),
                ("sostegno-sanitario", "Sostegno sanitario", "Health support"),
                ("sostegno-economico", "Sostegno economico", "Financial support"),
            ]),
            ("sostegno-famiglie", "Sostegno alle famiglie", "Support for families", [
                ("nuove-poverta", "Intercettazione di nuove povertà", "Reaching new poverty"),
                ("progetti-accompagnamento", "Progetti di accompagnamento", "Accompaniment plans"),
                ("segretariato-sociale", "Segretariato sociale", "Social information service"),
            ]),
            ("seminare-futuro", "Seminare futuro", "Sowing the future", [
                ("educazione-0-3", "Opportunità educative 0–3 anni",
                 "Educational opportunities, 0–3 years"),
                ("educazione-preadolescenti", "Opportunità educative per preadolescenti",
                 "Educational opportunities for pre-teens"),
                ("educazione-adolescenti", "Opportunità educative per adolescenti",
                 "Educational opportunities for teenagers"),
                ("diritto-istruzione", "Diritto all'istruzione e sostegno scolastico",
                 "Right to education and homework support"),
                ("genitorialita", "Sostegno alla genitorialità", "Parenting support"),
                ("partecipazione-giovanile", "Partecipazione giovanile", "Youth participation"),
            ]),
            ("inclusione-lavorativa", "Inclusione lavorativa", "Work inclusion", [
                ("occupabilita", "Occupabilità", "Employability"),
                ("educazione-lavoro", "Educazione al lavoro", "Education for work"),
                ("inserimenti-lavorativi", "Inserimenti lavorativi", "Job placements"),
            ]),
            ("infrastruttura-sociale", "Infrastruttura sociale", "Social infrastructure", [
                ("welfare-prossimita", "Welfare di prossimità", "Proximity welfare"),
                ("reti-attori-sociali", "Reti di attori sociali", "Networks of social actors"),
                ("generativita-sociale", "Generatività sociale", "Social generativity"),
            ]),
        ],
    ),
    (
        "tempo-libero",
        "Tempo libero e socialità",
        "Attività aggregative per famiglie, ragazzi e anziani (LINK, NET WORKING).",
        [
            ("socialita", "Tempo libero e socialità", "Leisure and community life", [
                ("sport", "Sport", "Sport"),
                ("musica-arte-teatro", "Musica, arte e teatro", "Music, art and theatre"),
                ("laboratori", "Laboratori creativi", "Creative workshops"),
                ("centri-estivi", "Centri estivi", "Summer camps"),
                ("socialita-anziani", "Socialità per anziani", "Company for the elderly"),
                ("volontariato-giovani", "Volontariato per giovani", "Volunteering for youth"),
            ]),
        ],
    ),
    (
        "temi-sportello",
        "Temi degli sportelli",
        "Gli argomenti di orientamento degli sportelli di prossimità (SpOON).",
        [
            ("accesso-servizi", "Accesso ai servizi", "Access to services", []),
            ("digital-divide", "Digital divide", "Digital divide", []),
            ("cittadini-stranieri", "Cittadini stranieri", "Foreign citizens", []),
            ("orientamento-lavoro", "Orientamento al lavoro", "Job guidance", []),
            ("servizi-giovani", "Servizi per i giovani", "Services for young people", []),
            ("conciliazione", "Conciliazione casa-lavoro", "Work–family balance", []),
            ("supporto-psicologico", "Supporto psicologico", "Psychological support", []),
        ],
    ),
    (
        "azioni-rhodense",
        "Azioni #oltreiperimetri",
        "Le cinque azioni del progetto Generare capitale sociale nel Rhodense.",
        [
            ("indebitamento-consapevole", "Indebitamento consapevole", "Conscious debt", []),
            ("job-community", "Job Community", "Job Community", []),
            ("smart-house", "Smart House", "Smart House", []),
            ("comunicazione-fundraising", "Comunicazione e fundraising",
             "Communication and fundraising", []),
            ("formazione", "Formazione", "Training", []),
        ],
    ),
]

TARGET_GROUPS = [
    ("famiglie-con-figli", "Famiglie con figli", "Families with children"),
    ("bambini", "Bambini", "Children"),
    ("ragazzi", "Ragazzi e adolescenti", "Teenagers"),
    ("giovani", "Giovani", "Young people"),
    ("genitori", "Genitori", "Parents"),
    ("adulti", "Adulti", "Adults"),
    ("anziani", "Anziani", "Elderly people"),
    ("persone-con-disabilita", "Persone con disabilità", "People with disabilities"),
    ("cittadini-stranieri", "Cittadini stranieri", "Foreign citizens"),
    ("persone-in-poverta", "Persone in condizione di povertà", "People in poverty"),
    ("disoccupati", "Persone in cerca di lavoro", "Job seekers"),
    ("donne", "Donne", "Women"),
]

LANGUAGES = [
    ("it", "Italiano", "Italian"),
    ("en", "Inglese", "English"),
    ("fr", "Francese", "French"),
    ("es", "Spagnolo", "Spanish"),
    ("ar", "Arabo", "Arabic"),
    ("ro", "Rumeno", "Romanian"),
    ("sq", "Albanese", "Albanian"),
    ("uk", "Ucraino", "Ukrainian"),
    ("ru", "Russo", "Russian"),
    ("zh", "Cinese", "Chinese"),
    ("bn", "Bengalese", "Bengali"),
    ("ur", "Urdu", "Urdu"),
    ("pt", "Portoghese", "Portuguese"),
    ("tl", "Filippino", "Filipino"),
    ("wo", "Wolof", "Wolof"),
    ("ise", "Lingua dei segni italiana (LIS)", "Italian Sign Language (LIS)"),
]

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def seed(apps, schema_editor):
    Taxonomy = apps.get_model("directory", "Taxonomy")
    Category = apps.get_model("directory", "Category")
    TargetGroup = apps.get_model("directory", "TargetGroup")
    Language = apps.get_model("directory", "Language")
    GeneralInterestArea = apps.get_model("directory", "GeneralInterestArea")

    for t_order, (t_slug, t_name, t_description, roots) in enumerate(TAXONOMIES):
        taxonomy, _ = Taxonomy.objects.get_or_create(
            slug=t_slug,
            defaults={"name": t_name, "description": t_description, "order": t_order},
        )
        for r_order, (slug, name, name_en, children) in enumerate(roots):
            root, _ = Category.objects.get_or_create(
                slug=slug,
                defaults={
                    "taxonomy": taxonomy,
                    "name": name,
                    "name_en": name_en,
                    "order": r_order,
                    "code": str(r_order + 1),
                },
            )
            for c_order, (c_slug, c_name, c_name_en) in enumerate(children):
                Category.objects.get_or_create(
                    slug=c_slug,
                    defaults={
                        "taxonomy": taxonomy,
                        "parent": root,
                        "name": c_name,
                        "name_en": c_name_en,
                        "order": c_order,
                        "code": f"{r_order + 1}.{c_order + 1}",
                    },
                )
    for order, (slug, name, name_en) in enumerate(TARGET_GROUPS):
        TargetGroup.objects.get_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en, "order": order}
        )
    for order, (code, name, name_en) in enumerate(LANGUAGES):
        Language.objects.get_or_create(
            code=code, defaults={"name": name, "name_en": name_en, "order": order}
        )
    for letter in LETTERS:
        GeneralInterestArea.objects.get_or_create(letter=letter)


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
