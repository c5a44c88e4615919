"""Pages of a list, from ``?pagina=``, read strictly; two kinds of list, two answers to a bad
page number:

- **public lists** (calls, desks, an organization's activities; ``paginate``): a page number
  that is not one, or beyond the last page, shows the first page with a notice saying why (as
  the search does), never a 500 nor an empty page: a family may have followed an old link;
- **signed-in lists** (the association area, the console, the coordinator's queues, which grow
  with the network: 5,000 pending changes, 100,000 referrals; ``page_of``): ``PAGE_SIZE`` rows a
  page, and a page number that is not one ("x", "²", "0", beyond the last page) answers 404,
  never 500 and never a silent other page.

Both are linked by one pager, ``includes/_pagination.html`` (``page_obj``, ``label``): previous,
the pages of ``page_numbers``, next.
"""

from dataclasses import dataclass, field

from django.core.paginator import InvalidPage, Page, Paginator
from django.http import Http404
from django.utils.translation import gettext as _

from linkrete import params

PAGE_PARAM = "pagina"
PAGE_SIZE = 50


def page_numbers(page: Page) -> list[int]:
    """The pages the pager links to: the first, the last, and two either side of this one."""
    last, number = page.paginator.num_pages, page.number
    return [n for n in range(1, last + 1) if n in (1, last) or abs(n - number) <= 2]


@dataclass
class Paged:
    page: Page
    notices: list[str] = field(default_factory=list)


def paginate(items, raw, per_page: int) -> Paged:
    """The page ``raw`` (the query-string value) of a public list: one COUNT and one slice."""
    paginator = Paginator(items, per_page)
    if raw in (None, ""):
        return Paged(paginator.page(1))
    number = params.positive_int(raw)
    if number is None:
        return Paged(paginator.page(1), [_("The page number was ignored: it is not a number.")])
    if not 1 <= number <= paginator.num_pages:
        notice = _("There is no page %(number)s: here is the first.") % {"number": number}
        return Paged(paginator.page(1), [notice])
    return Paged(paginator.page(number))


def page_of(request, object_list, *, per_page: int | None = None) -> Page:
    """The page of a signed-in list asked for (the first when none is): one COUNT and one
    slice for a queryset."""
    raw = request.GET.get(PAGE_PARAM)
    number = 1 if raw in (None, "") else params.positive_int(raw, minimum=1)
    if number is None:
        raise Http404("No such page")
    try:
        return Paginator(object_list, per_page or PAGE_SIZE).page(number)
    except InvalidPage as error:
        raise Http404("No such page") from error
