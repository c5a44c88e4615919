"""Every unique constraint a form can hit answers with a form error, never a 500.

The constraints of directory/ and sportelli/ and the forms that reach them:
- TrainingPlan (organization, year): the staff's new-plan form (organization set by the view)
  and the admin.
- Attendance (course, volunteer) and (course, user): the course page's form (course set by
  the view).
- Organization.tax_code (unique when not empty): the profile form, through its revision.
- Membership (user, organization): the admin (the invitation service adds existing accounts).
- Slugs, ISTAT codes, language codes, uuids, booking codes: generated, or admin-only fields
  that Django's ModelForm checks itself.
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _

from directory.models import Attendance, Revision, TrainingPlan
from tests.directory.staff.test_revisions import profile_data
from tests.factories import (
    CourseFactory,
    OrganizationFactory,
    TrainingPlanFactory,
    VolunteerFactory,
)


def test_a_second_plan_for_the_same_year_is_a_form_error(client, staff, organization):
    TrainingPlanFactory(organization=organization, year=2026)
    client.force_login(staff)
    response = client.post(
        reverse("staff:plan_new", args=[organization.slug]),
        {"year": "2026", "notes": "Corsi di primo soccorso per tutti."},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["year"] == [_("The organization already has a plan for this year.")]
    page = response.content.decode()
    assert escape(_("The organization already has a plan for this year.")) in page
    assert "Corsi di primo soccorso per tutti." in page
    assert TrainingPlan.objects.filter(organization=organization).count() == 1


def test_the_same_year_in_another_organization_is_allowed(
    client, staff, organization, other_organization
):
    TrainingPlanFactory(organization=other_organization, year=2026)
    client.force_login(staff)
    response = client.post(reverse("staff:plan_new", args=[organization.slug]), {"year": "2026"})
    assert response.status_code == 302
    assert TrainingPlan.objects.filter(organization=organization, year=2026).exists()


def test_the_admin_refuses_a_second_plan_for_the_same_year(admin_client, organization):
    TrainingPlanFactory(organization=organization, year=2026)
    response = admin_client.post(
        reverse("admin:directory_trainingplan_add"),
        {
            "organization": organization.pk,
            "year": "2026",
            "notes": "",
            "courses-TOTAL_FORMS": "0",
            "courses-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert _("The organization already has a plan for this year.") in form.non_field_errors()


@pytest.fixture
def course(organization):
    return CourseFactory(plan__organization=organization, hours=8)


def test_recording_a_volunteer_twice_is_a_form_error(client, staff, organization, course):
    volunteer = VolunteerFactory(organization=organization)
    Attendance.objects.create(course=course, volunteer=volunteer, hours=8)
    client.force_login(staff)
    response = client.post(
        reverse("staff:course_detail", args=[organization.slug, course.pk]),
        {"volunteer": volunteer.pk, "user": "", "hours": "6"},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["volunteer"] == [_("This volunteer's attendance is already recorded.")]
    assert form["hours"].value() == "6"
    assert course.attendances.count() == 1


def test_recording_a_staff_member_twice_is_a_form_error(client, staff, organization, course):
    Attendance.objects.create(course=course, user=staff, hours=8)
    client.force_login(staff)
    response = client.post(
        reverse("staff:course_detail", args=[organization.slug, course.pk]),
        {"volunteer": "", "user": staff.pk, "hours": "7"},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["user"] == [_("This staff member's attendance is already recorded.")]
    assert course.attendances.count() == 1


def test_the_same_volunteer_on_another_course_is_allowed(client, staff, organization, course):
    volunteer = VolunteerFactory(organization=organization)
    Attendance.objects.create(course=course, volunteer=volunteer, hours=8)
    other = CourseFactory(plan=course.plan, hours=4)
    client.force_login(staff)
    response = client.post(
        reverse("staff:course_detail", args=[organization.slug, other.pk]),
        {"volunteer": volunteer.pk, "user": "", "hours": "4"},
    )
    assert response.status_code == 302
    assert other.attendances.count() == 1


def test_another_organizations_tax_code_is_a_form_error(client, staff, organization):
    OrganizationFactory(tax_code="97008540151")
    client.force_login(staff)
    response = client.post(
        reverse("staff:organization_edit", args=[organization.slug]),
        profile_data(organization, tax_code="97008540151", phone="02 7654321"),
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["tax_code"] == [_("Another organization has this tax code.")]
    assert form["phone"].value() == "02 7654321"
    assert not Revision.objects.exists()


def test_the_admin_refuses_a_second_membership(admin_client, staff, organization):
    response = admin_client.post(
        reverse("admin:directory_membership_add"),
        {"user": staff.pk, "organization": organization.pk, "role": "editor"},
    )
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert _("This user is already a member of the organization.") in form.non_field_errors()
    assert get_user_model().objects.get(pk=staff.pk).memberships.count() == 1
