"""Training plans and courses; courses open to the network and requests for places."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from directory.models import Course, PlaceRequest
from directory.staff import services
from directory.staff.access import (
    get_organization_for_member,
    get_organization_for_user,
    is_member,
    organizations_for_user,
    require_network_member,
)
from directory.staff.forms import AttendanceForm, CourseForm, PlaceRequestForm, TrainingPlanForm
from linkrete.accounts.roles import is_coordinator
from linkrete.paging import page_of


def training(request, slug):
    organization = get_organization_for_user(request.user, slug)
    plans = organization.training_plans.all()
    courses = Course.objects.for_list().filter(plan__organization=organization)
    return render(
        request,
        "staff/training.html",
        {
            "organization": organization,
            "plans": plans,
            "courses": courses,
            "is_member": is_member(request.user, organization),
        },
    )


def plan_new(request, slug):
    organization = get_organization_for_user(request.user, slug)
    form = TrainingPlanForm(request.POST or None)
    form.instance.organization = organization
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Training plan created."))
        return redirect("staff:training", slug=organization.slug)
    return render(
        request,
        "staff/edit_form.html",
        {"organization": organization, "form": form, "title": _("New training plan")},
    )


def course_edit(request, slug, pk=None):
    organization = get_organization_for_user(request.user, slug)
    course = (
        get_object_or_404(Course.objects.filter(plan__organization=organization), pk=pk)
        if pk
        else None
    )
    form = CourseForm(request.POST or None, instance=course, organization=organization)
    if request.method == "POST" and form.is_valid():
        course = form.save()
        messages.success(request, _("Course saved."))
        if not is_member(request.user, organization):
            return redirect("staff:training", slug=organization.slug)
        return redirect("staff:course_detail", slug=organization.slug, pk=course.pk)
    title = _("Edit the course") if course else _("New course")
    return render(
        request,
        "staff/edit_form.html",
        {"organization": organization, "form": form, "title": title},
    )


def course_detail(request, slug, pk):
    """Attendance names volunteers and staff: members of the organization only."""
    organization = get_organization_for_member(request.user, slug)
    course = get_object_or_404(
        Course.objects.for_list().filter(plan__organization=organization), pk=pk
    )
    form = AttendanceForm(
        request.POST or None,
        organization=organization,
        initial={"hours": course.hours},
    )
    form.instance.course = course
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Attendance recorded."))
        return redirect("staff:course_detail", slug=organization.slug, pk=course.pk)
    return render(
        request,
        "staff/course_detail.html",
        {
            "organization": organization,
            "course": course,
            "form": form,
            "attendances": course.attendances.select_related("volunteer", "user"),
            "requests": course.place_requests.select_related("organization"),
        },
    )


@require_POST
def place_request_decide(request, slug, pk, request_pk):
    # Answered from the course page, which only members open.
    organization = get_organization_for_member(request.user, slug)
    place_request = get_object_or_404(
        PlaceRequest, pk=request_pk, course_id=pk, course__plan__organization=organization
    )
    try:
        services.place_request_decide(
            place_request=place_request, accept=request.POST.get("decision") == "accept"
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Answer recorded."))
    return redirect("staff:course_detail", slug=organization.slug, pk=pk)


def network_courses(request):
    """Courses other organizations open to the network: every signed-in staff member sees them."""
    require_network_member(request.user)
    courses = page_of(
        request, Course.objects.for_list().open_to_network().order_by("starts_on", "pk")
    )
    return render(request, "staff/network_courses.html", {"courses": courses})


def network_course_request(request, pk):
    require_network_member(request.user)
    course = get_object_or_404(Course.objects.for_list().open_to_network(), pk=pk)
    mine = organizations_for_user(request.user).filter(~Q(pk=course.plan.organization_id))
    form = PlaceRequestForm(
        request.POST or None, organizations=mine, typed_organization=is_coordinator(request.user)
    )
    form.instance.course = course
    form.instance.requested_by = request.user
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Request sent: the organization will answer."))
        return redirect("staff:network_courses")
    return render(
        request,
        "staff/edit_form.html",
        {
            "form": form,
            "title": _("Ask for places: %(course)s") % {"course": course.title},
            "intro": course.description,
        },
    )
