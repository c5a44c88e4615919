from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.i18n import set_language

from directory.sitemaps import SITEMAPS as DIRECTORY_SITEMAPS
from linkrete.accounts import views as account_views
from linkrete.accounts.forms import AdminLoginForm, LoginForm
from linkrete.pages import PagesSitemap
from sportelli.sitemaps import SITEMAPS as DESK_SITEMAPS

admin.site.site_header = _("Linkrete coordination")
admin.site.site_title = _("Linkrete")
admin.site.index_title = _("Network coordination")
admin.site.login_form = AdminLoginForm

urlpatterns = [
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path(
        "sitemap.xml",
        login_not_required(sitemap),
        {"sitemaps": DIRECTORY_SITEMAPS | DESK_SITEMAPS | {"site_pages": PagesSitemap}},
        name="django.contrib.sitemaps.views.sitemap",
    ),
]

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path(
        "accesso/",
        login_not_required(auth_views.LoginView.as_view(authentication_form=LoginForm)),
        name="login",
    ),
    path("esci/", auth_views.LogoutView.as_view(), name="logout"),
    path("benvenuto/", account_views.landing, name="landing"),
    path("area-enti/", include("directory.staff.urls")),
    path("sportelli/", include("sportelli.urls")),
    path("", include("linkrete.pages_urls")),
    path("", include("directory.urls")),
    prefix_default_language=False,
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
