"""The HSDA read API (``/api/hsds/``): the public directory as the Open Referral API serves it
(``../schema/openapi.json``, with our server and the ``/locations/{id}`` path added).

Plain Django views, no API library. The documents already come from ``directory.hsds.mapping``
(the export's, one implementation) and the lists from the search package's filters; what
Django REST framework or django-ninja would add is serializers and schema generation for
documents we do not describe with models, browsable pages we do not want, and a second way of
reading parameters and answering errors beside ``linkrete.params``. What is left is a few
hundred lines of our own: strict parameters (``params``), the lists (``lists``), the page
envelope (``paging``) and the HTTP rules every endpoint shares (``http``: JSON errors, ETag,
Cache-Control, CORS for reading, the rate limit of ``linkrete.throttle``).

- ``params``: the query string to typed values; a bad one raises ``BadParameter`` (400).
- ``lists``: each endpoint's rows, filtered by the search package (words, category tags,
  proximity) and paged by primary key, with a fixed number of queries whatever the page size.
- ``paging``: the standard's page envelope over one or more parts (the services: the
  activities, then the desks), the counts kept; ``streams``: ``format=ndjson``, every row a
  line, a batch at a time.
- ``views``: one function per path; ``openapi``: the OpenAPI document and the root.
"""
