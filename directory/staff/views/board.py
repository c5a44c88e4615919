"""Needs and offers between organizations: network-only, for signed-in staff."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from directory.models import BoardPost
from directory.staff import services
from directory.staff.access import organizations_for_user, require_network_member
from directory.staff.forms import BoardAnswerForm, BoardFilterForm, BoardPostForm
from linkrete.accounts.roles import is_coordinator
from linkrete.paging import page_of


def board(request):
    require_network_member(request.user)
    filters = BoardFilterForm(request.GET or None)
    posts = BoardPost.objects.open().for_list()
    if filters.is_valid():
        if filters.cleaned_data["kind"]:
            posts = posts.filter(kind=filters.cleaned_data["kind"])
        if filters.cleaned_data["category"]:
            posts = posts.filter(category=filters.cleaned_data["category"])
        if filters.cleaned_data["municipality"]:
            posts = posts.filter(municipality=filters.cleaned_data["municipality"])
    # The newest first, a page at a time; the filters stay in the pager's links.
    posts = page_of(request, posts.order_by("-created_at", "-pk"))
    return render(request, "staff/board.html", {"posts": posts, "filters": filters})


def board_post_new(request):
    require_network_member(request.user)
    form = BoardPostForm(
        request.POST or None,
        organizations=organizations_for_user(request.user),
        typed_organization=is_coordinator(request.user),
    )
    form.instance.author = request.user
    if request.method == "POST" and form.is_valid():
        post = form.save()
        messages.success(request, _("Posted on the board."))
        return redirect("staff:board_post", pk=post.pk)
    return render(request, "staff/edit_form.html", {"form": form, "title": _("New post")})


def board_post(request, pk):
    require_network_member(request.user)
    post = get_object_or_404(BoardPost.objects.for_list(), pk=pk)
    mine = organizations_for_user(request.user)
    is_author = mine.filter(pk=post.organization_id).exists()
    form = BoardAnswerForm(
        request.POST or None,
        organizations=mine.exclude(pk=post.organization_id),
        typed_organization=is_coordinator(request.user),
    )
    form.instance.post = post
    form.instance.author = request.user
    if request.method == "POST":
        if not post.is_open:
            raise Http404
        if form.is_valid():
            form.save()
            messages.success(request, _("Answer sent."))
            return redirect("staff:board_post", pk=post.pk)
    return render(
        request,
        "staff/board_post.html",
        {
            "post": post,
            "form": form,
            "is_author": is_author,
            # Only the author's organization reads every answer; others see their own.
            "answers": post.answers.select_related("organization")
            if is_author
            else post.answers.select_related("organization").filter(organization__in=mine),
        },
    )


@require_POST
def board_post_close(request, pk):
    post = get_object_or_404(
        BoardPost, pk=pk, organization__in=organizations_for_user(request.user)
    )
    services.board_post_close(post=post)
    messages.success(request, _("Post closed."))
    return redirect("staff:board")
