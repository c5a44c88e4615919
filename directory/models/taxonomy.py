"""Classifications of the directory: categories of need, target groups, languages, art. 5 areas.

Names editable by coordinators are stored in Italian with an English version and the other
interface languages' in ``translations`` (``taxonomy_names``); the interface shows the one of
the active language (``display_name``), else the English, else the Italian.

A category's ``name`` is the programme's name, which funders and coordinators use (Seminare
futuro, Generatività sociale…): the admin and the monitoring keep it. Families read its
**family-facing** label and short description instead ("Doposcuola e aiuto compiti", "Cibo e
spesa"), when set: ``public_name`` and ``public_description``, which every public page shows;
and the ages it is for narrow the home page's finder (``suits``).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from directory.models.identifiers import public_identifier
from directory.models.taxonomy_names import TranslatedNamesMixin


class Taxonomy(models.Model):
    """A named scheme of categories (HSDS ``taxonomy``): areas of intervention, desk topics…"""

    uuid = public_identifier()
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("taxonomy")
        verbose_name_plural = _("taxonomies")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class CategoryQuerySet(models.QuerySet):
    def roots(self):
        return self.filter(parent__isnull=True)

    def with_descendants(self, category):
        """The category and, for a first-level one, its children (the tree has two levels)."""
        return self.filter(models.Q(pk=category.pk) | models.Q(parent_id=category.pk))


class Category(TranslatedNamesMixin):
    """A term of a taxonomy (HSDS ``taxonomy_term``), at most two levels deep."""

    uuid = public_identifier()
    taxonomy = models.ForeignKey(
        Taxonomy, on_delete=models.PROTECT, related_name="categories", verbose_name=_("taxonomy")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent category"),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_("Used in links and filters: do not change it once published."),
    )
    code = models.CharField(_("code"), max_length=20, blank=True)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    family_name = models.CharField(
        _("name for families (Italian)"),
        max_length=120,
        blank=True,
        help_text=_(
            "What families read on the public pages, in everyday words (e.g. “Doposcuola e "
            "aiuto compiti”); empty: the name above."
        ),
    )
    family_name_en = models.CharField(_("name for families (English)"), max_length=120, blank=True)
    family_description = models.CharField(
        _("short description for families (Italian)"),
        max_length=300,
        blank=True,
        help_text=_("One sentence saying what families find here."),
    )
    family_description_en = models.CharField(
        _("short description for families (English)"), max_length=300, blank=True
    )
    min_age = models.PositiveSmallIntegerField(
        _("for ages from"),
        null=True,
        blank=True,
        help_text=_("The home page's finder offers it only for these ages; empty: any age."),
    )
    max_age = models.PositiveSmallIntegerField(_("for ages up to"), null=True, blank=True)

    objects = CategoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["taxonomy__order", "order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("pk")),
                name="category_not_its_own_parent",
                violation_error_message=_("A category cannot be its own parent."),
            ),
            models.CheckConstraint(
                condition=models.Q(min_age__isnull=True)
                | models.Q(max_age__isnull=True)
                | models.Q(min_age__lte=models.F("max_age")),
                name="category_min_age_not_above_max",
                violation_error_message=_("The minimum age cannot be above the maximum age."),
            ),
        ]

    # The texts ``translations`` holds in the other interface languages.
    translated_fields = ("name", "family_name", "family_description")

    @property
    def public_name(self):
        """The family-facing label in the page's language, else the name (English, then
        Italian, where it has none: ``in_page_language``)."""
        return self.in_page_language("family_name", "name")[0]

    @property
    def public_name_lang(self):
        return self._other(self.in_page_language("family_name", "name")[1])

    @property
    def public_description(self):
        return self.in_page_language("family_description")[0]

    @property
    def public_description_lang(self):
        return self._other(self.in_page_language("family_description")[1])

    def suits(self, minimum, maximum) -> bool:
        """Whether the ages it is for overlap [minimum, maximum] (no ages: any)."""
        return (self.min_age is None or self.min_age <= maximum) and (
            self.max_age is None or self.max_age >= minimum
        )

    def clean(self):
        super().clean()
        if self.min_age is not None and self.max_age is not None and self.min_age > self.max_age:
            raise ValidationError(
                {"max_age": _("The minimum age cannot be above the maximum age.")}
            )
        if self.parent_id is None:
            return
        if self.parent.parent_id is not None:
            raise ValidationError(
                {"parent": _("Categories have two levels: the parent must be a first-level one.")}
            )
        if self.taxonomy_id and self.parent.taxonomy_id != self.taxonomy_id:
            raise ValidationError(
                {"parent": _("The parent category must belong to the same taxonomy.")}
            )
        if self.pk and self.children.exists():
            raise ValidationError(
                {"parent": _("This category has sub-categories, so it must stay first-level.")}
            )


class TargetGroup(TranslatedNamesMixin):
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        ordering = ["order", "name"]


class Language(TranslatedNamesMixin):
    code = models.CharField(
        _("code"), max_length=8, unique=True, help_text=_("ISO 639-1 code, such as it or ar.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["order", "name"]


# Activities of general interest, art. 5 of the Third Sector Code (D.Lgs. 117/2017).
GENERAL_INTEREST_AREAS = {
    "a": _("social interventions and services"),
    "b": _("health care"),
    "c": _("social and health care"),
    "d": _("education, schooling and vocational training"),
    "e": _("environment protection"),
    "f": _("cultural heritage and landscape"),
    "g": _("university and post-graduate education"),
    "h": _("scientific research of social interest"),
    "i": _("cultural, artistic and recreational activities of social interest"),
    "j": _("community radio broadcasting"),
    "k": _("tourism of social, cultural or religious interest"),
    "l": _("out-of-school education against early school leaving and educational poverty"),
    "m": _("services to third-sector bodies"),
    "n": _("development cooperation"),
    "o": _("fair trade"),
    "p": _("job placement of disadvantaged workers"),
    "q": _("social housing"),
    "r": _("humanitarian reception and integration of migrants"),
    "s": _("social farming"),
    "t": _("amateur sport"),
    "u": _("charity, distance support, free distribution of food and goods"),
    "v": _("culture of legality, peace and non-violence"),
    "w": _("human, civil, social and political rights"),
    "x": _("international adoption"),
    "y": _("civil protection"),
    "z": _("reuse of unused public property and assets confiscated from organised crime"),
}


class GeneralInterestArea(models.Model):
    """One of the letters a–z of art. 5 CTS; the names are fixed by law, so they live in code."""

    letter = models.CharField(
        _("letter"), max_length=1, unique=True, choices=list(GENERAL_INTEREST_AREAS.items())
    )

    class Meta:
        verbose_name = _("area of general interest")
        verbose_name_plural = _("areas of general interest")
        ordering = ["letter"]

    def __str__(self):
        return f"{self.letter}) {self.get_letter_display()}"


class AgeBand:
    """The age bands families think in; activities store a minimum and maximum age instead."""

    def __init__(self, slug, label, minimum, maximum):
        self.slug, self.label, self.minimum, self.maximum = slug, label, minimum, maximum

    def __str__(self):
        return str(self.label)


AGE_BANDS = [
    AgeBand("0-3", _("0–3 years"), 0, 3),
    AgeBand("3-6", _("3–6 years"), 3, 6),
    AgeBand("6-11", _("6–11 years"), 6, 11),
    AgeBand("11-14", _("11–14 years"), 11, 14),
    AgeBand("14-18", _("14–18 years"), 14, 18),
    AgeBand("adulti", _("adults"), 18, 64),
    AgeBand("anziani", _("elderly"), 65, 120),
]
AGE_BANDS_BY_SLUG = {band.slug: band for band in AGE_BANDS}
