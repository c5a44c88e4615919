from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from directory.models.activity import Activity


class SearchRefreshQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(finished_at__isnull=True)

    def stalled(self, *, before):
        """Unfinished, and no batch done since ``before`` (nor requested since, if none was)."""
        return self.pending().filter(
            Q(heartbeat_at__lt=before) | Q(heartbeat_at__isnull=True, created_at__lt=before)
        )


class SearchRefresh(models.Model):
    """The search documents of a set of activities, to be recomputed in the background.

    Made by the admin when a change (a category renamed, a zone's municipalities edited, a
    place or an organization changed) touches more activities than it can refresh within the
    request; ``directory.tasks.refresh_search`` does it in batches. The set is described (a
    scope and the ids it names), not listed, so a refresh of 232,000 activities is one small
    row; ``last_activity_id`` is how far it got, so a refresh that failed resumes there, and
    ``heartbeat_at`` when it last got further, so one whose worker died is seen and resumed.
    Holds no personal data; finished rows go after a while (``directory/retention.py``).
    """

    class Scope(models.TextChoices):
        CATEGORY = "category", _("activities in a category or its subcategories")
        MUNICIPALITIES = "municipalities", _("activities in some municipalities")
        LOCATION = "location", _("activities at a place")
        ORGANIZATION = "organization", _("activities of an organization")
        ACTIVITIES = "activities", _("some activities")

    scope = models.CharField(_("scope"), max_length=20, choices=Scope.choices)
    # The primary keys the scope names: one category, location or organization, or the
    # municipalities that joined or left a zone (the zone itself may be deleted).
    object_ids = models.JSONField(_("ids"), default=list)
    label = models.CharField(_("what changed"), max_length=200)
    # Counted by the worker, not in the request: None until it starts.
    total = models.PositiveIntegerField(_("activities to refresh"), null=True, blank=True)
    done = models.PositiveIntegerField(_("activities refreshed"), default=0)
    last_activity_id = models.PositiveBigIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("last progress at"), null=True, blank=True)

    objects = SearchRefreshQuerySet.as_manager()

    class Meta:
        verbose_name = _("search refresh")
        verbose_name_plural = _("search refreshes")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["finished_at"], name="searchrefresh_finished_idx")]

    def __str__(self):
        return self.label

    def activities(self):
        """The activities of the set, each once, as they are now."""
        return Activity.objects.filter(self.scope_filter(self.scope, self.object_ids))

    @classmethod
    def scope_filter(cls, scope: str, object_ids: list[int]) -> Q:
        match scope:
            case cls.Scope.CATEGORY:
                # Categories are two levels deep: a root's activities are also its children's.
                return Q(
                    pk__in=Activity.objects.filter(
                        Q(categories__in=object_ids) | Q(categories__parent__in=object_ids)
                    ).values("pk")
                )
            case cls.Scope.MUNICIPALITIES:
                return Q(
                    pk__in=Activity.objects.filter(locations__municipality__in=object_ids).values(
                        "pk"
                    )
                )
            case cls.Scope.LOCATION:
                return Q(pk__in=Activity.objects.filter(locations__in=object_ids).values("pk"))
            case cls.Scope.ORGANIZATION:
                return Q(organization__in=object_ids)
            case cls.Scope.ACTIVITIES:
                return Q(pk__in=object_ids)
        raise ValueError(f"unknown scope {scope!r}")
