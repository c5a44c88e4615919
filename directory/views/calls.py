"""Public volunteering calls: a list, a page per call and the application form.

What applicants send is personal data: it is shown only in the organization's signed-in area,
never echoed on these pages, and these pages are not in the sitemap with applicant data.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters

from directory import translations
from directory.forms import ApplicationForm
from directory.models import VolunteeringCall
from directory.place_param import Place
from linkrete.page_cache import cached_page
from linkrete.paging import PAGE_PARAM, paginate
from linkrete.throttle import over_limit

APPLICATIONS_PER_HOUR = 5
CALLS_PER_PAGE = 20


@login_not_required
@cached_page("directory")
def call_list(request):
    place = Place.from_query(request.GET)
    # The organizations and towns by the page's keys (prefetched, not joined): a join made the
    # database fetch them for every call before the page asked for, 5,000 on page 250.
    # Their title and time commitment in the page's language, in the same query (a LEFT JOIN).
    calls = translations.with_translation(
        place.narrow(VolunteeringCall.objects.public()), translations.CALL_CARD_FIELDS
    )
    calls = calls.closing_first().prefetch_related("organization", "municipality")
    paged = paginate(calls, request.GET.get(PAGE_PARAM), CALLS_PER_PAGE)
    return render(
        request,
        "directory/call_list.html",
        {
            "calls": [
                translations.apply(call, translations.CALL_CARD_FIELDS)
                for call in paged.page.object_list
            ],
            "page_obj": paged.page,
            "notices": place.notices + paged.notices,
            "place": place,
        },
    )


@login_not_required
# Error reports (and the DEBUG page) hide what applicants typed.
@sensitive_post_parameters()
def call_detail(request, slug):
    calls = translations.with_translation(
        VolunteeringCall.objects.public(), translations.CALL_PAGE_FIELDS
    )
    call = get_object_or_404(calls.select_related("organization", "municipality"), slug=slug)
    translations.apply(call, translations.CALL_PAGE_FIELDS)
    form = ApplicationForm(request.POST or None, call=call)
    if request.method == "POST" and form.is_valid():
        if over_limit(request, "volunteering-application", APPLICATIONS_PER_HOUR):
            messages.error(
                request,
                _("Many applications were sent from here in a short time: please try later."),
            )
            return render(
                request, "directory/call_detail.html", {"call": call, "form": form}, status=429
            )
        form.save()
        messages.success(
            request,
            _("Thank you! %(organization)s has your application and will contact you.")
            % {"organization": call.organization},
        )
        return redirect(call.get_absolute_url())
    return render(request, "directory/call_detail.html", {"call": call, "form": form})
