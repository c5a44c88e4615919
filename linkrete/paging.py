"""Pages of a public list (``?pagina=``), read strictly: a page number that is not one, or that
is beyond the last page, shows the first page with a notice saying why (as the search does),
never a 500 nor an empty page."""

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.utils.translation import gettext as _

from linkrete import params

PAGE_PARAM = "pagina"


@dataclass
class Paged:
    page: Page
    notices: list[str] = field(default_factory=list)

    @property
    def numbers(self) -> list[int]:
        """The pages linked to: the first, the last, and two either side of this one."""
        last, number = self.page.paginator.num_pages, self.page.number
        return [n for n in range(1, last + 1) if n in (1, last) or abs(n - number) <= 2]


def paginate(items, raw, per_page: int) -> Paged:
    """The page ``raw`` (the query-string value) of ``items``: one COUNT and one slice."""
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
