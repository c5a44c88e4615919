"""Nine interface languages: each page says its language and direction, the switch names each
language in its own words and keeps the page, Arabic gets the right-to-left stylesheet, and the
staff pages (out of the new catalogues' scope) stay in Italian."""

import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db

CODES = [code for code, _name in settings.LANGUAGES]
OWN_NAMES = {
    "it": "Italiano",
    "en": "English",
    "ar": "العربيّة",
    "sq": "Shqip",
    "ro": "Română",
    "uk": "Українська",
    "zh-hans": "简体中文",
    "es": "Español",
    "fr": "Français",
}
RTL_CSS = "bootstrap-italia.rtl.min.css"


def url(name, language, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def test_the_nine_languages_in_their_order():
    assert CODES == ["it", "en", "ar", "sq", "ro", "uk", "zh-hans", "es", "fr"]


@pytest.mark.parametrize("code", CODES)
def test_each_language_has_its_lang_and_dir(client, code):
    response = client.get(url("directory:home", code))
    assert response.status_code == 200
    content = response.content.decode()
    direction = "rtl" if code == "ar" else "ltr"
    assert f'<html lang="{code}" dir="{direction}">' in content
    assert (RTL_CSS in content) is (code == "ar")
    assert ("bootstrap-italia.min.css" in content) is (code != "ar")
    assert response["Content-Language"] == code


def test_the_switch_names_each_language_in_its_own_words_and_keeps_the_page(client):
    activity = ActivityFactory(slug="doposcuola")
    path = url("directory:search", "en") + "?q=compiti&page=2"
    content = client.get(path).content.decode()
    switch = content[content.index("linkrete-language-menu") : content.index("</details>")]
    for code in CODES:
        target = url("directory:search", code) + "?q=compiti&amp;page=2"
        link = f'<a href="{target}" lang="{code}" hreflang="{code}"'
        assert link in switch, code
        assert re.search(re.escape(link) + r"[^>]*>" + OWN_NAMES[code] + "</a>", switch), code
    assert '<span lang="en">English</span>' in switch
    assert 'hreflang="en" aria-current="true"' in switch
    detail = client.get(url("directory:activity_detail", "ar", slug=activity.slug))
    assert f'href="/zh-hans/attivita/{activity.slug}/" lang="zh-hans"' in detail.content.decode()


def test_a_staff_page_asked_for_in_arabic_is_in_italian(client):
    response = client.get("/ar" + url("login", "it"))
    assert response.status_code == 200
    content = response.content.decode()
    assert '<html lang="it" dir="ltr">' in content
    assert RTL_CSS not in content
    english = client.get(url("login", "en")).content.decode()
    assert '<html lang="en" dir="ltr">' in english


def test_public_pages_of_the_booking_keep_the_language(client, desk):
    content = client.get(url("sportelli:desk_detail", "uk", slug=desk.slug)).content.decode()
    assert '<html lang="uk" dir="ltr">' in content


def test_listings_italian_runs_left_to_right_on_an_arabic_page(client):
    activity = ActivityFactory(slug="doposcuola", summary="Compiti e merenda.")
    arabic = client.get(url("directory:activity_detail", "ar", slug=activity.slug))
    assert re.search(r'lang="it" dir="ltr"[^>]*>\s*Compiti e merenda\.', arabic.content.decode())
    english = client.get(url("directory:activity_detail", "en", slug=activity.slug))
    assert 'lang="it" dir="ltr"' not in english.content.decode()
    assert '<meta property="og:locale" content="ar_AR">' in arabic.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/cerca/?q=compiti&pagina=2",
        "/en/cerca/?q=homework",
        "/ar/attivita/doposcuola/",
        "/enti/nessuno/",  # a 404 of a page that resolves
        "/cerca/luogo/nomi/?q=mil",
    ],
)
def test_the_language_links_are_what_translate_url_gives(rf, path):
    """The switch and the hreflang links reverse the page's own match once per language
    (``site_tags._paths_in_languages``) instead of resolving it again for each: the same URLs
    Django's ``translate_url`` gives."""
    from django.urls import resolve, translate_url

    from directory.templatetags import site_tags

    request = rf.get(path)
    # As LocaleMiddleware does: the path's language active while it is resolved.
    with translation.override(translation.get_language_from_path(path) or "it"):
        request.resolver_match = resolve(request.path)
        absolute = request.build_absolute_uri(request.path)
        full = request.get_full_path()
        for code in CODES:
            assert site_tags._in_language(request, full, code) == translate_url(full, code)
            assert site_tags._in_language(request, absolute, code) == translate_url(absolute, code)
