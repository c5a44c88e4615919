import functools
import json
from urllib.parse import urlsplit, urlunsplit

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_bidi, get_language_info

from linkrete import dates, paging

register = template.Library()

LISTINGS_LANGUAGE = "it"  # the language organizations write their listings in

# Same escapes as Django's json_script: the JSON cannot close the <script> element.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def jsonld(data):
    """Serialize a dict for ``<script type="application/ld+json">`` (data, not code: CSP-safe)."""
    escaped = json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES)
    return mark_safe(escaped)  # nosec B308 B703 # <, > and & escaped as json_script does


@register.simple_tag
def listing_lang(record=None, field=""):
    """`` lang="it"`` on a page in another language, for an element holding a listing's text:
    listings are written in Italian, and a screen reader must read them so (WCAG 3.1.2).

    ``{% listing_lang activity "title" %}``: nothing when that text was translated into the
    page's language (``directory.translations.apply``)."""
    if (get_language() or settings.LANGUAGE_CODE).split("-")[0] == LISTINGS_LANGUAGE:
        return ""
    if field and field in getattr(record, "translated_fields", ()):
        return ""
    if get_language_bidi():
        # Italian runs left to right inside an Arabic page: its full stop at the end, not the start.
        return format_html(' lang="{}" dir="ltr"', LISTINGS_LANGUAGE)
    return format_html(' lang="{}"', LISTINGS_LANGUAGE)


@register.simple_tag
def name_lang(record, field="display_name"):
    """`` lang="en"`` (or ``"it"``) on an element holding a category's, target group's or
    language's name (``field``: ``public_name``, ``public_description``…) where the page's
    language has none and the English or Italian shows (``taxonomy_names``); nothing otherwise."""
    code = getattr(record, f"{field}_lang", "") if record is not None else ""
    return name_lang_attributes(code)


def name_lang_attributes(code: str):
    """`` lang="<code>"``, with ``dir="ltr"`` for a left-to-right language on a right-to-left
    page; nothing without a code."""
    if not code:
        return ""
    if get_language_bidi() and not get_language_info(code)["bidi"]:
        return format_html(' lang="{}" dir="ltr"', code)
    return format_html(' lang="{}"', code)


@register.simple_tag(takes_context=True)
def canonical_url(context):
    request = context.get("request")
    return request.build_absolute_uri(request.path) if request else ""


def _paths_in_languages(request) -> dict[str, str | None]:
    """{language code: this page's path in it, None where it has none}: what Django's
    ``translate_url`` gives, from the request's own match (resolved once, by the request) and
    kept on the request. ``language_alternates`` and ``language_links`` each called
    ``translate_url`` for every language, which resolves the path again each time: 18 times a
    page, several milliseconds of every page (``bench/profile_page.py``)."""
    paths = getattr(request, "_linkrete_language_paths", None)
    if paths is None:
        match = request.resolver_match
        name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
        key = (name, tuple(match.args), tuple(match.kwargs.items()))
        try:
            paths = _reversed_in_languages(*key, get_script_prefix(), get_urlconf())
        except TypeError:  # an argument that cannot be a key
            paths = _reversed_in_languages.__wrapped__(*key, None, None)
        request._linkrete_language_paths = paths
    return paths


@functools.lru_cache(maxsize=2048)
def _reversed_in_languages(name, args, kwargs, _prefix, _urlconf) -> dict[str, str | None]:
    # Kept by the process: the same page's paths in every language, reversed once (nine
    # languages, half a millisecond of every search page), by script prefix and URLconf, which
    # ``reverse`` reads. Shared: not to be changed.
    paths = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            try:
                paths[code] = reverse(name, args=args, kwargs=dict(kwargs))
            except NoReverseMatch:
                paths[code] = None
    return paths


def _in_language(request, url: str, code: str) -> str:
    """``url`` (this page's, absolute or not, with its query) in language ``code``: as
    ``translate_url(url, code)``, unchanged when the page has no path in it."""
    path = _paths_in_languages(request)[code]
    if path is None:
        return url
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, parts.fragment))


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """(language code, absolute URL of this page in that language) for hreflang links."""
    request = context.get("request")
    if request is None or getattr(request, "resolver_match", None) is None:
        return []
    url = request.build_absolute_uri(request.path)
    return [(code, _in_language(request, url, code)) for code, _name in settings.LANGUAGES]


# Open Graph wants a territory; the one each language is read in here.
OG_LOCALES = {
    "it": "it_IT",
    "en": "en_GB",
    "ar": "ar_AR",
    "sq": "sq_AL",
    "ro": "ro_RO",
    "uk": "uk_UA",
    "zh-hans": "zh_CN",
    "es": "es_ES",
    "fr": "fr_FR",
}


@register.simple_tag
def og_locale():
    return OG_LOCALES.get(get_language() or settings.LANGUAGE_CODE, OG_LOCALES["it"])


@register.simple_tag(takes_context=True)
def language_links(context):
    """The language switch's links: (code, name in that language, this page with its query in
    that language, whether it is the current one). A page no URL resolves to (a 404) links to
    the home page in each language."""
    request = context.get("request")
    current = get_language() or settings.LANGUAGE_CODE
    resolved = request is not None and getattr(request, "resolver_match", None) is not None
    links = []
    for code, _name in settings.LANGUAGES:
        if resolved:
            url = _in_language(request, request.get_full_path(), code)
        else:
            with translation.override(code):
                url = reverse("directory:home")
        links.append((code, get_language_info(code)["name_local"], url, code == current))
    return links


@register.filter
def page_numbers(page):
    """The pages ``includes/_pagination.html`` links to (``linkrete.paging.page_numbers``)."""
    return paging.page_numbers(page)


@register.filter
def weekday_date(day, year=""):
    """``{{ d|weekday_date }}``: mercoledì 2 dicembre, 星期三 12月2日; ``:"year"`` adds the year
    in the locale's order (linkrete.dates)."""
    if not day:
        return ""
    return dates.weekday_day_month(day, year=bool(year))


@register.inclusion_tag("includes/_in_italian.html")
def in_italian_note(record, *fields):
    """ "Text in Italian", in the page's language, where some of ``fields`` of ``record`` show
    the Italian for want of a translation."""
    from directory import translations

    return {"show": translations.in_italian(record, fields)}
