"""Needs and offers between organizations of the network (signed-in staff only)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from directory.models.organization import Organization
from directory.models.territory import Municipality


class BoardPostQuerySet(models.QuerySet):
    def open(self):
        return self.filter(closed_at__isnull=True)

    def for_list(self):
        return self.select_related("organization", "municipality").annotate(
            answer_count=models.Count("answers")
        )


class BoardPost(models.Model):
    class Kind(models.TextChoices):
        NEED = "need", _("need")
        OFFER = "offer", _("offer")

    class Category(models.TextChoices):
        VOLUNTEERS = "volunteers", _("volunteers")
        SPACES = "spaces", _("spaces")
        EQUIPMENT = "equipment", _("equipment")
        SKILLS = "skills", _("skills")
        PARTNERS = "partners", _("partners for a project")
        OTHER = "other", _("other")

    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="board_posts",
        verbose_name=_("organization"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("author"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    category = models.CharField(_("category"), max_length=20, choices=Category)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )
    created_at = models.DateTimeField(_("posted at"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    objects = BoardPostQuerySet.as_manager()

    class Meta:
        verbose_name = _("needs and offers post")
        verbose_name_plural = _("needs and offers posts")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title

    @property
    def is_open(self):
        return self.closed_at is None


class BoardAnswer(models.Model):
    post = models.ForeignKey(
        BoardPost, on_delete=models.CASCADE, related_name="answers", verbose_name=_("post")
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="board_answers",
        verbose_name=_("organization"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("author"),
    )
    message = models.TextField(_("message"))
    created_at = models.DateTimeField(_("answered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.organization} → {self.post}"
