"""Translations of a few demo activities' texts (``ActivityTranslation``), by the activity's
kind (``activities.KINDS``): every activity of that kind gets them. Open an activity of these
kinds on /en/, /ar/ or /uk/ to see a listing in the family's language; the others show the
Italian, marked as such. The primary after-school club, the food parcels, the Italian course
for mothers, the football school and the housing desk are in every interface language:
``bench/search_quality.py`` measures the search in each on them."""

ACTIVITY_TRANSLATIONS = {
    "doposcuola-primaria": {
        "en": {
            "title": "After-school club for primary school",
            "summary": "Homework and games after school for primary school children.",
            "description": (
                "After a snack the children do their homework in small groups with educators "
                "and volunteers, then play in the courtyard. Teachers can point out the "
                "children who need help most."
            ),
            "access_description": "Enrolment in September, with a talk with the family.",
        },
        "ar": {
            "title": "نادي ما بعد المدرسة لتلاميذ المرحلة الابتدائية",
            "summary": "واجبات مدرسية وألعاب بعد المدرسة لأطفال المرحلة الابتدائية.",
            "description": (
                "بعد الوجبة الخفيفة يقوم الأطفال بواجباتهم في مجموعات صغيرة مع مربين ومتطوعين، "
                "ثم يلعبون في الساحة."
            ),
        },
        "uk": {
            "title": "Група продовженого дня для молодшої школи",
            "summary": "Домашні завдання та ігри після школи для учнів початкових класів.",
        },
        "es": {
            "title": "Refuerzo escolar para primaria",
            "summary": "Deberes y juegos después de la escuela para niños de primaria.",
        },
        "fr": {
            "title": "Aide aux devoirs pour l'école primaire",
            "summary": "Devoirs et jeux après l'école pour les enfants du primaire.",
        },
        "ro": {
            "title": "Program after-school pentru școala primară",
            "summary": "Teme și jocuri după școală pentru copiii din ciclul primar.",
        },
        "sq": {
            "title": "Passhkollë për shkollën fillore",
            "summary": "Detyra shtëpie dhe lojëra pas shkollës për fëmijët e shkollës fillore.",
        },
        "zh-hans": {
            "title": "小学课后托管班",
            "summary": "为小学生提供课后作业辅导和游戏。",
        },
    },
    "doposcuola-medie": {
        "en": {
            "title": "After-school club for middle school",
            "summary": "Help with homework and study skills for middle school pupils.",
            "description": (
                "A quiet place to study after lunch, with educators who help organise homework "
                "and prepare for tests. Pupils also work on study skills and, if they wish, on "
                "Italian as a second language."
            ),
        },
        "ar": {
            "title": "نادي ما بعد المدرسة لتلاميذ المرحلة المتوسطة",
            "summary": "مساعدة في الواجبات المدرسية وطريقة الدراسة لتلاميذ المرحلة المتوسطة.",
        },
    },
    "sostegno-dsa": {
        "uk": {
            "title": "Підтримка навчання для дітей з труднощами навчання (DSA)",
            "summary": "Спеціалізовані тьютори та допоміжні інструменти при дислексії.",
        },
    },
    "pacchi-alimentari": {
        "en": {
            "title": "Food parcels",
            "summary": "Parcels with pasta, milk, tinned food and fresh produce every two weeks.",
        },
        "ar": {
            "title": "توزيع سلال غذائية",
            "summary": "سلال فيها معكرونة وحليب ومعلبات ومنتجات طازجة كل أسبوعين.",
        },
        "uk": {
            "title": "Видача продуктових наборів",
            "summary": (
                "Набори з макаронами, молоком, консервами та свіжими продуктами кожні два тижні."
            ),
        },
        "es": {
            "title": "Reparto de paquetes de alimentos",
            "summary": "Paquetes con pasta, leche, conservas y productos frescos cada dos semanas.",
        },
        "fr": {
            "title": "Distribution de colis alimentaires",
            "summary": (
                "Des colis avec des pâtes, du lait, des "
                "conserves et des produits frais toutes les deux semaines."
            ),
        },
        "ro": {
            "title": "Distribuire de pachete alimentare",
            "summary": (
                "Pachete cu paste, lapte, conserve și produse proaspete la fiecare două săptămâni."
            ),
        },
        "sq": {
            "title": "Shpërndarje e pakove ushqimore",
            "summary": "Pako me makarona, qumësht, konserva dhe produkte të freskëta çdo dy javë.",
        },
        "zh-hans": {
            "title": "食品包发放",
            "summary": "每两周发放一次食品包，有面食、牛奶、罐头和新鲜食品。",
        },
    },
    "italiano-mamme": {
        "en": {
            "title": "Italian for mothers, with a play area",
            "summary": "Italian course in the morning while the little ones play with educators.",
        },
        "ar": {
            "title": "اللغة الإيطالية للأمهات، مع مساحة للأطفال",
            "summary": "دورة لغة إيطالية صباحية بينما يلعب الأطفال الصغار مع المربيات.",
        },
        "uk": {
            "title": "Італійська для мам, з дитячим куточком",
            "summary": "Курс італійської мови вранці, поки малюки граються з вихователями.",
        },
        "es": {
            "title": "Italiano para madres, con espacio infantil",
            "summary": (
                "Curso de italiano por la mañana mientras los pequeños juegan con educadoras."
            ),
        },
        "fr": {
            "title": "Italien pour les mamans, avec espace enfants",
            "summary": (
                "Cours d'italien le matin pendant que les petits jouent avec des éducatrices."
            ),
        },
        "ro": {
            "title": "Italiană pentru mame, cu spațiu pentru copii",
            "summary": (
                "Curs de limba italiană dimineața, cât timp cei mici se joacă cu educatoarele."
            ),
        },
        "sq": {
            "title": "Italisht për nënat, me kënd për fëmijët",
            "summary": "Kurs i gjuhës italiane në mëngjes, ndërsa të vegjlit luajnë me edukatoret.",
        },
        "zh-hans": {
            "title": "妈妈意大利语班，附设儿童游戏区",
            "summary": "上午的意大利语课程，孩子们由保育员陪着玩耍。",
        },
    },
    "calcio-under-10": {
        "en": {
            "title": "Football for under-10s",
            "summary": "Football school for children aged 6 to 10, no trials.",
        },
        "ar": {
            "title": "كرة القدم لأقل من 10 سنوات",
            "summary": "مدرسة كرة قدم للأطفال من 6 إلى 10 سنوات، بدون اختبارات.",
        },
        "uk": {
            "title": "Футбол до 10 років",
            "summary": "Футбольна школа для дітей від 6 до 10 років, без відбору.",
        },
        "es": {
            "title": "Fútbol para menores de 10 años",
            "summary": "Escuela de fútbol para niños de 6 a 10 años, sin pruebas.",
        },
        "fr": {
            "title": "Football pour les moins de 10 ans",
            "summary": "École de football pour les enfants de 6 à 10 ans, sans sélection.",
        },
        "ro": {
            "title": "Fotbal pentru copii sub 10 ani",
            "summary": "Școală de fotbal pentru copii între 6 și 10 ani, fără selecție.",
        },
        "sq": {
            "title": "Futboll për fëmijë nën 10 vjeç",
            "summary": "Shkollë futbolli për fëmijë nga 6 deri në 10 vjeç, pa përzgjedhje.",
        },
        "zh-hans": {
            "title": "十岁以下儿童足球",
            "summary": "为6至10岁儿童开设的足球学校，无需选拔。",
        },
    },
    "sportello-casa": {
        "en": {
            "title": "Housing desk",
            "summary": "Calls for council housing, rent support and help finding a home.",
        },
        "ar": {
            "title": "مكتب السكن",
            "summary": "طلبات السكن الشعبي ودعم الإيجار والمساعدة في إيجاد منزل.",
        },
        "uk": {
            "title": "Житлова консультація",
            "summary": "Конкурси на соціальне житло, допомога з орендою та пошук житла.",
        },
        "es": {
            "title": "Oficina de vivienda",
            "summary": (
                "Convocatorias de vivienda social, ayudas para el alquiler y búsqueda de casa."
            ),
        },
        "fr": {
            "title": "Guichet logement",
            "summary": "Demandes de logement social, aides au loyer et recherche d'un logement.",
        },
        "ro": {
            "title": "Birou pentru locuințe",
            "summary": (
                "Concursuri pentru locuințe sociale, ajutor la chirie și căutarea unei case."
            ),
        },
        "sq": {
            "title": "Zyra e strehimit",
            "summary": "Thirrje për banesa sociale, ndihmë për qiranë dhe kërkim shtëpie.",
        },
        "zh-hans": {
            "title": "住房服务窗口",
            "summary": "申请公共住房、房租补贴和帮助寻找住房。",
        },
    },
}


# Every demo desk's texts (they share the same Italian), in English and Arabic: open a desk on
# /en/sportelli/ or /ar/sportelli/ (sportelli/management/commands/seed_desks.py). The
# "interpreting" text is given only to the desks that have one.
DESK_TRANSLATIONS = {
    "en": {
        "description": (
            "A free proximity desk: guidance to services, help with online procedures, "
            "information on jobs and opportunities in the area."
        ),
        "interpreting": (
            "For other languages, on request when you book: a cultural mediator of the SpOON "
            "network or an interpreter by phone."
        ),
    },
    "ar": {
        "description": (
            "مكتب قُرب مجاني: توجيه إلى الخدمات، ومساعدة في المعاملات عبر الإنترنت، "
            "ومعلومات عن العمل والفرص في المنطقة."
        ),
        "interpreting": (
            "للغات الأخرى، عند الطلب وقت الحجز: وسيطة ثقافية من شبكة SpOON أو مترجم عبر الهاتف."
        ),
    },
}

# The after-school volunteering calls (directory/management/commands/seed_association_area.py),
# in English and Arabic; ``{organization}`` is the organization's name.
CALL_TRANSLATIONS = {
    "en": {
        "title": "Volunteers for the after-school club – {organization}",
        "description": "Help the children with their homework, together with the educators.",
        "time_commitment": "Two afternoons a week",
    },
    "ar": {
        "title": "متطوعون لنادي ما بعد المدرسة – {organization}",
        "description": "ساعد الأطفال في واجباتهم المدرسية، مع المربّين.",
        "time_commitment": "عصران في الأسبوع",
    },
}
