"""Who changed what and when, for every directory, desk and account record (django-auditlog).

- ``tracked.py``: which models are followed, which fields are left out (the search document,
  secrets, sign-in times) and which are masked (personal data: the entry says the field changed
  and who changed it, never the value).
- ``apps.py``: registers them with auditlog when the project starts.
- ``admin.py``: the list of changes, filterable by user (typed), model and date; each record's
  "History" page lists its own changes (``templates/admin/object_history.html``).
- ``retention.py``: the history of a personal-data record goes with the record, erased or
  deleted (``manage.py apply_retention``).

Writes through ``QuerySet.update()`` and ``bulk_update()`` (the search refreshes, retention)
send no signals, so they write no history: a refresh of 600,000 activities adds no row.
"""
