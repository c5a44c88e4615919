"""A network's period report as PDF, for its coordinators (``directory.indicators.report``);
anyone else: 404. The period comes from the dashboard's form (``dal``, ``al``)."""

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone

from directory.indicators.period import period_from
from directory.indicators.report import report_context
from directory.sheets.pdf import render_pdf
from directory.staff.access import get_network_for_coordinator

STYLESHEET = "css/report.css"


def network_report_pdf(request, slug):
    network = get_network_for_coordinator(request.user, slug)
    _form, period = period_from(request.GET)
    context = {**report_context(network, period), "printed_on": timezone.localdate()}
    html = render_to_string("staff/network_report.html", context, request=request)
    response = HttpResponse(render_pdf(html, STYLESHEET), content_type="application/pdf")
    name = f"{network.slug}-relazione-{period.starts_on.isoformat()}-{period.ends_on.isoformat()}"
    response["Content-Disposition"] = f'inline; filename="{name}.pdf"'
    return response
