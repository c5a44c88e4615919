"""The Django admin, which coordinators use every day, held to WCAG 2.1 AA like the rest.

For each registered model, axe-core checks the change list (as it opens, searched and
filtered), the add form and the change form of a record with related rows in its inlines; also
the admin index, a delete confirmation, a new inline row added with the button, and the
autocomplete boxes (named, and usable from the keyboard).
"""

import datetime
import re
import zoneinfo
from dataclasses import dataclass

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.models import Group
from django.urls import reverse

from directory.models import (
    BoardPost,
    Category,
    DuplicateCandidate,
    GeneralInterestArea,
    ImportBatch,
    ImportedTerm,
    Language,
    OrganizationMerge,
    Revision,
    SearchRefresh,
    TargetGroup,
    Taxonomy,
)
from sportelli.models import ReferralEvent, ReferralStatus
from tests.factories import (
    AccessFactory,
    ActivityFactory,
    BoardPostFactory,
    BookingFactory,
    CaseFactory,
    CourseFactory,
    DeskExceptionFactory,
    DeskFactory,
    DeskOpeningSlotFactory,
    DeskTranslationFactory,
    EventFactory,
    EventSessionFactory,
    JobOfferFactory,
    LocationFactory,
    MembershipFactory,
    MunicipalityFactory,
    NetworkActionFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    OpeningSlotFactory,
    OrganizationFactory,
    ProblemReportFactory,
    ReferralFactory,
    ScheduleExceptionFactory,
    SearchSynonymFactory,
    SurveyQuestionFactory,
    TeamFactory,
    TrainingPlanFactory,
    UserFactory,
    VolunteeringCallFactory,
    VolunteeringCallTranslationFactory,
    ZoneFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

ROME = zoneinfo.ZoneInfo("Europe/Rome")


@pytest.fixture(autouse=True)
def _now(time_machine):
    # Bookings, the date hierarchies and the "last verified" filter read the date.
    time_machine.move_to(datetime.datetime(2026, 12, 2, 10, 0, tzinfo=ROME), tick=False)


@pytest.fixture
def network(coordinator):
    """A small network with a few rows in every list and in every inline."""
    buccinasco = MunicipalityFactory()
    corsico = MunicipalityFactory(istat_code="015093", name="Corsico", latitude=45.43)
    MunicipalityFactory(istat_code="015146", name="Milano", latitude=45.46)
    zone = ZoneFactory(name="Ambito Visconteo")
    zone.municipalities.set([buccinasco, corsico])
    oratorio = OrganizationFactory(name="Oratorio San Luigi", slug="oratorio-san-luigi")
    comitato = OrganizationFactory(name="Comitato Genitori Rodari")
    OrganizationFactory(name="Circolo Arci Pagnana")
    sede = LocationFactory(organization=oratorio, name="Oratorio", municipality=buccinasco)
    LocationFactory(organization=comitato, name="Scuola Rodari", municipality=corsico)
    activity = ActivityFactory(organization=oratorio, title="Doposcuola")
    activity.locations.set([sede])
    ActivityFactory(organization=oratorio, title="Centro estivo")
    ActivityFactory(organization=comitato, title="Festa di primavera")
    OpeningSlotFactory(activity=activity, location=sede)
    OpeningSlotFactory(activity=activity, weekday=3)
    ScheduleExceptionFactory(activity=activity)
    ScheduleExceptionFactory(
        activity=activity,
        date=datetime.date(2026, 12, 24),
        is_closed=False,
        opens_at=datetime.time(9, 0),
        closes_at=datetime.time(11, 0),
        reason="Vigilia",
    )
    editor = UserFactory(username="editor-oratorio")
    MembershipFactory(user=editor, organization=oratorio)
    MembershipFactory(organization=comitato)
    _model("directory.AccessPointReferrer").objects.create(
        user=UserFactory(username="cassiera-oratorio"), organization=oratorio
    )
    plan = TrainingPlanFactory(organization=oratorio)
    CourseFactory(plan=plan)
    CourseFactory(plan=plan)
    BoardPostFactory(organization=oratorio, author=editor)
    BoardPostFactory(organization=comitato, kind=BoardPost.Kind.OFFER)
    call = VolunteeringCallFactory(organization=oratorio, activity=activity)
    VolunteeringCallTranslationFactory(call=call, language="ar", title="مساعدة في الواجبات")
    VolunteeringCallFactory(organization=comitato)
    JobOfferFactory(organization=comitato, title="Addetta al magazzino")
    JobOfferFactory(organization=oratorio, valid_until=datetime.date(2026, 11, 1))
    event = EventFactory(organization=oratorio, title="Laboratorio di Natale")
    EventSessionFactory(event=event, location=sede)
    EventSessionFactory(event=event, location=sede, date=datetime.date(2026, 12, 12))
    EventFactory(organization=comitato, title="Festa di primavera")
    Revision.objects.create(
        organization=oratorio, author=editor, kind=Revision.Kind.ORGANIZATION, data={}
    )
    ProblemReportFactory(activity=activity)
    ProblemReportFactory(organization=comitato, activity=None)
    # Search refreshes, one running and one finished (the admin makes them, not people).
    refresh = {"scope": "category", "object_ids": [1], "total": 1200}
    SearchRefresh.objects.create(label="Categoria: Sport", done=300, **refresh)
    SearchRefresh.objects.create(
        label="Categoria: Musica", done=1200, finished_at=datetime.datetime.now(ROME), **refresh
    )
    ImportBatch.objects.create(
        file_name="enti-runts.xlsx",
        status=ImportBatch.Status.REJECTED,
        total_rows=2,
        checked_rows=2,
        errors=[{"row": 2, "column": "Sezione", "message": "“h” non è una sezione del RUNTS."}],
    )
    desk = DeskFactory(name="Sportello Pagnana", host_organization=oratorio, location=sede)
    desk.operators.set([editor])
    DeskOpeningSlotFactory(desk=desk)
    DeskOpeningSlotFactory(desk=desk, weekday=4)
    DeskExceptionFactory(desk=desk)
    DeskTranslationFactory(desk=desk, language="ar", description="توجيه إلى الخدمات")
    DeskFactory(host_organization=comitato)
    BookingFactory(desk=desk)
    BookingFactory(desk=desk)
    AccessFactory(desk=desk)
    AccessFactory(desk=desk)
    referral = ReferralFactory(from_desk=desk, to_organization=comitato)
    ReferralFactory(from_desk=desk, to_organization=oratorio)
    ReferralEvent.objects.create(
        referral=referral, from_status="", to_status=ReferralStatus.SENT, by=coordinator
    )
    Group.objects.get_or_create(name="redazione")
    # A possible duplicate to check, and the log of an earlier merge.
    DuplicateCandidate.objects.create(
        first=oratorio,
        second=comitato,
        reason=DuplicateCandidate.Reason.NAME,
        score=0.72,
        found_at=datetime.datetime(2026, 12, 1, 3, 0, tzinfo=ROME),
    )
    OrganizationMerge.objects.create(
        survivor=oratorio,
        survivor_name=oratorio.name,
        merged_id=9999,
        merged_name="Oratorio S. Luigi",
        old_slug="oratorio-s-luigi",
        moved={"attività": 2},
        merged_by=coordinator,
    )
    # A term of another directory met by import_hsds, mapped to one of ours.
    ImportedTerm.objects.create(
        term_id="bd-1800",
        taxonomy="211 LA",
        code="BD-1800",
        name="Food Pantries",
        category=Category.objects.get(slug="laboratori"),
        services=3,
    )
    SearchSynonymFactory(
        phrase="compiti del sabato",  # not in the starter list the migration loads
        words=["doposcuola"],
        categories=[Category.objects.get(slug="laboratori")],
    )
    # Sign-in attempts, as django-axes records them.
    request = {"ip_address": "192.0.2.7", "user_agent": "Firefox", "http_accept": "text/html"}
    AccessAttempt.objects.create(
        username="mario", path_info="/accesso/", get_data="", post_data="", failures_since_start=2
    )
    AccessLog.objects.create(username="editor-oratorio", path_info="/accesso/", **request)
    AccessFailureLog.objects.create(username="mario", path_info="/accesso/", **request)
    # A network with two roles of one member, its board, a meeting and an action with a target.
    rete = NetworkFactory(name="Rete LINK", lead_organization=oratorio)
    rete.zones.set([zone])
    NetworkMembershipFactory(network=rete, organization=oratorio, role="capofila")
    NetworkMembershipFactory(network=rete, organization=oratorio, role="firmatario")
    NetworkMembershipFactory(network=rete, organization=comitato)
    rete.board_seats.create(organization=oratorio, office="Coordinatrice del progetto")
    rete.board_meetings.create(date=datetime.date(2026, 11, 3), minutes="Approvate le azioni.")
    azione = NetworkActionFactory(network=rete, name="Doposcuola diffuso")
    azione.targets.create(name="Bambini seguiti", unit="bambini", value=120)
    # A needs survey round of the network with its questions, and a body's answers.
    domanda = SurveyQuestionFactory(round__network=rete, round__title="Bisogni degli enti")
    SurveyQuestionFactory(round=domanda.round, kind="text", choices="", text="Altro?")
    risposta = domanda.round.responses.create(organization=comitato)
    risposta.answers.create(question=domanda, chosen=["Spazi"])
    # An équipe with a case: coordinators see teams, and cases only as counts.
    team = TeamFactory(name="Équipe Cuore Visconteo", organization=comitato)
    CaseFactory(team=team)
    return {"activity": activity, "organization": oratorio, "desk": desk, "referral": referral}


@dataclass(frozen=True)
class AdminPages:
    """The admin pages of one model: ``search`` is a term that finds some rows."""

    model: type
    search: str | None = "a"
    can_add: bool = True
    superuser: bool = False

    @property
    def id(self):
        return self.model._meta.label_lower

    def url(self, view, *args):
        meta = self.model._meta
        return reverse(f"admin:{meta.app_label}_{meta.model_name}_{view}", args=args)


def _model(label):
    from django.apps import apps

    return apps.get_model(label)


MODELS = [
    AdminPages(_model("directory.Organization"), search="oratorio"),
    AdminPages(_model("directory.Location"), search="rodari"),
    AdminPages(_model("directory.Membership"), search="oratorio"),
    AdminPages(_model("directory.AccessPointReferrer"), search="oratorio"),
    AdminPages(_model("directory.Activity"), search="doposcuola"),
    AdminPages(_model("directory.OpeningSlot"), search="doposcuola"),
    AdminPages(_model("directory.ScheduleException"), search="doposcuola"),
    AdminPages(Taxonomy, search="aree"),
    AdminPages(Category, search="laboratori"),
    AdminPages(TargetGroup, search="famiglie"),
    AdminPages(Language, search="inglese"),
    AdminPages(GeneralInterestArea, search="sport", can_add=False),
    AdminPages(_model("directory.Municipality"), search="corsico"),
    AdminPages(_model("directory.Zone"), search="visconteo"),
    AdminPages(Revision, search="oratorio", can_add=False),
    AdminPages(_model("directory.TrainingPlan"), search="oratorio"),
    AdminPages(BoardPost, search="sala"),
    AdminPages(_model("directory.VolunteeringCall"), search="compiti"),
    AdminPages(_model("directory.JobOffer"), search="magazzino"),
    AdminPages(_model("directory.Event"), search="natale"),
    AdminPages(_model("directory.Network"), search="link"),
    AdminPages(_model("directory.NetworkAction"), search="doposcuola"),
    AdminPages(_model("directory.SurveyRound"), search="bisogni"),
    AdminPages(_model("directory.SurveyResponse"), search="rodari", can_add=False),
    AdminPages(_model("directory.ProblemReport"), search="sabato", can_add=False),
    AdminPages(SearchRefresh, search="sport", can_add=False),
    AdminPages(DuplicateCandidate, search="rodari", can_add=False),
    AdminPages(OrganizationMerge, search="luigi", can_add=False),
    AdminPages(ImportBatch, search="enti"),
    AdminPages(_model("directory.SearchSynonym"), search="compiti"),
    AdminPages(_model("directory.ImportedTerm"), search="pantries", can_add=False),
    AdminPages(_model("sportelli.Desk"), search="pagnana"),
    AdminPages(_model("sportelli.Booking"), search="x"),
    AdminPages(_model("sportelli.Access"), search=None),
    AdminPages(_model("sportelli.Referral"), search=None),
    AdminPages(_model("accounts.User"), search="editor"),
    AdminPages(Group, search="redazione", superuser=True),
    # django-axes' records of sign-in attempts, which only superusers see.
    AdminPages(AccessAttempt, search="mario", can_add=False, superuser=True),
    AdminPages(AccessLog, search="oratorio", can_add=False, superuser=True),
    AdminPages(AccessFailureLog, search="mario", can_add=False, superuser=True),
    # The history of records (linkrete/history).
    AdminPages(_model("auditlog.LogEntry"), search=None, can_add=False),
    # Family cases' équipes (famiglie).
    AdminPages(_model("famiglie.Team"), search="cuore"),
]
# Models the admin shows on one page of their own, not the list, search and form of MODELS.
ONE_PAGE = {_model("famiglie.Case"): "admin:famiglie_case_changelist"}


def test_every_model_in_the_admin_is_checked():
    from django.contrib import admin

    assert {pages.model for pages in MODELS} | set(ONE_PAGE) == set(admin.site._registry)


@pytest.mark.parametrize("url_name", ONE_PAGE.values())
def test_each_one_page_model_passes_axe(
    url_name, desktop_page, sign_in, assert_accessible, coordinator, network
):
    sign_in(desktop_page, coordinator)
    assert _violations(desktop_page, assert_accessible, reverse(url_name)) is None


@pytest.fixture
def admin_page(desktop_page, sign_in, coordinator):
    sign_in(desktop_page, coordinator)
    return desktop_page


def _violations(page, assert_accessible, url):
    """The axe report of ``url``, or None when it passes (so one test lists every page)."""
    response = page.goto(url)
    assert response.status == 200, f"{url} answered {response.status}"
    try:
        assert_accessible(page)
    except AssertionError as failure:
        return str(failure)
    return None


@pytest.mark.parametrize("pages", MODELS, ids=lambda pages: pages.id)
def test_each_models_admin_pages_pass_axe(
    pages, desktop_page, sign_in, assert_accessible, coordinator, network
):
    user = coordinator
    if pages.superuser:
        user = UserFactory(username="root", is_staff=True, is_superuser=True)
    sign_in(desktop_page, user)
    page = desktop_page
    record = pages.model._default_manager.order_by("pk").first()
    assert record is not None, f"the test network has no {pages.id}"

    urls = [pages.url("changelist")]
    if pages.search:
        urls.append(f"{pages.url('changelist')}?q={pages.search}")
    urls.append(pages.url("change", record.pk))
    if pages.can_add:
        urls.append(pages.url("add"))
    reports = [_violations(page, assert_accessible, url) for url in urls]

    # A filter as a coordinator applies it: the first choice of the first filter on the side.
    page.goto(pages.url("changelist"))
    choice = page.locator("#changelist-filter li:not(.selected) a")
    if choice.count():
        reports.append(_violations(page, assert_accessible, choice.first.get_attribute("href")))

    failures = [report for report in reports if report]
    assert not failures, "\n\n".join(failures)


def test_admin_index_passes_axe(admin_page, assert_accessible, network):
    admin_page.goto(reverse("admin:index"))
    assert_accessible(admin_page)


def test_delete_confirmation_passes_axe(admin_page, assert_accessible, network):
    activity = network["activity"]
    admin_page.goto(reverse("admin:directory_activity_delete", args=[activity.pk]))
    assert admin_page.get_by_role("link", name="Doposcuola").count() >= 1
    assert_accessible(admin_page)


def test_inline_rows_added_with_the_button_are_labelled(admin_page, assert_accessible, network):
    page = admin_page
    page.goto(reverse("admin:directory_activity_change", args=[network["activity"].pk]))
    for group in ("#opening_slots-group", "#schedule_exceptions-group"):
        page.locator(f"{group} .add-row a").click()
    assert page.locator("#id_opening_slots-2-weekday").count() == 1
    assert page.locator("#id_schedule_exceptions-2-date").count() == 1
    assert_accessible(page)


def test_autocomplete_box_is_named_after_its_field_and_works_from_the_keyboard(
    admin_page, assert_accessible, network
):
    page = admin_page
    page.goto(reverse("admin:directory_activity_add"))
    box = page.locator(".field-organization .select2-selection")
    label = page.locator("label[for=id_organization]").inner_text().rstrip(":").strip()
    assert box.get_attribute("role") == "combobox"
    # Named by its label, then by the choice it shows (none yet).
    combobox = page.get_by_role("combobox", name=re.compile(rf"^{re.escape(label)}\b"))
    assert combobox.count() == 1

    combobox.focus()
    page.keyboard.press("Enter")
    page.keyboard.type("Rodari")
    # The highlighted option, not any: the list of a shorter term ("Ro": "Circolo…" first) can
    # still be showing when the option appears, and Enter takes what is highlighted.
    page.locator(
        ".select2-results__option--highlighted", has_text="Comitato Genitori Rodari"
    ).wait_for()
    assert_accessible(page)
    page.keyboard.press("Enter")
    chosen = page.locator("#id_organization option:checked")
    assert chosen.inner_text() == "Comitato Genitori Rodari"


def test_autocomplete_for_many_values_is_named_and_works_from_the_keyboard(
    admin_page, assert_accessible, network
):
    page = admin_page
    page.goto(reverse("admin:directory_zone_add"))
    label = page.locator("label[for=id_municipalities]").inner_text().rstrip(":").strip()
    # In a box for many values, the search box inside it is what takes the focus.
    search = page.get_by_role("searchbox", name=re.compile(rf"^{re.escape(label)}\b"))
    assert search.count() == 1

    search.focus()
    page.keyboard.type("Cors")
    page.locator(".select2-results__option--highlighted", has_text="Corsico").wait_for()
    assert_accessible(page)
    page.keyboard.press("Enter")
    chosen = page.locator("#id_municipalities option:checked")
    assert chosen.all_inner_texts() == ["Corsico (MI)"]
    assert_accessible(page)


def test_related_lookup_popup_passes_axe(admin_page, assert_accessible, network):
    """The list a raw-id field's magnifier opens, to pick a record."""
    page = admin_page
    page.goto(reverse("admin:sportelli_desk_change", args=[network["desk"].pk]))
    lookup = page.locator("#lookup_id_host_organization").get_attribute("href")
    # The admin's script adds _popup=1 as it opens the window.
    page.goto(f"{lookup}&_popup=1")
    assert page.locator("#result_list").count() == 1
    assert_accessible(page)


def test_change_form_with_errors_passes_axe_and_keeps_what_was_typed(
    admin_page, assert_accessible, network
):
    page = admin_page
    page.goto(reverse("admin:directory_activity_change", args=[network["activity"].pk]))
    page.fill("#id_title", "")
    page.fill("#id_opening_slots-0-opens_at", "18:00")
    page.fill("#id_opening_slots-0-closes_at", "16:00")
    page.click("input[name=_save]")
    page.wait_for_load_state("load")
    assert page.locator(".errornote").count() == 1
    assert page.input_value("#id_opening_slots-0-opens_at") == "18:00"
    assert_accessible(page)


@pytest.mark.parametrize("view", ["changelist", "change"])
def test_dark_theme_passes_axe(admin_page, assert_accessible, network, view):
    """The admin follows the system's dark theme; coordinators who use one get the same checks."""
    page = admin_page
    page.emulate_media(color_scheme="dark")
    args = [network["activity"].pk] if view == "change" else []
    page.goto(reverse(f"admin:directory_activity_{view}", args=args))
    assert_accessible(page)


def test_record_history_page_passes_axe(admin_page, assert_accessible, network):
    activity = network["activity"]
    activity.title = "Doposcuola del sabato"
    activity.save()
    admin_page.goto(reverse("admin:directory_activity_history", args=[activity.pk]))
    assert admin_page.locator("#record-history table").count() >= 1
    assert_accessible(admin_page)
    admin_page.goto(reverse("admin:auditlog_logentry_changelist") + "?user=coordinatrice")
    assert_accessible(admin_page)


def test_a_filter_typed_in_its_box_is_labelled_works_and_passes_axe(
    admin_page, assert_accessible, network
):
    # Desks are thousands at national scale: the sidebar has a box, not a link for each.
    page = admin_page
    page.goto(reverse("admin:sportelli_booking_changelist") + "?channel__exact=in_person")
    box = page.get_by_label("Nome dello sportello")
    box.fill("pagnana")
    box.press("Enter")
    page.wait_for_url(re.compile(r"desk=pagnana"))
    assert "channel__exact=in_person" in page.url
    assert page.locator("#result_list tbody tr").count() == 2
    assert page.get_by_label("Nome dello sportello").input_value() == "pagnana"
    assert_accessible(page)


def test_a_network_coordinators_add_form_asks_the_network_and_passes_axe(
    desktop_page, sign_in, assert_accessible, role_groups
):
    """Their new organization joins one of their networks (directory/admin/network_join.py)."""
    from directory.models import NetworkCoordinator
    from linkrete.accounts import roles
    from tests.factories import NetworkFactory

    user = UserFactory(username="coordinatrice-rete", is_staff=True)
    user.groups.add(role_groups[roles.COORDINATOR])
    for name in ("Rete LINK", "Rete Ticino"):
        NetworkCoordinator.objects.create(network=NetworkFactory(name=name), user=user)
    sign_in(desktop_page, user)

    assert (
        _violations(desktop_page, assert_accessible, reverse("admin:directory_organization_add"))
        is None
    )
    assert desktop_page.get_by_label("Rete a cui aderisce").count() == 1
    assert desktop_page.get_by_label("Ruolo nella rete").input_value() == "firmatario"
