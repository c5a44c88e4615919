"""Organizations that may be the same body twice, and the merges that made two into one."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from directory.models.organization import Organization, PublicationStatus


class DuplicateCandidateQuerySet(models.QuerySet):
    def open(self):
        return self.filter(dismissed_at__isnull=True)

    def for_list(self):
        return self.select_related("first", "second")


class DuplicateCandidate(models.Model):
    """Two organizations that look like one body, found by ``manage.py find_duplicates``.

    The pair is stored once, the lower primary key first. A coordinator either merges the two
    or dismisses the pair ("not a duplicate"): a dismissed pair stays, so the next search does
    not list it again. Holds no personal data.
    """

    class Reason(models.TextChoices):
        # In order of strength: a pair found for several reasons keeps the first.
        TAX_CODE = "tax_code", _("same tax code")
        RUNTS_NUMBER = "runts_number", _("same RUNTS number")
        NAME = "name", _("similar name in the same municipality")

    first = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="duplicate_candidates_as_first",
        verbose_name=_("organization"),
    )
    second = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="duplicate_candidates_as_second",
        verbose_name=_("possible duplicate"),
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason)
    score = models.FloatField(
        _("similarity"), help_text=_("1 for the same code; name similarity from 0 to 1.")
    )
    found_at = models.DateTimeField(_("found on"))
    dismissed_at = models.DateTimeField(_("dismissed on"), null=True, blank=True)
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dismissed by"),
    )

    objects = DuplicateCandidateQuerySet.as_manager()

    class Meta:
        verbose_name = _("possible duplicate")
        verbose_name_plural = _("possible duplicates")
        ordering = ["reason", "-score", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="duplicate_pair_once"),
            models.CheckConstraint(
                condition=Q(first__lt=models.F("second")), name="duplicate_pair_ordered"
            ),
        ]
        indexes = [
            models.Index(
                fields=["reason", "-score", "id"],
                condition=Q(dismissed_at__isnull=True),
                name="duplicate_open_idx",
            ),
            models.Index(fields=["second"], name="duplicate_second_idx"),
        ]

    def __str__(self):
        return f"{self.first} – {self.second}"


class OrganizationMerge(models.Model):
    """One merge: who merged which organization into which, and what moved.

    The merged organization is gone; its name, codes and slug are copied here, and its public
    address redirects to the surviving one (``old_slug``). When the survivor is merged in turn,
    this row follows it like any other relation, so old addresses keep leading somewhere.
    """

    survivor = models.ForeignKey(
        Organization,
        on_delete=models.SET_NULL,
        null=True,
        related_name="merges",
        verbose_name=_("surviving organization"),
    )
    survivor_name = models.CharField(_("name of the surviving organization"), max_length=200)
    survivor_tax_code = models.CharField(
        _("tax code of the surviving organization"), max_length=16, blank=True
    )
    survivor_runts_number = models.CharField(
        _("RUNTS number of the surviving organization"), max_length=30, blank=True
    )
    merged_id = models.PositiveBigIntegerField(_("id of the merged organization"))
    merged_name = models.CharField(_("name of the merged organization"), max_length=200)
    merged_tax_code = models.CharField(
        _("tax code of the merged organization"), max_length=16, blank=True
    )
    merged_runts_number = models.CharField(
        _("RUNTS number of the merged organization"), max_length=30, blank=True
    )
    old_slug = models.SlugField(_("old address"), max_length=200, db_index=True)
    moved = models.JSONField(_("records moved"), default=dict)
    values_taken = models.JSONField(
        _("values taken from the merged organization"), default=list, blank=True
    )
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("merged by"),
    )
    merged_at = models.DateTimeField(_("merged on"), auto_now_add=True)

    class Meta:
        verbose_name = _("organization merge")
        verbose_name_plural = _("organization merges")
        ordering = ["-merged_at", "-pk"]

    def __str__(self):
        return _("%(merged)s into %(survivor)s") % {
            "merged": self.merged_name,
            "survivor": self.survivor_name,
        }

    @classmethod
    def survivor_of(cls, old_slug: str):
        """The published organization an old address now leads to, if any."""
        merge = (
            cls.objects.filter(old_slug=old_slug, survivor__status=PublicationStatus.PUBLISHED)
            .select_related("survivor")
            .order_by("-merged_at", "-pk")
            .first()
        )
        return merge.survivor if merge else None
