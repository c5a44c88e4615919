"""The coordinators' admin: every model's pages open, inlines save, filters and actions work."""

import datetime

import pytest
from django.contrib.admin.views.main import ChangeList
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from directory.models import (
    AccessPointReferrer,
    Activity,
    BoardPost,
    Category,
    DuplicateCandidate,
    GeneralInterestArea,
    ImportBatch,
    ImportedTerm,
    JobOffer,
    Language,
    Location,
    Membership,
    Municipality,
    OpeningSlot,
    Organization,
    OrganizationMerge,
    ProblemReport,
    Revision,
    ScheduleException,
    SearchRefresh,
    SearchSynonym,
    TargetGroup,
    Taxonomy,
    TrainingPlan,
    VolunteeringCall,
    Zone,
)
from directory.search import rebuild_search_index
from linkrete.accounts.models import User
from tests.factories import (
    ActivityFactory,
    BoardPostFactory,
    CourseFactory,
    JobOfferFactory,
    LocationFactory,
    MembershipFactory,
    MunicipalityFactory,
    OpeningSlotFactory,
    OrganizationFactory,
    ProblemReportFactory,
    ScheduleExceptionFactory,
    SearchSynonymFactory,
    TrainingPlanFactory,
    UserFactory,
    VolunteeringCallFactory,
    ZoneFactory,
    category,
)

# (model, a search term that finds the row made by the ``rows`` fixture or the seed migration)
MODELS = [
    (Municipality, "Buccinasco"),
    (Zone, "Visconteo"),
    (Taxonomy, "Aree"),
    (Category, "Laboratori"),
    (TargetGroup, "Bambini"),
    (Language, "ar"),
    (GeneralInterestArea, "t"),
    (Organization, "Girasole"),
    (Location, "Via Roma"),
    (Activity, "Doposcuola"),
    (OpeningSlot, "Doposcuola"),
    (ScheduleException, "Doposcuola"),
    (Membership, "editrice"),
    (AccessPointReferrer, "cassiera"),
    (ProblemReport, "Doposcuola"),
    (User, "editrice"),
    (Revision, "Girasole"),
    (TrainingPlan, "Girasole"),
    (BoardPost, "sala"),
    (VolunteeringCall, "compiti"),
    (JobOffer, "magazzino"),
    (SearchRefresh, "Sport"),
    (ImportBatch, "enti"),
    (DuplicateCandidate, "Girasole"),
    (OrganizationMerge, "Girasole"),
    (SearchSynonym, "pedata"),
    (ImportedTerm, "pantries"),
]
NOT_ADDABLE = {
    ImportedTerm,
    GeneralInterestArea,
    ProblemReport,
    Revision,
    SearchRefresh,
    DuplicateCandidate,
    OrganizationMerge,
}


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def superuser(db):
    return UserFactory(username="amministratrice", is_staff=True, is_superuser=True)


@pytest.fixture(params=["coordinator", "superuser"])
def admin_client(request, client):
    user = request.getfixturevalue(request.param)
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def rows(db):
    municipality = MunicipalityFactory()
    zone = ZoneFactory(name="Ambito Visconteo")
    zone.municipalities.add(municipality)
    organization = OrganizationFactory(name="Il Girasole")
    location = LocationFactory(organization=organization, municipality=municipality)
    activity = ActivityFactory(organization=organization, title="Doposcuola")
    activity.locations.add(location)
    OpeningSlotFactory(activity=activity)
    ScheduleExceptionFactory(activity=activity)
    MembershipFactory(user=UserFactory(username="editrice"), organization=organization)
    AccessPointReferrer.objects.create(
        user=UserFactory(username="cassiera"), organization=organization
    )
    ProblemReportFactory(activity=activity)
    Revision.objects.create(
        organization=organization,
        kind=Revision.Kind.ORGANIZATION,
        data={"name": "Il Girasole APS"},
        author=UserFactory(username="autrice"),
    )
    CourseFactory(plan=TrainingPlanFactory(organization=organization))
    BoardPostFactory(organization=organization)
    VolunteeringCallFactory(organization=organization)
    JobOfferFactory(organization=organization, title="Addetta al magazzino")
    SearchRefresh.objects.create(
        scope=SearchRefresh.Scope.CATEGORY, object_ids=[1], label="Categoria: Sport", total=300
    )
    ImportBatch.objects.create(file_name="enti-runts.xlsx", status=ImportBatch.Status.DONE)
    DuplicateCandidate.objects.create(
        first=organization,
        second=OrganizationFactory(name="Girasole APS"),
        reason=DuplicateCandidate.Reason.NAME,
        score=0.8,
        found_at=timezone.now(),
    )
    OrganizationMerge.objects.create(
        survivor=organization,
        survivor_name=organization.name,
        merged_id=organization.pk + 1000,
        merged_name="Girasole ODV",
        old_slug="girasole-odv",
        moved={"attività": 1},
    )
    SearchSynonymFactory(phrase="pedata", words=["calcio"])
    ImportedTerm.objects.create(term_id="bd-1800", taxonomy="211 LA", name="Food Pantries")
    # The admin finds activities by their search documents, which the code that saves them keeps.
    rebuild_search_index()
    return {"zone": zone, "organization": organization, "activity": activity, "location": location}


@pytest.mark.parametrize(("model", "term"), MODELS, ids=lambda v: getattr(v, "__name__", ""))
def test_changelist_search_and_every_filter_open(admin_client, rows, model, term):
    response = admin_client.get(admin_url(model, "changelist"))
    assert response.status_code == 200
    changelist: ChangeList = response.context["cl"]

    searched = admin_client.get(admin_url(model, "changelist"), {"q": term})
    assert searched.status_code == 200
    assert searched.context["cl"].result_count >= 1

    for spec in changelist.filter_specs:
        choice = next(c for c in spec.choices(changelist) if not c["selected"])
        filtered = admin_client.get(admin_url(model, "changelist") + choice["query_string"])
        # An unknown lookup would redirect to "?e=1".
        assert filtered.status_code == 200, (spec.title, choice)


@pytest.mark.parametrize(("model", "term"), MODELS, ids=lambda v: getattr(v, "__name__", ""))
def test_add_and_change_forms_open(admin_client, rows, model, term):
    add = admin_client.get(admin_url(model, "add"))
    assert add.status_code == (403 if model in NOT_ADDABLE else 200)

    rows_shown = model._default_manager.all()
    if model is User:
        rows_shown = rows_shown.exclude(pk=admin_client.user.pk)
    obj = rows_shown.first()
    change = admin_client.get(admin_url(model, "change", obj.pk))
    assert change.status_code == 200


def test_the_coordinator_sees_the_directory_and_users_on_the_admin_index(coordinator_client):
    response = coordinator_client.get(reverse("admin:index"))
    assert response.status_code == 200
    models = {m["object_name"] for app in response.context["app_list"] for m in app["models"]}
    assert {"Activity", "Organization", "ProblemReport", "Municipality", "User"} <= models


def test_general_interest_areas_are_view_only(coordinator_client):
    area = GeneralInterestArea.objects.get(letter="a")
    url = admin_url(GeneralInterestArea, "change", area.pk)
    assert coordinator_client.post(url, {"letter": "b"}).status_code == 403
    assert coordinator_client.post(
        admin_url(GeneralInterestArea, "delete", area.pk)
    ).status_code == (403)
    area.refresh_from_db()
    assert area.letter == "a"


def test_municipality_autocomplete_finds_by_name_istat_code_and_province(coordinator_client, rows):
    MunicipalityFactory(istat_code="015146", name="Milano")
    url = reverse("admin:autocomplete")
    params = {"app_label": "directory", "model_name": "location", "field_name": "municipality"}
    for term, expected in [("bucc", "Buccinasco (MI)"), ("015036", "Buccinasco (MI)")]:
        response = coordinator_client.get(url, {**params, "term": term})
        assert response.status_code == 200
        assert [r["text"] for r in response.json()["results"]] == [expected]
    by_province = coordinator_client.get(url, {**params, "term": "mi"}).json()["results"]
    assert {r["text"] for r in by_province} == {"Buccinasco (MI)", "Milano (MI)"}


def test_activity_filters_by_zone_once_however_many_locations_are_in_it(coordinator_client, rows):
    organization = rows["organization"]
    LocationFactory(organization=organization, name="Seconda sede")
    ActivityFactory(title="Fuori zona", organization=OrganizationFactory())
    response = coordinator_client.get(
        admin_url(Activity, "changelist"), {"zone": rows["zone"].name}
    )
    assert [a.title for a in response.context["cl"].result_list] == ["Doposcuola"]


def test_activity_filters_by_root_category_including_its_children(coordinator_client, rows):
    # The fixture's activity is in "laboratori", a child of "socialita".
    ActivityFactory(title="Pacco alimentare", categories=[category("sostegno-alimentare")])
    response = coordinator_client.get(admin_url(Activity, "changelist"), {"category": "socialita"})
    assert [a.title for a in response.context["cl"].result_list] == ["Doposcuola"]


def test_organizations_filter_by_information_older_than_six_months(coordinator_client, db):
    today = timezone.localdate()
    OrganizationFactory(name="Verificata", last_verified=today)
    OrganizationFactory(name="Vecchia", last_verified=today - datetime.timedelta(days=200))
    OrganizationFactory(name="Mai verificata", last_verified=None)
    url = admin_url(Organization, "changelist")
    for value, expected in [("recent", "Verificata"), ("stale", "Vecchia"), ("never", "Mai")]:
        names = [
            o.name
            for o in coordinator_client.get(url, {"verified": value}).context["cl"].result_list
        ]
        assert len(names) == 1 and names[0].startswith(expected)


def test_locations_filter_by_province(coordinator_client, rows):
    rome = MunicipalityFactory(
        istat_code="058091", name="Roma", province="Roma", province_code="RM"
    )
    LocationFactory(name="Sede romana", municipality=rome)
    response = coordinator_client.get(admin_url(Location, "changelist"), {"province": "RM"})
    assert [loc.name for loc in response.context["cl"].result_list] == ["Sede romana"]


def test_category_slug_cannot_change_once_saved(coordinator_client):
    laboratori = category("laboratori")
    response = coordinator_client.post(
        admin_url(Category, "change", laboratori.pk),
        {
            "taxonomy": laboratori.taxonomy_id,
            "parent": laboratori.parent_id,
            "name": "Laboratori creativi e manuali",
            "name_en": laboratori.name_en,
            "slug": "nuovo-slug",
            "code": laboratori.code,
            "description": "",
            "order": laboratori.order,
        },
    )
    assert response.status_code == 302
    laboratori.refresh_from_db()
    assert (laboratori.name, laboratori.slug) == ("Laboratori creativi e manuali", "laboratori")


def management_form(prefix, total):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def activity_post(organization, location, slot):
    return {
        "organization": organization.pk,
        "title": "Aiuto compiti",
        "slug": "aiuto-compiti",
        "summary": "",
        "description": "Aiuto nei compiti per le scuole medie, con volontari.",
        "min_age": "11",
        "max_age": "14",
        "eligibility": "",
        "categories": [category("diritto-istruzione").pk],
        "access": Activity.Access.OPEN,
        "access_description": "",
        "required_documents": "",
        "capacity": "",
        "is_free": "on",
        "fee_description": "",
        "status": Activity.Status.ACTIVE,
        "alert": "",
        "valid_from": "",
        "valid_to": "",
        "locations": [location.pk],
        "phone": "",
        "email": "",
        "website": "",
        "publication_status": "published",
        "last_verified": "",
        **management_form("opening_slots", 1),
        "opening_slots-0-weekday": "2",
        "opening_slots-0-opens_at": slot[0],
        "opening_slots-0-closes_at": slot[1],
        "opening_slots-0-location": location.pk,
        "opening_slots-0-valid_from": "",
        "opening_slots-0-valid_to": "",
        "opening_slots-0-notes": "",
        **management_form("schedule_exceptions", 0),
    }


def test_coordinator_adds_an_activity_with_its_opening_hours(coordinator_client, rows):
    data = activity_post(rows["organization"], rows["location"], ("16:00", "18:00"))
    response = coordinator_client.post(admin_url(Activity, "add"), data)
    assert response.status_code == 302, response.context and response.context["errors"]
    activity = Activity.objects.get(slug="aiuto-compiti")
    assert [str(slot) for slot in activity.opening_slots.all()] == ["Martedì 16:00–18:00"]
    assert list(activity.locations.all()) == [rows["location"]]


def test_a_slot_closing_before_it_opens_is_refused_and_nothing_is_saved(coordinator_client, rows):
    data = activity_post(rows["organization"], rows["location"], ("18:00", "16:00"))
    response = coordinator_client.post(admin_url(Activity, "add"), data)
    assert response.status_code == 200
    with translation.override("it"):
        message = gettext("A slot must open before it closes.")
    slot_errors = response.context["inline_admin_formsets"][0].formset.errors
    assert slot_errors == [{"closes_at": [message]}]
    assert message in response.content.decode()
    assert not Activity.objects.filter(slug="aiuto-compiti").exists()
    assert OpeningSlot.objects.count() == 1  # only the fixture's


@pytest.mark.parametrize(
    ("action", "status"),
    [("mark_fixed", ProblemReport.Status.FIXED), ("dismiss", ProblemReport.Status.DISMISSED)],
)
def test_problem_report_actions_record_who_handled_them(
    coordinator_client, coordinator, action, status
):
    chosen = ProblemReportFactory.create_batch(2)
    untouched = ProblemReportFactory()
    response = coordinator_client.post(
        admin_url(ProblemReport, "changelist"),
        {"action": action, "_selected_action": [r.pk for r in chosen], "index": "0"},
    )
    assert response.status_code == 302
    for report in chosen:
        report.refresh_from_db()
        assert (report.status, report.handled_by) == (status, coordinator)
        assert report.handled_at is not None
    untouched.refresh_from_db()
    assert (untouched.status, untouched.handled_by) == (ProblemReport.Status.NEW, None)


def test_problem_report_queue_shows_new_reports_first(coordinator_client, db):
    old_new = ProblemReportFactory(message="vecchia, da vedere")
    ProblemReportFactory(message="gestita", status=ProblemReport.Status.FIXED)
    newest_new = ProblemReportFactory(message="recente, da vedere")
    response = coordinator_client.get(admin_url(ProblemReport, "changelist"))
    shown = [r.message for r in response.context["cl"].result_list]
    assert shown == [newest_new.message, old_new.message, "gestita"]


def test_saving_a_problem_report_as_corrected_records_the_coordinator(
    coordinator_client, coordinator, db
):
    report = ProblemReportFactory()
    response = coordinator_client.post(
        admin_url(ProblemReport, "change", report.pk),
        {"status": ProblemReport.Status.FIXED, "coordinator_note": "Orari aggiornati."},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.status, report.handled_by) == (ProblemReport.Status.FIXED, coordinator)
    assert report.message == "Il sabato sono chiusi da settembre."


def test_problem_report_links_to_the_public_page(coordinator_client, rows):
    report = ProblemReport.objects.get()
    response = coordinator_client.get(admin_url(ProblemReport, "change", report.pk))
    assert f'href="{rows["activity"].get_absolute_url()}"' in response.content.decode()


def test_coordinator_cannot_take_over_a_superuser_or_grant_superuser(
    coordinator_client, superuser, rows
):
    url = admin_url(User, "change", superuser.pk)
    assert coordinator_client.post(url, {"username": "preso"}).status_code == 403
    password = reverse("admin:auth_user_password_change", args=[superuser.pk])
    assert coordinator_client.get(password).status_code == 403
    editor = User.objects.get(username="editrice")
    page = coordinator_client.get(admin_url(User, "change", editor.pk)).content.decode()
    assert 'name="is_superuser"' not in page
    assert 'name="user_permissions"' not in page


def make_listed_rows(start, stop):
    for n in range(start, stop):
        organization = OrganizationFactory(name=f"Ente {n:02}")
        location = LocationFactory(organization=organization, name=f"Sede {n}")
        for title in ("Laboratorio", "Doposcuola"):
            activity = ActivityFactory(organization=organization, title=f"{title} {n:02}")
            activity.locations.add(location)


# One more than before the second factor: django-otp reads the session's verified device.
@pytest.mark.parametrize(("model", "max_queries"), [(Organization, 10), (Activity, 11)])
def test_changelist_queries_do_not_grow_with_rows(
    coordinator_client, django_assert_max_num_queries, model, max_queries
):
    url = admin_url(model, "changelist")
    make_listed_rows(0, 2)
    with CaptureQueriesContext(connection) as few:
        coordinator_client.get(url)
    make_listed_rows(2, 22)
    with django_assert_max_num_queries(max_queries):
        response = coordinator_client.get(url)
    assert len(response.context["cl"].result_list) >= 20
    with CaptureQueriesContext(connection) as many:
        coordinator_client.get(url)
    assert len(many) == len(few)


def test_organization_page_lists_its_activities_with_links_to_edit_them(coordinator_client, rows):
    organization, activity = rows["organization"], rows["activity"]
    page = coordinator_client.get(admin_url(Organization, "change", organization.pk))
    html = page.content.decode()
    assert admin_url(Activity, "change", activity.pk) in html
    # Activities are listed (read-only, the first few), not an inline formset of every one.
    assert {f.formset.prefix for f in page.context["inline_admin_formsets"]} == {
        "locations",
        "memberships",
    }


def test_saving_an_activity_in_the_admin_makes_it_findable(client, coordinator):
    from directory.models import Activity
    from tests.factories import ActivityFactory

    activity = ActivityFactory(title="Corso di chitarra")
    assert Activity.objects.get(pk=activity.pk).search_text == ""
    client.force_login(coordinator)
    url = f"/admin/directory/activity/{activity.pk}/change/"
    response = client.get(url)
    form = response.context["adminform"].form
    data = {
        name: (form[name].value() if form[name].value() is not None else "") for name in form.fields
    }
    for formset in response.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        for name in management.fields:
            data[f"{formset.formset.prefix}-{name}"] = management[name].value()
    data["categories"] = [c.pk for c in activity.categories.all()]
    for key in ("target_groups", "languages", "locations"):
        data[key] = []
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    assert "chitarra" in Activity.objects.get(pk=activity.pk).search_text
