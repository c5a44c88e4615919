"""Translations of an organization's profile and of its activities' texts, one language at a
time, each saved as a revision (published on approval, as any change to public data)."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from directory.models import TRANSLATION_LANGUAGES, Revision
from directory.staff.access import get_organization_for_user
from directory.staff.translation_forms import ActivityTranslationForm, OrganizationTranslationForm
from directory.staff.views.editing import _reopened, _submit


def _language_or_404(code: str) -> str:
    if code not in dict(TRANSLATION_LANGUAGES):
        raise Http404
    return code


def _rows(translations, pending_revisions, url_of) -> list[dict]:
    """Each language with what exists of it: published, waiting for review, or nothing."""
    published = {translation.language for translation in translations}
    waiting = {revision.data.get("language") for revision in pending_revisions}
    return [
        {
            "code": code,
            "name": name,
            "name_local": get_language_info(code)["name_local"],
            "published": code in published,
            "waiting": code in waiting,
            "url": url_of(code),
        }
        for code, name in TRANSLATION_LANGUAGES
    ]


def _list_page(request, organization, title, record_title, rows):
    return render(
        request,
        "staff/translation_list.html",
        {"organization": organization, "title": title, "record_title": record_title, "rows": rows},
    )


def _form_page(request, organization, form, language, italian, title, back_url):
    info = get_language_info(language)
    for field in form.fields.values():
        # What is typed is in that language: spell-checked and read aloud as such.
        field.widget.attrs.update({"lang": language, "dir": "rtl" if info["bidi"] else "ltr"})
    return render(
        request,
        "staff/translation_form.html",
        {
            "organization": organization,
            "form": form,
            "title": title,
            "language_name": info["name_local"],
            "italian": [
                (form.fields[name].label, value) for name, value in italian if name in form.fields
            ],
            "back_url": back_url,
        },
    )


def _initial(request, organization, kind, language, **target):
    reopened = _reopened(request, organization, kind, **target)
    if reopened is not None and reopened.data.get("language") != language:
        raise Http404
    return reopened.data if reopened else None


def organization_translations(request, slug):
    organization = get_organization_for_user(request.user, slug)
    pending = organization.revisions.pending().filter(kind=Revision.Kind.ORGANIZATION_TRANSLATION)
    rows = _rows(
        organization.translations.all(),
        pending,
        lambda code: reverse("staff:organization_translation", args=[slug, code]),
    )
    return _list_page(
        request, organization, _("Translations of the profile"), organization.name, rows
    )


def organization_translation(request, slug, language):
    organization = get_organization_for_user(request.user, slug)
    language = _language_or_404(language)
    kind = Revision.Kind.ORGANIZATION_TRANSLATION
    translation = organization.translations.filter(language=language).first()
    if request.method == "POST":
        form = OrganizationTranslationForm(request.POST, instance=translation)
        if form.is_valid() and _submit(request, organization, kind, form, {"language": language}):
            return redirect("staff:organization_translations", slug=slug)
    else:
        initial = _initial(request, organization, kind, language)
        form = OrganizationTranslationForm(instance=translation, initial=initial)
    italian = [(name, getattr(organization, name)) for name in form.fields]
    title = _("Profile in %(language)s") % {
        "language": get_language_info(language)["name_translated"]
    }
    back = reverse("staff:organization_translations", args=[slug])
    return _form_page(request, organization, form, language, italian, title, back)


def activity_translations(request, slug, pk):
    organization = get_organization_for_user(request.user, slug)
    activity = get_object_or_404(organization.activities, pk=pk)
    pending = organization.revisions.pending().filter(
        kind=Revision.Kind.ACTIVITY_TRANSLATION, activity=activity
    )
    rows = _rows(
        activity.translations.all(),
        pending,
        lambda code: reverse("staff:activity_translation", args=[slug, activity.pk, code]),
    )
    return _list_page(
        request, organization, _("Translations of the activity"), activity.title, rows
    )


def activity_translation(request, slug, pk, language):
    organization = get_organization_for_user(request.user, slug)
    activity = get_object_or_404(organization.activities, pk=pk)
    language = _language_or_404(language)
    kind = Revision.Kind.ACTIVITY_TRANSLATION
    translation = activity.translations.filter(language=language).first()
    if request.method == "POST":
        form = ActivityTranslationForm(request.POST, instance=translation)
        if form.is_valid() and _submit(
            request, organization, kind, form, {"language": language}, activity=activity
        ):
            return redirect("staff:activity_translations", slug=slug, pk=activity.pk)
    else:
        initial = _initial(request, organization, kind, language, activity=activity)
        form = ActivityTranslationForm(instance=translation, initial=initial)
    italian = [(name, getattr(activity, name)) for name in form.fields]
    title = _("%(title)s in %(language)s") % {
        "title": activity.title,
        "language": get_language_info(language)["name_translated"],
    }
    back = reverse("staff:activity_translations", args=[slug, activity.pk])
    return _form_page(request, organization, form, language, italian, title, back)
