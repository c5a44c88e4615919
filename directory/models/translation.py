"""Listings' public texts in the other interface languages, one row per record and language.

The Italian stays where it is written (``Activity.title``…): the search documents, the
indexes, the HSDS export and every writer keep reading and writing those columns. A
translation is a row beside them, added by the organization's staff through a revision
(``directory/staff/revision_kinds.py``) and read by the public pages through one LEFT JOIN on
(record, language), never a query per card (``directory/translations.py``). An empty field of
a translation leaves that field in Italian.
"""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from directory.models.activity import Activity
from directory.models.organization import Organization
from directory.models.volunteering_call import VolunteeringCall

# The interface languages a listing can be translated into: all but the listings' own.
TRANSLATION_LANGUAGES = tuple(
    (code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE
)


class Translation(models.Model):
    language = models.CharField(_("language"), max_length=10, choices=TRANSLATION_LANGUAGES)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    # The texts a translation holds, in the order the form and the review show them.
    text_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def is_empty(self) -> bool:
        return not any(getattr(self, name).strip() for name in self.text_fields)


class ActivityTranslation(Translation):
    activity = models.ForeignKey(
        Activity,
        on_delete=models.CASCADE,
        related_name="translations",
        verbose_name=_("activity"),
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    eligibility = models.TextField(_("who can take part"), blank=True)
    access_description = models.TextField(_("how to access, in detail"), blank=True)
    required_documents = models.TextField(_("what you need"), blank=True)
    fee_description = models.TextField(_("cost"), blank=True)
    # Its title (weight A) and texts (B) in its language's text search configuration
    # (``directory.search.languages``), kept by ``directory.search.documents`` with the activity's
    # document: the search on a page in that language looks the query up here too.
    search_vector = SearchVectorField(null=True, editable=False)

    text_fields = (
        "title",
        "summary",
        "description",
        "eligibility",
        "access_description",
        "required_documents",
        "fee_description",
    )

    class Meta:
        verbose_name = _("translation of an activity")
        verbose_name_plural = _("translations of activities")
        ordering = ["activity", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "language"], name="activity_translation_unique"
            ),
        ]
        indexes = [GinIndex(fields=["search_vector"], name="activity_translation_search")]

    def __str__(self):
        return f"{self.activity} [{self.language}]"


class OrganizationTranslation(Translation):
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="translations",
        verbose_name=_("organization"),
    )
    description = models.TextField(_("description"), blank=True)
    social_utility = models.TextField(_("social utility"), blank=True)
    # Its texts in its language's text search configuration: the search on a page in that
    # language finds the organization by them (``directory.search.organization_translations``).
    search_vector = SearchVectorField(null=True, editable=False)

    text_fields = ("description", "social_utility")

    class Meta:
        verbose_name = _("translation of an organization's profile")
        verbose_name_plural = _("translations of organizations' profiles")
        ordering = ["organization", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "language"], name="organization_translation_unique"
            ),
        ]
        indexes = [GinIndex(fields=["search_vector"], name="org_translation_search")]

    def __str__(self):
        return f"{self.organization} [{self.language}]"


class VolunteeringCallTranslation(Translation):
    """A volunteering call's public texts in one language; the applications stay untouched."""

    call = models.ForeignKey(
        VolunteeringCall,
        on_delete=models.CASCADE,
        related_name="translations",
        verbose_name=_("volunteering call"),
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    description = models.TextField(_("what you would do"), blank=True)
    time_commitment = models.CharField(_("time commitment"), max_length=200, blank=True)

    text_fields = ("title", "description", "time_commitment")

    class Meta:
        verbose_name = _("translation of a volunteering call")
        verbose_name_plural = _("translations of volunteering calls")
        ordering = ["call", "language"]
        constraints = [
            models.UniqueConstraint(fields=["call", "language"], name="call_translation_unique"),
        ]

    def __str__(self):
        return f"{self.call} [{self.language}]"
