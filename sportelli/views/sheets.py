"""A desk's printable sheet, as a page and as a PDF (``directory.sheets``): where and when it
meets people, in the family's language with the Italian beside, and the booking link."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator

from directory import translations
from directory.hours import OpeningHours
from directory.sheets import labels
from directory.sheets.page import render_sheet, sheet_context
from linkrete.page_cache import cached_page
from sportelli.models import Desk

ABOUT_CHARS = 400
# The Italian beside a translated description: a reminder for the operator, the sheet is small.
ITALIAN_ABOUT_CHARS = 200


def _desk_sheet(request, slug, *, as_pdf):
    # Its texts in the family's language where translated, read with it (one LEFT JOIN).
    desks = translations.with_translation(Desk.objects.public(), translations.DESK_FIELDS)
    desk = get_object_or_404(
        desks.select_related(
            "municipality", "host_organization", "location__municipality"
        ).prefetch_related("opening_slots", "languages"),
        slug=slug,
    )
    italian_about = desk.description
    translations.apply(desk, translations.DESK_FIELDS)
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
            # A translated description keeps the Italian beside it, for the operator.
            "italian_about": (
                Truncator(italian_about).chars(ITALIAN_ABOUT_CHARS)
                if "description" in desk.translated_fields
                else ""
            ),
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
