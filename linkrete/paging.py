"""One page of a signed-in list, read strictly from ``?pagina=``.

Lists of the association area, the console and the coordinator's queues grow with the network
(5,000 pending changes, 100,000 referrals): a page holds ``PAGE_SIZE`` rows, and the pager
(``includes/_pager.html``) links the pages with plain links. A page number that is not one
("x", "²", "0", beyond the last page) answers 404, never 500 and never a silent other page.
"""

from django.core.paginator import InvalidPage, Page, Paginator
from django.http import Http404

from linkrete import params

PAGE_SIZE = 50
PARAM = "pagina"


def page_of(request, object_list, *, per_page: int | None = None) -> Page:
    """The page of ``object_list`` asked for (the first when none is): one COUNT and one slice
    for a queryset."""
    raw = request.GET.get(PARAM)
    number = 1 if raw in (None, "") else params.positive_int(raw, minimum=1)
    if number is None:
        raise Http404("No such page")
    try:
        return Paginator(object_list, per_page or PAGE_SIZE).page(number)
    except InvalidPage as error:
        raise Http404("No such page") from error
