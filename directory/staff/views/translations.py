"""Translations of an organization's profile, of its activities', desks' and volunteering calls'
texts, one language at a time, each saved as a revision (published on approval, as any change
to public data)."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from directory.models import TRANSLATION_LANGUAGES, Revision
from directory.staff.access import get_organization_for_user
from directory.staff.translation_forms import (
    ActivityTranslationForm,
    DeskTranslationForm,
    OrganizationTranslationForm,
    VolunteeringCallTranslationForm,
)
from directory.staff.views.editing import _reopened, _submit
from sportelli.access import get_desk_for_translator


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


def _list_page(
    request, organization, record, kind, title, record_title, url_name, url_args, **pending
):
    """Every language of ``record``'s translations, each linked to its form (``url_name`` with
    ``url_args`` and the language); ``pending`` picks the record's revisions waiting for review."""
    waiting = organization.revisions.pending().filter(kind=kind, **pending)
    rows = _rows(
        record.translations.all(),
        waiting,
        lambda code: reverse(url_name, args=[*url_args, code]),
    )
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


def _translation_page(
    request,
    organization,
    record,
    language,
    title,
    back,
    kind,
    form_class,
    *,
    carried=None,
    reopened_by=None,
    **target,
):
    """The form of ``record``'s translation into ``language``: the published one, or the
    revision reopened (found by ``reopened_by``); posted, a revision of ``kind`` with the language
    and ``carried`` in its data and ``target`` as its link, then back to the list."""
    translation = record.translations.filter(language=language).first()
    if request.method == "POST":
        form = form_class(request.POST, instance=translation)
        data = {"language": language, **(carried or {})}
        if form.is_valid() and _submit(request, organization, kind, form, data, **target):
            return redirect(back)
    else:
        initial = _initial(request, organization, kind, language, **(reopened_by or target))
        form = form_class(instance=translation, initial=initial)
    italian = [(name, getattr(record, name)) for name in form.fields]
    return _form_page(request, organization, form, language, italian, title, back)


def _record_title(record_title, language):
    return _("%(title)s in %(language)s") % {
        "title": record_title,
        "language": get_language_info(language)["name_translated"],
    }


def organization_translations(request, slug):
    organization = get_organization_for_user(request.user, slug)
    return _list_page(
        request,
        organization,
        organization,
        Revision.Kind.ORGANIZATION_TRANSLATION,
        _("Translations of the profile"),
        organization.name,
        "staff:organization_translation",
        [slug],
    )


def organization_translation(request, slug, language):
    organization = get_organization_for_user(request.user, slug)
    language = _language_or_404(language)
    title = _("Profile in %(language)s") % {
        "language": get_language_info(language)["name_translated"]
    }
    back = reverse("staff:organization_translations", args=[slug])
    return _translation_page(
        request,
        organization,
        organization,
        language,
        title,
        back,
        Revision.Kind.ORGANIZATION_TRANSLATION,
        OrganizationTranslationForm,
    )


def activity_translations(request, slug, pk):
    organization = get_organization_for_user(request.user, slug)
    activity = get_object_or_404(organization.activities, pk=pk)
    return _list_page(
        request,
        organization,
        activity,
        Revision.Kind.ACTIVITY_TRANSLATION,
        _("Translations of the activity"),
        activity.title,
        "staff:activity_translation",
        [slug, activity.pk],
        activity=activity,
    )


def activity_translation(request, slug, pk, language):
    organization = get_organization_for_user(request.user, slug)
    activity = get_object_or_404(organization.activities, pk=pk)
    language = _language_or_404(language)
    back = reverse("staff:activity_translations", args=[slug, activity.pk])
    return _translation_page(
        request,
        organization,
        activity,
        language,
        _record_title(activity.title, language),
        back,
        Revision.Kind.ACTIVITY_TRANSLATION,
        ActivityTranslationForm,
        activity=activity,
    )


def call_translations(request, slug, pk):
    organization = get_organization_for_user(request.user, slug)
    call = get_object_or_404(organization.volunteering_calls, pk=pk)
    return _list_page(
        request,
        organization,
        call,
        Revision.Kind.CALL_TRANSLATION,
        _("Translations of the call"),
        call.title,
        "staff:call_translation",
        [slug, call.pk],
        data__call=call.pk,
    )


def call_translation(request, slug, pk, language):
    organization = get_organization_for_user(request.user, slug)
    call = get_object_or_404(organization.volunteering_calls, pk=pk)
    language = _language_or_404(language)
    back = reverse("staff:call_translations", args=[slug, call.pk])
    return _translation_page(
        request,
        organization,
        call,
        language,
        _record_title(call.title, language),
        back,
        Revision.Kind.CALL_TRANSLATION,
        VolunteeringCallTranslationForm,
        carried={"call": call.pk, "record": call.title},
        reopened_by={"data__call": call.pk},
    )


def desk_translations(request, slug, desk):
    desk = get_desk_for_translator(request.user, slug, desk)
    return _list_page(
        request,
        desk.host_organization,
        desk,
        Revision.Kind.DESK_TRANSLATION,
        _("Translations of the desk"),
        desk.name,
        "staff:desk_translation",
        [slug, desk.slug],
        data__desk=desk.pk,
    )


def desk_translation(request, slug, desk, language):
    desk = get_desk_for_translator(request.user, slug, desk)
    language = _language_or_404(language)
    back = reverse("staff:desk_translations", args=[slug, desk.slug])
    return _translation_page(
        request,
        desk.host_organization,
        desk,
        language,
        _record_title(desk.name, language),
        back,
        Revision.Kind.DESK_TRANSLATION,
        DeskTranslationForm,
        carried={"desk": desk.pk, "record": desk.name},
        reopened_by={"data__desk": desk.pk},
    )
