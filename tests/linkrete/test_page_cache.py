"""The page cache of the public pages (linkrete/page_cache.py): what is served from it, to whom,
how it is invalidated, and what it says in HTTP."""

import datetime
import gzip

import pytest
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.template import RequestContext, Template
from django.test import Client
from django.urls import path, reverse

from directory import home, tasks
from directory.models import Activity, Revision, SearchRefresh
from directory.search import rebuild_search_index
from linkrete import page_cache
from tests.directory.staff.test_revisions import profile_data
from tests.factories import (
    ActivityFactory,
    BookingFactory,
    DeskExceptionFactory,
    DeskFactory,
    OpeningSlotFactory,
    OrganizationFactory,
    VolunteeringCallFactory,
    category,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]


@pytest.fixture
def activity(organization):
    return ActivityFactory(organization=organization, title="Doposcuola", slug="doposcuola")


@pytest.fixture
def visitor():
    """An anonymous browser with no cookie: the one the cache serves."""
    return Client()


def _state(response):
    return response.get("X-Page-Cache")


def _cached_urls(activity):
    desk = DeskFactory(host_organization=activity.organization)
    return [
        reverse("directory:home"),
        reverse("directory:search") + "?q=doposcuola",
        activity.get_absolute_url(),
        activity.organization.get_absolute_url(),
        reverse("directory:my_list_shared") + f"?a={activity.slug}",
        reverse("directory:call_list"),
        reverse("directory:place_search") + "?dove=Comune",
        reverse("sportelli:desk_list"),
        desk.get_absolute_url(),
        reverse("pages:privacy"),
        reverse("pages:site_map"),
    ]


def test_every_cached_page_is_served_again_without_a_query(
    visitor, activity, django_assert_num_queries
):
    VolunteeringCallFactory(organization=activity.organization)
    for url in _cached_urls(activity):
        first = visitor.get(url)
        assert (first.status_code, _state(first)) == (200, "miss"), url
        with django_assert_num_queries(0):
            second = visitor.get(url)
        assert _state(second) == "hit", url
        assert second.content == first.content


def test_no_cookie_nor_token_is_kept_in_a_cached_page(visitor, activity):
    for url in _cached_urls(activity):
        for response in (visitor.get(url), visitor.get(url)):
            body = (
                gzip.decompress(response.content)
                if response.has_header("Content-Encoding")
                else response.content
            )
            assert not response.cookies, url
            assert b"csrfmiddlewaretoken" not in body, url
    assert not visitor.cookies


def test_each_language_has_its_own_copy(visitor, activity):
    italian = visitor.get("/attivita/doposcuola/")
    english = visitor.get("/en/attivita/doposcuola/")
    assert _state(english) == "miss"
    assert '<html lang="en" dir="ltr">' in english.content.decode()
    assert '<html lang="it" dir="ltr">' in italian.content.decode()
    assert _state(visitor.get("/en/attivita/doposcuola/")) == "hit"
    assert _state(visitor.get("/attivita/doposcuola/")) == "hit"


def test_the_order_of_the_parameters_does_not_matter(visitor, activity):
    url = reverse("directory:search")
    assert _state(visitor.get(url + "?q=doposcuola&fascia=6-10")) == "miss"
    assert _state(visitor.get(url + "?fascia=6-10&q=doposcuola")) == "hit"
    assert _state(visitor.get(url + "?q=doposcuola")) == "miss"


def test_signed_in_users_are_served_by_the_view(client, staff, activity):
    client.force_login(staff)
    client.get(activity.get_absolute_url())
    response = client.get(activity.get_absolute_url())
    assert _state(response) == "bypass"
    assert "private" in response["Cache-Control"]


def test_a_visitor_with_a_list_sees_their_own_page(visitor, activity):
    assert _state(visitor.get(activity.get_absolute_url())) == "miss"
    visitor.post(reverse("directory:my_list_add"), {"activity": activity.slug})
    # The session and the flash message come with cookies: both bypass the cache.
    response = visitor.get(activity.get_absolute_url())
    assert _state(response) == "bypass"
    assert reverse("directory:my_list_remove") in response.content.decode()
    assert "private" in response["Cache-Control"]
    # Someone else still gets the shared copy, with no trace of that list.
    other = Client().get(activity.get_absolute_url())
    assert _state(other) == "hit"
    assert reverse("directory:my_list_remove") not in other.content.decode()


def test_a_flash_message_bypasses_the_cache(visitor, activity):
    visitor.cookies["messages"] = "anything"
    assert _state(visitor.get(activity.get_absolute_url())) == "bypass"


def test_posts_and_pages_not_opted_in_are_never_cached(visitor, activity):
    report = reverse("directory:activity_report_problem", args=[activity.slug])
    assert _state(visitor.post(report, {"problems": ["hours"]})) is None
    call = VolunteeringCallFactory(organization=activity.organization)
    for url in (call.get_absolute_url(), reverse("directory:my_list"), reverse("login")):
        visitor.get(url)
        assert _state(visitor.get(url)) is None, url


def test_a_page_that_is_not_found_is_not_kept(visitor):
    assert visitor.get("/attivita/nessuna/").status_code == 404
    OrganizationFactory()  # any change: the 404 would have been dropped anyway
    assert _state(visitor.get(reverse("directory:home"))) == "miss"


# Invalidation -------------------------------------------------------------------------------


def test_an_approved_staff_change_is_visible_on_the_next_request(
    client, visitor, staff, coordinator, organization, django_capture_on_commit_callbacks
):
    url = organization.get_absolute_url()
    visitor.get(url)
    client.force_login(staff)
    client.post(
        reverse("staff:organization_edit", args=[organization.slug]),
        profile_data(organization, description="Una descrizione approvata."),
    )
    # Waiting for review: the public copy stays (and is still served from the cache).
    pending = visitor.get(url)
    assert _state(pending) == "hit"
    assert "Una descrizione approvata." not in pending.content.decode()

    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        client.post(reverse("staff:review_approve", args=[Revision.objects.get().pk]))
    assert callbacks
    approved = visitor.get(url)
    assert _state(approved) == "miss"
    assert "Una descrizione approvata." in approved.content.decode()


def test_the_home_page_is_renewed_when_the_worker_stores_new_figures(visitor, organization):
    home.store_figures()
    before = home.figures()["activity_count"]
    url = reverse("directory:home")
    ActivityFactory(organization=organization)
    # Until the worker recomputes, the home shows the figures stored before, from the cache too.
    assert visitor.get(url).context["activity_count"] == before
    assert _state(visitor.get(url)) == "hit"

    home.store_figures()

    renewed = visitor.get(url)
    assert _state(renewed) == "miss"
    assert renewed.context["activity_count"] == before + 1


def test_a_background_search_refresh_renews_the_cached_results_when_it_ends(visitor, activity):
    """The refresh writes the documents with update(), which sends no signal."""
    rebuild_search_index()
    url = reverse("directory:search") + "?q=chitarra"
    assert "Doposcuola" not in visitor.get(url).content.decode()
    Activity.objects.filter(pk=activity.pk).update(title="Doposcuola e chitarra")
    assert "Doposcuola" not in visitor.get(url).content.decode()  # still the cached copy
    refresh = SearchRefresh.objects.create(
        scope=SearchRefresh.Scope.ORGANIZATION, object_ids=[activity.organization_id], label="x"
    )

    tasks.refresh_search.call(refresh.pk)

    renewed = visitor.get(url)
    assert _state(renewed) == "miss"
    assert "Doposcuola e chitarra" in renewed.content.decode()


@pytest.mark.parametrize(
    "change",
    [
        "save",
        "delete",
        "categories",
        "hours",
        "organization",
    ],
)
def test_each_kind_of_change_is_visible_on_the_next_request(
    visitor, activity, change, django_capture_on_commit_callbacks
):
    url = activity.get_absolute_url()
    visitor.get(url)
    assert _state(visitor.get(url)) == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        if change == "save":
            activity.title = "Doposcuola del martedì"
            activity.save()
        elif change == "delete":
            activity.delete()
        elif change == "categories":
            activity.categories.add(category("sport"))
        elif change == "hours":
            OpeningSlotFactory(
                activity=activity, opens_at=datetime.time(16, 30), closes_at=datetime.time(18)
            )
        elif change == "organization":
            activity.organization.name = "Oratorio San Luigi Gonzaga"
            activity.organization.save()
    response = visitor.get(url)
    if change == "delete":
        assert response.status_code == 404
        return
    assert _state(response) == "miss"
    expected = {
        "save": "Doposcuola del martedì",
        "categories": "Sport",
        "hours": "16:30",
        "organization": "Oratorio San Luigi Gonzaga",
    }[change]
    assert expected in response.content.decode()


def test_a_desk_closure_and_a_booking_renew_the_desk_pages(visitor, organization):
    desk = DeskFactory(host_organization=organization)
    url = desk.get_absolute_url()
    visitor.get(url)
    assert _state(visitor.get(url)) == "hit"
    DeskExceptionFactory(desk=desk, date=datetime.date(2026, 12, 8), reason="Immacolata")
    response = visitor.get(url)
    assert _state(response) == "miss" and "Immacolata" in response.content.decode()
    assert _state(visitor.get(url)) == "hit"
    BookingFactory(desk=desk)
    assert _state(visitor.get(url)) == "miss"


def test_a_desk_change_leaves_the_directory_pages_cached(visitor, activity):
    desk = DeskFactory(host_organization=activity.organization)
    url = activity.get_absolute_url()
    visitor.get(url)
    BookingFactory(desk=desk)
    assert _state(visitor.get(url)) == "hit"


def test_open_now_pages_last_five_minutes_and_the_others_up_to_a_day(
    visitor, activity, time_machine
):
    OpeningSlotFactory(activity=activity, weekday=3, opens_at=datetime.time(10, 5))
    home, detail = reverse("directory:call_list"), activity.get_absolute_url()
    visitor.get(home)
    before = visitor.get(detail).content.decode()
    assert "linkrete-badge-closed" in before and "badge bg-success" not in before
    time_machine.shift(datetime.timedelta(minutes=4))
    assert _state(visitor.get(detail)) == "hit"
    time_machine.shift(datetime.timedelta(minutes=1))  # 10:05, the slot opens
    opened = visitor.get(detail)
    assert _state(opened) == "miss"
    assert "badge bg-success" in opened.content.decode()
    assert _state(visitor.get(home)) == "hit"
    time_machine.shift(datetime.timedelta(days=1))
    assert _state(visitor.get(home)) == "miss"


def test_forget_all_renews_every_page(visitor, activity):
    visitor.get(reverse("pages:privacy"))
    visitor.get(activity.get_absolute_url())
    page_cache.forget_all()
    assert _state(visitor.get(activity.get_absolute_url())) == "miss"
    # The site's own pages read no data: only their lifetime and the day renew them.
    assert _state(visitor.get(reverse("pages:privacy"))) == "hit"


def test_a_lost_generation_token_only_causes_misses(visitor, activity):
    url = activity.get_absolute_url()
    visitor.get(url)
    page_cache._cache().delete(page_cache.GENERATION_KEY + "directory")
    assert _state(visitor.get(url)) == "miss"
    assert _state(visitor.get(url)) == "hit"


def test_the_cache_can_be_switched_off(visitor, activity, settings):
    settings.LINKRETE_PAGE_CACHE = False
    visitor.get(activity.get_absolute_url())
    assert _state(visitor.get(activity.get_absolute_url())) == "bypass"


# HTTP ---------------------------------------------------------------------------------------


def test_headers_of_a_cached_page(visitor, activity):
    for response in (
        visitor.get(activity.get_absolute_url()),
        visitor.get(activity.get_absolute_url()),
    ):
        assert response["Cache-Control"] == "no-cache"
        assert response["ETag"].startswith('W/"')
        assert response.has_header("Last-Modified")
        vary = {v.strip() for v in response["Vary"].split(",")}
        assert {"Cookie", "Accept-Encoding"} <= vary
        assert response.has_header("Content-Security-Policy")


def test_a_matching_etag_answers_304_without_a_query(visitor, activity, django_assert_num_queries):
    url = activity.get_absolute_url()
    etag = visitor.get(url)["ETag"]
    with django_assert_num_queries(0):
        response = visitor.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert visitor.get(url, HTTP_IF_NONE_MATCH='W/"other"').status_code == 200
    activity.title = "Doposcuola nuovo"
    activity.save()
    assert visitor.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_gzip_for_the_clients_that_accept_it(visitor, activity):
    url = activity.get_absolute_url()
    plain = visitor.get(url)
    assert not plain.has_header("Content-Encoding")
    for _ in range(2):
        packed = visitor.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
        assert packed["Content-Encoding"] == "gzip"
        assert gzip.decompress(packed.content) == plain.content
        assert int(packed["Content-Length"]) == len(packed.content) < len(plain.content) / 3


def test_head_is_served_from_the_cache(visitor, activity):
    visitor.get(activity.get_absolute_url())
    assert _state(visitor.head(activity.get_absolute_url())) == "hit"


# What a view does to one visitor is never kept ---------------------------------------------


@login_not_required
@page_cache.cached_page()
def _token_view(request):
    return HttpResponse(Template("<form>{% csrf_token %}</form>").render(RequestContext(request)))


@login_not_required
@page_cache.cached_page()
def _message_view(request):
    messages.info(request, "Saved")
    return HttpResponse("ok")


@login_not_required
@page_cache.cached_page()
def _session_view(request):
    request.session["seen"] = True
    return HttpResponse("ok")


urlpatterns = [
    path("token/", _token_view),
    path("message/", _message_view),
    path("session/", _session_view),
]


@pytest.mark.urls(__name__)
@pytest.mark.parametrize("url", ["/token/", "/message/", "/session/"])
def test_a_response_made_for_one_visitor_is_not_kept(url):
    for _ in range(2):
        assert _state(Client().get(url)) == "bypass"


def test_a_page_varying_on_a_cookie_keeps_one_copy_per_value(activity):
    """``vary_cookie`` (the search's remembered municipality, ``directory.home_place``)."""
    from directory.home_place import COOKIE
    from tests.factories import MunicipalityFactory

    MunicipalityFactory()
    MunicipalityFactory(istat_code="048014", name="Empoli")
    url = reverse("directory:search") + "?q=doposcuola"

    def visitor_of(code):
        client = Client()
        if code:
            client.cookies[COOKIE] = code
        return client

    assert _state(visitor_of("015036").get(url)) == "miss"
    assert _state(visitor_of("048014").get(url)) == "miss"
    assert _state(visitor_of(None).get(url)) == "miss"
    for code in ("015036", "048014", None):
        assert _state(visitor_of(code).get(url)) == "hit"
