from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_page
from django.views.i18n import set_language

from directory.sitemaps import SITEMAPS as DIRECTORY_SITEMAPS
from linkrete import health, metrics
from linkrete.accounts import views as account_views
from linkrete.accounts.forms import AdminLoginForm
from linkrete.pages import PagesSitemap
from linkrete.same_origin import same_origin_post
from sportelli.sitemaps import SITEMAPS as DESK_SITEMAPS

admin.site.site_header = _("Linkrete coordination")
admin.site.site_title = _("Linkrete")
admin.site.index_title = _("Network coordination")
admin.site.login_form = AdminLoginForm

# Pages of errors that need no database (linkrete/error_pages.py).
handler400 = "linkrete.error_pages.bad_request"
handler403 = "linkrete.error_pages.permission_denied"
handler404 = "linkrete.error_pages.page_not_found"
handler500 = "linkrete.error_pages.server_error"

SITEMAP_CACHE_SECONDS = 60 * 60
SITEMAPS = DIRECTORY_SITEMAPS | DESK_SITEMAPS | {"site_pages": PagesSitemap}

urlpatterns = [
    # No CSRF token: the language form is on every page, cached ones too (linkrete.same_origin).
    path(
        "i18n/setlang/",
        login_not_required(same_origin_post(set_language)),
        name="set_language",
    ),
    # The index of the sections' files; each file holds at most ``Bilingual.limit`` URLs. Both
    # are kept an hour in the shared cache: crawlers come back, the directory changes slowly,
    # and counting a national-scale section takes seconds.
    path(
        "sitemap.xml",
        login_not_required(cache_page(SITEMAP_CACHE_SECONDS)(sitemap_views.index)),
        {"sitemaps": SITEMAPS},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        login_not_required(cache_page(SITEMAP_CACHE_SECONDS)(sitemap_views.sitemap)),
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    # Probes and metrics for the machines that run the site (linkrete/health.py,
    # linkrete/metrics.py): no language, no session.
    path("healthz", login_not_required(health.healthz), name="healthz"),
    path("readyz", login_not_required(health.readyz), name="readyz"),
    path("metrics", login_not_required(metrics.metrics), name="metrics"),
    # Machines' URLs, the same in every language (the documents are in Italian).
    path("api/hsds/", include("directory.hsds.api.urls")),
]

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path(
        "accesso/",
        login_not_required(account_views.SignInView.as_view()),
        name="login",
    ),
    path("accesso/secondo-fattore/", include("linkrete.accounts.second_factor.urls")),
    path("esci/", auth_views.LogoutView.as_view(), name="logout"),
    path("benvenuto/", account_views.landing, name="landing"),
    path("area-enti/", include("directory.staff.urls")),
    path("sportelli/", include("sportelli.urls")),
    path("famiglie/", include("famiglie.urls")),
    path("", include("linkrete.pages_urls")),
    path("", include("directory.urls")),
    prefix_default_language=False,
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
