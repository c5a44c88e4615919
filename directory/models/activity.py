import uuid

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models.age_range import AgeRange
from directory.models.organization import (
    Location,
    Organization,
    PublicationStatus,
    of_published_organization,
)
from directory.models.taxonomy import Category, Language, TargetGroup


def age_condition(years):
    return age_range_condition(years, years)


def age_range_condition(minimum, maximum):
    """The age range overlaps [minimum, maximum] (an empty bound means no limit)."""
    return (models.Q(min_age__isnull=True) | models.Q(min_age__lte=maximum)) & (
        models.Q(max_age__isnull=True) | models.Q(max_age__gte=minimum)
    )


class ActivityQuerySet(models.QuerySet):
    def public(self):
        """What families may see: published activities of published organizations (tested
        as "not one of the few unpublished ones", ``of_published_organization``: a search
        reading activities in their table's order is not driven by a join with the 150,000
        organizations)."""
        return self.filter(publication_status=PublicationStatus.PUBLISHED).filter(
            of_published_organization()
        )

    def current(self, on=None):
        """Not ended and within their validity period on the given date (today by default)."""
        day = on or timezone.localdate()
        return self.exclude(status=Activity.Status.ENDED).filter(
            models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=day),
            models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=day),
        )

    def not_ended(self, on=None):
        """What families can still take part in on the given date (today by default): not
        ended, and within their validity period or starting later (an upcoming activity is
        found, with a badge saying when it starts; ``current`` leaves it out)."""
        day = on or timezone.localdate()
        return self.exclude(status=Activity.Status.ENDED).filter(
            models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=day)
        )

    def for_age(self, years):
        return self.filter(age_condition(years))

    def for_age_range(self, minimum, maximum):
        """Activities whose age range overlaps [minimum, maximum]."""
        return self.filter(age_range_condition(minimum, maximum))

    def for_list(self):
        """What a result card shows of the activity and its organization, its texts in the
        page's language where translated; the rows of its places and hours come after, for the
        whole page at once (``directory.card_rows``, called by ``cards.with_card_details``)."""
        from directory import translations

        # A card shows none of the long texts: leave them (and the search document) in the
        # database, a results page reads 20 narrow rows instead of 20 wide ones.
        return (
            translations.with_translation(self, translations.ACTIVITY_CARD_FIELDS)
            .defer(
                "description",
                "search_text",
                "search_vector",
                "search_tags",
                "organization__description",
                "organization__social_utility",
            )
            .select_related("organization")
        )

    def for_detail(self):
        """Everything the activity page shows, in a fixed number of queries; its texts and its
        organization's in the page's language where translated (``directory.translations``)."""
        from directory import translations

        texts = translations.with_translation(self, translations.ACTIVITY_PAGE_FIELDS)
        texts = translations.with_translation(
            texts, translations.ORGANIZATION_FIELDS, "organization__translations", "org_"
        )
        return texts.select_related("organization").prefetch_related(
            "categories",
            "target_groups",
            "languages",
            models.Prefetch(
                "locations",
                queryset=Location.objects.select_related("municipality").order_by("name"),
            ),
            "opening_slots",
            "schedule_exceptions",
        )


class Activity(AgeRange):
    """An activity or service an organization offers (HSDS ``service``)."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        TEMPORARILY_CLOSED = "temporarily_closed", _("temporarily closed")
        ENDED = "ended", _("ended")

    class Access(models.TextChoices):
        OPEN = "open", _("open access, just come")
        BOOKING = "booking", _("by booking")
        REFERRAL = "referral", _("by referral of a service")

    uuid = models.UUIDField(_("public identifier"), default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="activities",
        verbose_name=_("organization"),
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    summary = models.CharField(
        _("summary"), max_length=300, blank=True, help_text=_("One sentence shown in results.")
    )
    description = models.TextField(_("description"))
    categories = models.ManyToManyField(
        Category, related_name="activities", verbose_name=_("categories")
    )
    target_groups = models.ManyToManyField(
        TargetGroup, blank=True, related_name="activities", verbose_name=_("for whom")
    )
    languages = models.ManyToManyField(
        Language, blank=True, related_name="activities", verbose_name=_("languages spoken")
    )
    is_free = models.BooleanField(_("free of charge"), default=True)
    fee_description = models.TextField(
        _("cost"), blank=True, help_text=_("Fees, reductions and how to pay, when not free.")
    )
    access = models.CharField(
        _("how to access"), max_length=20, choices=Access, default=Access.OPEN
    )
    access_description = models.TextField(_("how to access, in detail"), blank=True)
    eligibility = models.TextField(_("who can take part"), blank=True)
    required_documents = models.TextField(
        _("what you need"), blank=True, help_text=_("Documents to bring, one per line.")
    )
    capacity = models.PositiveIntegerField(_("places available"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.ACTIVE)
    alert = models.CharField(
        _("public notice"),
        max_length=300,
        blank=True,
        help_text=_("Shown prominently, e.g. why the activity is closed and until when."),
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid until"), null=True, blank=True)
    enrolment_opens = models.DateField(
        _("enrolment opens on"),
        null=True,
        blank=True,
        help_text=_("When families can start to enrol; empty if there is no enrolment period."),
    )
    enrolment_closes = models.DateField(
        _("enrolment closes on"),
        null=True,
        blank=True,
        help_text=_("The last day to enrol; empty if enrolment stays open."),
    )
    locations = models.ManyToManyField(
        Location, blank=True, related_name="activities", verbose_name=_("locations")
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("web page"), blank=True)
    photo = models.ImageField(_("photo"), upload_to="activities/", blank=True)
    publication_status = models.CharField(
        _("publication status"),
        max_length=20,
        choices=PublicationStatus,
        default=PublicationStatus.PUBLISHED,
    )
    last_verified = models.DateField(_("information last verified on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Kept up to date by directory.search (refresh_search_document, rebuild_search_index).
    search_text = models.TextField(_("search text"), blank=True, default="", editable=False)
    search_vector = SearchVectorField(_("search vector"), null=True, editable=False)
    # What the search filters look up, see directory.search.tags.
    search_tags = ArrayField(
        models.IntegerField(),
        verbose_name=_("search tags"),
        null=True,
        blank=True,
        editable=False,
    )

    objects = ActivityQuerySet.as_manager()

    class Meta(AgeRange.Meta):
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["title"]
        constraints = [
            *AgeRange.Meta.constraints,
            models.CheckConstraint(
                condition=models.Q(valid_from__isnull=True)
                | models.Q(valid_to__isnull=True)
                | models.Q(valid_from__lte=models.F("valid_to")),
                name="activity_validity_in_order",
                violation_error_message=_("The validity period must end after it starts."),
            ),
            models.CheckConstraint(
                condition=models.Q(enrolment_opens__isnull=True)
                | models.Q(enrolment_closes__isnull=True)
                | models.Q(enrolment_opens__lte=models.F("enrolment_closes")),
                name="activity_enrolment_in_order",
                violation_error_message=_("Enrolment must close on or after the day it opens."),
            ),
            models.CheckConstraint(
                condition=models.Q(is_free=True) | ~models.Q(fee_description=""),
                name="activity_fee_described",
                violation_error_message=_("Describe the cost of an activity that is not free."),
            ),
        ]
        # No index on the ages: an age is checked on the rows the other filters find, or while
        # reading the table until a page is full. With one, PostgreSQL ORed two scans of it
        # ("no minimum or at most 8") into every search with an age, reading half the rows.
        indexes = [
            # Results sorted by name (the default without words or a position) walk this index
            # and stop after a page, instead of sorting every match.
            models.Index(fields=["title", "id"], name="activity_title_idx"),
            # The few not published: the HSDA API's pairs list leaves them out as one hashed
            # set (``directory.hsds.api.lists.listed_pairs``) when it keeps its deep pages' keys.
            models.Index(
                fields=["id"],
                condition=~models.Q(publication_status="published"),
                name="activity_unpublished_idx",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("directory:activity_detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        errors = self.age_errors()
        if self.valid_from and self.valid_to and self.valid_from > self.valid_to:
            errors["valid_to"] = _("The validity period must end after it starts.")
        if (
            self.enrolment_opens
            and self.enrolment_closes
            and self.enrolment_opens > self.enrolment_closes
        ):
            errors["enrolment_closes"] = _("Enrolment must close on or after the day it opens.")
        if not self.is_free and not self.fee_description.strip():
            errors["fee_description"] = _("Describe the cost of an activity that is not free.")
        if self.status == self.Status.TEMPORARILY_CLOSED and not self.alert.strip():
            errors["alert"] = _("Tell families why the activity is closed and until when.")
        if errors:
            raise ValidationError(errors)
