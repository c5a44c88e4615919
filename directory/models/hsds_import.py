"""The taxonomy terms an HSDS import met and Linkrete does not know, waiting for a coordinator."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from directory.models.taxonomy import Category


class ImportedTermQuerySet(models.QuerySet):
    def waiting(self):
        return self.filter(category__isnull=True, ignored=False)


class ImportedTerm(models.Model):
    """A ``taxonomy_term`` of another directory (``import_hsds``): a coordinator maps it to one
    of the networks' categories, or ignores it. Services classified by it get the category at
    the next import of the file; until then the term classifies nothing."""

    term_id = models.CharField(_("identifier in the imported file"), max_length=250, unique=True)
    taxonomy = models.CharField(_("taxonomy"), max_length=250, blank=True)
    code = models.CharField(_("code"), max_length=250, blank=True)
    name = models.CharField(_("name"), max_length=250)
    category = models.ForeignKey(
        Category,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="imported_terms",
        verbose_name=_("Linkrete category"),
        help_text=_("The category services classified by this term get at the next import."),
    )
    ignored = models.BooleanField(
        _("ignored"), default=False, help_text=_("Not a classification the networks use.")
    )
    services = models.PositiveIntegerField(
        _("services classified"), default=0, help_text=_("In the last import that met it.")
    )
    first_seen = models.DateTimeField(_("first met on"), auto_now_add=True)
    last_seen = models.DateTimeField(_("last met on"), auto_now=True)

    objects = ImportedTermQuerySet.as_manager()

    class Meta:
        verbose_name = _("imported term to map")
        verbose_name_plural = _("imported terms to map")
        ordering = ["taxonomy", "name"]

    def __str__(self):
        return f"{self.taxonomy}: {self.name}" if self.taxonomy else self.name
