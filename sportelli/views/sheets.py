"""A desk's printable sheet, as a page and as a PDF (``directory.sheets``): where and when it
meets people, in the family's language with the Italian beside, and the booking link."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator

from directory.hours import OpeningHours
from directory.sheets import labels
from directory.sheets.page import render_sheet, sheet_context
from linkrete.page_cache import cached_page
from sportelli.models import Desk

ABOUT_CHARS = 400


def _desk_sheet(request, slug, *, as_pdf):
    desk = get_object_or_404(
        Desk.objects.public()
        .select_related("municipality", "host_organization", "location__municipality")
        .prefetch_related("opening_slots", "languages"),
        slug=slug,
    )
    context = sheet_context(
        request,
        title=desk.name,
        back_url=desk.get_absolute_url(),
        pdf_url=reverse("sportelli:desk_sheet_pdf", kwargs={"slug": desk.slug}),
        page_url=request.build_absolute_uri(desk.get_absolute_url()),
    )
    context.update(
        {
            "desk": desk,
            "about": Truncator(desk.description).chars(ABOUT_CHARS),
            "weekly": labels.weekly_hours(
                OpeningHours(desk.opening_slots.all()), timezone.localdate()
            ),
            "channels": [labels.both(channel.label) for channel in desk.channels],
            "languages": list(desk.languages.all()),
            "booking_url": request.build_absolute_uri(
                reverse("sportelli:booking_channel", kwargs={"slug": desk.slug})
            ),
        }
    )
    return render_sheet(
        request,
        "sheets/desk.html",
        context,
        as_pdf=as_pdf,
        name=f"desk:{desk.pk}",
        scopes=("directory", "desks"),
    )


@login_not_required
@cached_page("directory", "desks")
def desk_sheet(request, slug):
    return _desk_sheet(request, slug, as_pdf=False)


@login_not_required
def desk_sheet_pdf(request, slug):
    return _desk_sheet(request, slug, as_pdf=True)
