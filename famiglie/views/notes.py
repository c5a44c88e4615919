"""The case's diary: its notes, page by page, and writing one. A psychologist-only note is
listed to the psychologists of the case team alone (``NoteQuerySet.visible_to``); every note
shown leaves an audit row of its read."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from famiglie import access, services
from famiglie.audit import record_reads
from famiglie.forms import NoteForm
from famiglie.models import Note, is_case_psychologist
from famiglie.views import case_worker_view, posted_form_errors
from linkrete.paging import page_of

NOTES_PAGE = 20


@case_worker_view
def note_list(request, code):
    case = access.get_case_for_user(request.user, code, psychologist=True)
    notes = page_of(
        request,
        Note.objects.visible_to(request.user, case, psychologist=case.reader_is_psychologist),
        per_page=NOTES_PAGE,
    )
    record_reads(request, notes)
    return render(request, "famiglie/note_list.html", {"case": case, "notes": notes})


@case_worker_view
def note_create(request, code):
    case = access.get_case_for_user(request.user, code)
    psychologist = is_case_psychologist(request.user, case)
    if request.method == "POST":
        form = NoteForm(request.POST, instance=Note(case=case), psychologist=psychologist)
        if form.is_valid():
            try:
                services.note_write(case=case, note=form.instance, by=request.user)
            except ValidationError as error:
                posted_form_errors(form, error)
            else:
                messages.success(request, _("The note is saved in the diary."))
                return redirect("famiglie:note_list", code=case.code)
    else:
        form = NoteForm(instance=Note(case=case), psychologist=psychologist)
    intro = (
        _("Choose who reads it: the whole case team, or the psychologists of the case only.")
        if psychologist
        else _("The note is read by the case team and its team lead.")
    )
    return render(
        request,
        "famiglie/case_form.html",
        {"case": case, "form": form, "heading": _("Write a diary note"), "intro": intro},
        status=400 if form.is_bound else 200,
    )
