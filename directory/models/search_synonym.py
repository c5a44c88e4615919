from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from directory.models.taxonomy import Category


class SearchSynonym(models.Model):
    """A word or phrase families type, and what it means in the directory's words and
    categories: the search's thesaurus (``directory.search.thesaurus``), applied when a search
    runs, so a change needs no reindexing.

    ``shipped``: what the starter list (``directory.search.starter_synonyms``) last wrote in
    this row, or None for a row a coordinator added; loading a newer starter list updates only
    the rows that still hold what it wrote, so coordinators' edits are kept.
    """

    class Language(models.TextChoices):
        ITALIAN = "it", _("Italian")
        ENGLISH = "en", _("English")

    phrase = models.CharField(
        _("word or phrase families use"),
        max_length=100,
        help_text=_(
            "As people type it: “compiti”, “permesso di soggiorno”, “after school”. Case, "
            "accents and punctuation do not matter. A search containing it also finds what "
            "the words and categories below find."
        ),
    )
    language = models.CharField(
        _("language"), max_length=2, choices=Language, default=Language.ITALIAN
    )
    words = ArrayField(
        models.CharField(max_length=100),
        blank=True,
        default=list,
        verbose_name=_("words of the listings"),
        help_text=_(
            "Comma-separated words or phrases the listings use, e.g. “doposcuola, aiuto "
            "compiti”. Each one is an alternative; a phrase finds the activities holding all "
            "its words."
        ),
    )
    categories = models.ManyToManyField(
        Category,
        blank=True,
        related_name="+",
        verbose_name=_("categories"),
        help_text=_("The search also finds the activities of these categories."),
    )
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Untick to stop using it without deleting it."),
    )
    shipped = models.JSONField(_("as shipped"), null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")
        ordering = ["language", "phrase"]
        constraints = [
            models.UniqueConstraint(
                Lower("phrase"),
                "language",
                name="search_synonym_unique_phrase",
                violation_error_message=_("This word or phrase is already in the thesaurus."),
            ),
        ]

    def __str__(self):
        return self.phrase

    def clean(self):
        super().clean()
        self.phrase = " ".join(self.phrase.split())
        self.words = [" ".join(w.split()) for w in self.words if w.strip()]

    @property
    def is_shipped(self) -> bool:
        return self.shipped is not None
