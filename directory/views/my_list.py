"""'My list': put activities aside without an account, print them, share them as a link."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.validators import slug_re
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from directory import my_list as session_list
from directory.cards import with_card_details
from directory.models import Activity
from linkrete.page_cache import cached_page
from linkrete.same_origin import same_origin_post


def _posted_activity(request, activities):
    """The activity named by the posted slug; 404 for anything that is not a slug (a NUL byte
    would make PostgreSQL refuse the query)."""
    slug = request.POST.get("activity", "")
    if not slug_re.fullmatch(slug):
        raise Http404
    return get_object_or_404(activities, slug=slug)


def _back(request, activity):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(activity)


@login_not_required
@same_origin_post
@require_POST
def my_list_add(request):
    activity = _posted_activity(request, Activity.objects.public())
    if session_list.add(request.session, activity.pk):
        messages.success(request, _("“%(title)s” is in your list.") % {"title": activity.title})
    elif activity.pk in session_list.activity_ids(request.session):
        messages.info(
            request, _("“%(title)s” was already in your list.") % {"title": activity.title}
        )
    else:
        messages.warning(
            request,
            _("Your list is full (%(max)s activities): remove one to add another.")
            % {"max": session_list.MAX_ITEMS},
        )
    return _back(request, activity)


@login_not_required
@same_origin_post
@require_POST
def my_list_remove(request):
    activity = _posted_activity(request, Activity.objects.all())
    if session_list.remove(request.session, activity.pk):
        messages.success(
            request, _("“%(title)s” was removed from your list.") % {"title": activity.title}
        )
    return _back(request, activity)


def _in_order(activities, key, order):
    position = {value: index for index, value in enumerate(order)}
    return sorted(activities, key=lambda a: position[getattr(a, key)])


@login_not_required
def my_list(request):
    ids = session_list.activity_ids(request.session)
    activities = []
    if ids:
        activities = _in_order(
            with_card_details(Activity.objects.public().filter(pk__in=ids).for_list()),
            "pk",
            ids,
        )
    share_url = ""
    if activities:
        share_url = request.build_absolute_uri(
            reverse("directory:my_list_shared") + "?a=" + ",".join(a.slug for a in activities)
        )
    return render(
        request,
        "directory/my_list.html",
        {"activities": activities, "share_url": share_url, "meta_title": _("My list")},
    )


@login_not_required
@cached_page("directory", open_now=True)
def my_list_shared(request):
    slugs = [s for s in request.GET.get("a", "").split(",") if slug_re.fullmatch(s)]
    slugs = slugs[: session_list.MAX_ITEMS]
    activities = []
    if slugs:
        activities = _in_order(
            with_card_details(Activity.objects.public().filter(slug__in=slugs).for_list()),
            "slug",
            slugs,
        )
    return render(
        request,
        "directory/my_list_shared.html",
        {"activities": activities, "meta_title": _("A shared list of activities")},
    )
