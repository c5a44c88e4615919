"""The Page envelope of the standard (``components.schemas.Page`` of ``openapi.json``)."""

import math
from collections.abc import Callable, Sequence

from django.db import models

from directory.hsds.api.params import Paging


def envelope(rows: models.QuerySet | Sequence, paging: Paging, to_document: Callable) -> dict:
    """One page of ``rows`` (counted, then sliced: two queries for a queryset, whatever the
    page size), each row through ``to_document``. A page beyond the last is empty."""
    total = rows.count() if isinstance(rows, models.QuerySet) else len(rows)
    total_pages = math.ceil(total / paging.per_page)
    start = (paging.page - 1) * paging.per_page
    contents = (
        [to_document(row) for row in rows[start : start + paging.per_page]] if start < total else []
    )
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": paging.page,
        "size": len(contents),
        "first_page": paging.page == 1,
        "last_page": paging.page >= total_pages,
        "empty": total == 0,
        "contents": contents,
    }
