"""``format=ndjson``: every row of a list, one document a line, without pages (the standard's
``format`` parameter: "could be ``ndjson``, which should stream all the results without
pagination").

The answer is streamed a batch at a time: the rows walk the primary key (``batches``: keyset,
each batch with the prefetches the documents need, a fixed number of queries per batch), so
the memory holds one batch of documents, whatever the list's length. The filters are the
paged list's (the same querysets). A streamed answer carries no ETag (its content is not known
before it is sent) and no count; an error after the first line cannot change the status, so
the parameters are all read before the first byte.
"""

import json
from collections.abc import Iterator, Sequence

from django.db import models
from django.http import StreamingHttpResponse
from django.utils import translation

from directory.hsds import batches
from directory.hsds.api.paging import Part

CONTENT_TYPE = "application/x-ndjson; charset=utf-8"


def _batches(rows: models.QuerySet | Sequence, batch_size: int) -> Iterator[Sequence]:
    if isinstance(rows, models.QuerySet):
        return batches._in_batches(rows, batch_size)
    return (rows[start : start + batch_size] for start in range(0, len(rows), batch_size))


def _lines(parts: Sequence[Part], batch_size: int) -> Iterator[str]:
    for part in parts:
        for batch in _batches(part.rows, batch_size):
            # Sent after the view has returned, out of its ``translation.override``.
            with translation.override("it"):
                yield "".join(
                    json.dumps(document, ensure_ascii=False) + "\n"
                    for document in part.documents(batch)
                )


def stream(parts: Sequence[Part]) -> StreamingHttpResponse:
    """Every row of the parts, one after the other, as JSON Lines (a chunk a batch of
    ``batches.BATCH_SIZE`` rows)."""
    return StreamingHttpResponse(_lines(parts, batches.BATCH_SIZE), content_type=CONTENT_TYPE)
