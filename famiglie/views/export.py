"""The family's export (right of access, GDPR art. 15), for the team lead: the household's
complete record as a JSON file, and the same as a page to print. Addressed by the case's code
only; the export itself is a read, audited as any (and listed in the record it gives)."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import render

from famiglie import access
from famiglie.audit import record_read
from famiglie.export import as_json, household_record
from famiglie.models import Case
from famiglie.views import case_worker_view


def _record_for_lead(request, code):
    case = access.get_case_for_lead(request.user, code)
    household = case.household
    # The household's cases that the lead's teams follow; another team's stay with it.
    cases = list(
        Case.objects.filter(household=household, team__lead=request.user)
        .select_related("team")
        .prefetch_related("topics")
        .order_by("opened_at", "pk")
    )
    record_read(request, household, *cases)
    return case, household, household_record(household, cases)


@case_worker_view
def household_export(request, code):
    _case, household, sections = _record_for_lead(request, code)
    body = json.dumps(
        as_json(household, sections), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
    )
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="nucleo-{household.reference}.json"'
    response["Cache-Control"] = "private, no-store"
    return response


@case_worker_view
def household_export_page(request, code):
    case, household, sections = _record_for_lead(request, code)
    response = render(
        request,
        "famiglie/export.html",
        {"case": case, "household": household, "sections": sections},
    )
    response["Cache-Control"] = "private, no-store"
    return response
