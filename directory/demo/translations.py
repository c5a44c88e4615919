"""Translations of a few demo activities' texts (``ActivityTranslation``), by the activity's
kind (``activities.KINDS``): every activity of that kind gets them. Open an activity of these
kinds on /en/, /ar/ or /uk/ to see a listing in the family's language; the others show the
Italian, marked as such."""

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
}
