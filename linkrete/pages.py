"""The site's own pages: accessibility statement, privacy notice, legal notes, contacts, open
data and the HTML site map (``/sitemap.xml`` stays for search engines).

What they say about the owner, the contacts and the retention periods comes from settings, so
the pages never drift from what the site does.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.contrib.sitemaps import Sitemap
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.dateparse import parse_date
from django.views.decorators.http import require_safe

from directory import home_place
from directory.hsds import dump
from directory.hsds.api.params import MAX_PER_PAGE
from linkrete.page_cache import cached_page

# AgID's page on the "procedura di attuazione": where people turn when the site's owner does
# not answer an accessibility report, or answers badly (Legge 4/2004, art. 3-quinquies).
AGID_ENFORCEMENT_URL = (
    "https://www.agid.gov.it/it/design-servizi/accessibilita/procedura-attuazione"
)
AGID_GUIDELINES_URL = "https://www.agid.gov.it/it/design-servizi/accessibilita"
GARANTE_URL = "https://www.garanteprivacy.it/"
AGPL_URL = "https://www.gnu.org/licenses/agpl-3.0.html"


@dataclass(frozen=True)
class Owner:
    name: str
    address: str
    email: str
    pec: str
    phone: str
    website: str
    privacy_email: str
    dpo_email: str
    accessibility_email: str


def site_owner() -> Owner:
    return Owner(
        name=settings.LINKRETE_SITE_OWNER_NAME,
        address=settings.LINKRETE_SITE_OWNER_ADDRESS,
        email=settings.LINKRETE_SITE_OWNER_EMAIL,
        pec=settings.LINKRETE_SITE_OWNER_PEC,
        phone=settings.LINKRETE_SITE_OWNER_PHONE,
        website=settings.LINKRETE_SITE_OWNER_WEBSITE,
        privacy_email=settings.LINKRETE_PRIVACY_CONTACT_EMAIL,
        dpo_email=settings.LINKRETE_DPO_EMAIL,
        accessibility_email=settings.LINKRETE_ACCESSIBILITY_CONTACT_EMAIL,
    )


def _statement_date() -> datetime.date | None:
    try:
        return parse_date(settings.LINKRETE_ACCESSIBILITY_STATEMENT_DATE)
    except ValueError:
        return None


@login_not_required
@require_safe
@cached_page()
def accessibility(request):
    return render(
        request,
        "pages/accessibility.html",
        {
            "owner": site_owner(),
            "statement_date": _statement_date(),
            "statement_url": settings.LINKRETE_ACCESSIBILITY_STATEMENT_URL,
            "enforcement_url": AGID_ENFORCEMENT_URL,
            "guidelines_url": AGID_GUIDELINES_URL,
        },
    )


@login_not_required
@require_safe
@cached_page()
def privacy(request):
    return render(
        request,
        "pages/privacy.html",
        {
            "owner": site_owner(),
            "booking_days": settings.LINKRETE_BOOKING_RETENTION_DAYS,
            "referral_days": settings.LINKRETE_REFERRAL_RETENTION_DAYS,
            "event_signup_days": settings.LINKRETE_EVENT_SIGNUP_RETENTION_DAYS,
            "session_hours": settings.SESSION_COOKIE_AGE // 3600,
            "home_place_days": home_place.MAX_AGE_DAYS,
            "garante_url": GARANTE_URL,
        },
    )


@login_not_required
@require_safe
@cached_page()
def legal(request):
    return render(
        request,
        "pages/legal.html",
        {
            "owner": site_owner(),
            "agpl_url": AGPL_URL,
            "content_license": settings.LINKRETE_CONTENT_LICENSE,
            "content_license_url": settings.LINKRETE_CONTENT_LICENSE_URL,
        },
    )


@login_not_required
@require_safe
@cached_page()
def contacts(request):
    return render(request, "pages/contacts.html", {"owner": site_owner()})


@login_not_required
@require_safe
@cached_page()
def open_data(request):
    return render(
        request,
        "pages/open_data.html",
        {
            "dump": dump.manifest(),
            "api_page_url": reverse("pages:open_data_api"),
            "content_license": settings.LINKRETE_CONTENT_LICENSE,
            "content_license_url": settings.LINKRETE_CONTENT_LICENSE_URL,
        },
    )


@login_not_required
@require_safe
@cached_page()
def open_data_api(request):
    """What the HSDA read API (``directory.hsds.api``) serves, for the people who use it."""
    return render(
        request,
        "pages/open_data_api.html",
        {
            "api_root": request.build_absolute_uri(reverse("hsda:root")),
            "rate_limit": settings.LINKRETE_API_RATE_LIMIT,
            "max_per_page": MAX_PER_PAGE,
            "open_data_url": reverse("pages:open_data") + "#scarica",
            "content_license": settings.LINKRETE_CONTENT_LICENSE,
            "content_license_url": settings.LINKRETE_CONTENT_LICENSE_URL,
        },
    )


@login_not_required
@require_safe
def open_data_dump(request):
    """The published dump (``publish_hsds``), with its date for conditional requests."""
    try:
        handle = open(dump.dump_path(), "rb")  # noqa: SIM115 (FileResponse closes it)
    except OSError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=dump.DUMP_NAME)


@login_not_required
@require_safe
@cached_page()
def site_map(request):
    return render(request, "pages/site_map.html")


class PagesSitemap(Sitemap):
    """The site's own pages, for search engines (``/sitemap.xml``)."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"
    priority = 0.3

    def items(self):
        return [
            "pages:accessibility",
            "pages:privacy",
            "pages:legal",
            "pages:contacts",
            "pages:site_map",
            "pages:open_data",
            "pages:open_data_api",
        ]

    def location(self, item):
        return reverse(item)
