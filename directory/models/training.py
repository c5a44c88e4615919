"""Training plans of organizations: yearly plans, courses, attendance and places for others."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from directory.models.organization import Organization
from directory.models.volunteer import Volunteer


class TrainingPlan(models.Model):
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="training_plans",
        verbose_name=_("organization"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    notes = models.TextField(_("goals and notes"), blank=True)

    class Meta:
        verbose_name = _("training plan")
        verbose_name_plural = _("training plans")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "year"],
                name="training_plan_one_per_year",
                violation_error_message=_("The organization already has a plan for this year."),
            ),
        ]

    def __str__(self):
        return _("Training plan %(year)s – %(organization)s") % {
            "year": self.year,
            "organization": self.organization,
        }


class CourseQuerySet(models.QuerySet):
    def open_to_network(self):
        return self.filter(is_open_to_network=True)

    def for_list(self):
        # Subqueries, not joins: summing places over a join with attendances would count each
        # accepted request once per attendance.
        attendances = (
            Attendance.objects.filter(course=models.OuterRef("pk"))
            .order_by()
            .values("course")
            .annotate(n=models.Count("pk"))
            .values("n")
        )
        granted = (
            PlaceRequest.objects.filter(course=models.OuterRef("pk"), status="accepted")
            .order_by()
            .values("course")
            .annotate(n=models.Sum("places"))
            .values("n")
        )
        return self.select_related("plan__organization").annotate(
            attendance_count=Coalesce(models.Subquery(attendances), 0),
            places_granted=Coalesce(models.Subquery(granted), 0),
        )


class Course(models.Model):
    plan = models.ForeignKey(
        TrainingPlan, on_delete=models.CASCADE, related_name="courses", verbose_name=_("plan")
    )
    title = models.CharField(_("title"), max_length=200)
    topic = models.CharField(_("topic"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    hours = models.DecimalField(
        _("hours"), max_digits=5, decimal_places=1, validators=[MinValueValidator(Decimal("0.5"))]
    )
    trainer = models.CharField(_("trainer"), max_length=200, blank=True)
    place = models.CharField(_("where"), max_length=200, blank=True)
    places = models.PositiveIntegerField(_("places"), null=True, blank=True)
    is_open_to_network = models.BooleanField(
        _("open to other organizations"),
        default=False,
        help_text=_("Other organizations of the network can ask for places."),
    )

    objects = CourseQuerySet.as_manager()

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["starts_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="course_ends_after_start",
                violation_error_message=_("A course must end after it starts."),
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def organization(self):
        return self.plan.organization

    def places_left(self, attendance_count: int, places_granted: int) -> int | None:
        """Places still free: the organization's own attendance and the places given to other
        organizations both use them. ``None`` when the course sets no limit."""
        if self.places is None:
            return None
        return max(self.places - attendance_count - places_granted, 0)

    @property
    def remaining_places(self) -> int | None:
        """For courses from ``for_list()``, which annotates the two counts."""
        return self.places_left(self.attendance_count, self.places_granted)

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A course must end after it starts.")})


class Attendance(models.Model):
    """Someone took the course: a volunteer (hours count in their record) or a staff member."""

    course = models.ForeignKey(
        Course, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("course")
    )
    volunteer = models.ForeignKey(
        Volunteer,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attendances",
        verbose_name=_("volunteer"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="course_attendances",
        verbose_name=_("staff member"),
    )
    hours = models.DecimalField(_("hours attended"), max_digits=5, decimal_places=1)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(volunteer__isnull=False, user__isnull=True)
                | models.Q(volunteer__isnull=True, user__isnull=False),
                name="attendance_volunteer_or_staff",
                violation_error_message=_("Choose either a volunteer or a staff member."),
            ),
            models.UniqueConstraint(
                fields=["course", "volunteer"],
                name="attendance_volunteer_once",
                violation_error_message=_("This volunteer's attendance is already recorded."),
            ),
            models.UniqueConstraint(
                fields=["course", "user"],
                name="attendance_user_once",
                violation_error_message=_("This staff member's attendance is already recorded."),
            ),
        ]

    def __str__(self):
        # Not the attendee's name: str() ends up in the admin's history and log lines.
        return _("attendance #%(pk)s") % {"pk": self.pk}

    def clean(self):
        super().clean()
        if bool(self.volunteer_id) == bool(self.user_id):
            raise ValidationError(_("Choose either a volunteer or a staff member."))
        if self.course_id and self.hours is not None and self.hours > self.course.hours:
            raise ValidationError({"hours": _("More hours than the course lasts.")})


class PlaceRequest(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for an answer")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    course = models.ForeignKey(
        Course, on_delete=models.CASCADE, related_name="place_requests", verbose_name=_("course")
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="place_requests",
        verbose_name=_("requesting organization"),
    )
    places = models.PositiveSmallIntegerField(_("places"), validators=[MinValueValidator(1)])
    message = models.TextField(_("message"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("requested by"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.PENDING)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)

    class Meta:
        verbose_name = _("place request")
        verbose_name_plural = _("place requests")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.organization} → {self.course} ({self.places})"
