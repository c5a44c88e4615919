"""The public directory as Open Referral HSDS 3.0 (docs/hsds.md has the field by field mapping).

The pipeline, one module a stage:

- ``identifiers``: the UUID of every exported record; stored on the models that own one
  (organization, location, activity, taxonomy, category, opening slot, schedule exception),
  derived with ``uuid5`` from the owner's for the others (the service at a location, an
  organization's identifier…), so they stay the same from one export to the next.
- ``profile``: the Italian profile, the taxonomies whose terms carry in ``attribute``s what HSDS
  has no field for (CTS art. 5 areas, RUNTS section, ISTAT municipality code…).
- ``mapping``: one model row to one HSDS record or document (``organization_document``,
  ``service_document``): the export writes them, the HSDA API will reuse them.
- ``batches``: the published rows, a batch at a time with their relations prefetched: a fixed
  number of queries per batch, memory bounded by the batch.
- ``tabular``: a document's nested records as rows of the data package's CSV files.
- ``export``: the entry point ``export_directory(out)`` that ``manage.py export_hsds`` calls.
- ``schemas``: the vendored HSDS schemas (``schema/``) and validators for them.

And back (``manage.py import_hsds``):

- ``reading``: the documents of a folder, a JSON file or a tabular package (its rows put back
  together as documents), with the file and line of each.
- ``unmapping``: one document back to rows, upserted by identifier (the reverse of ``mapping``).
- ``importing``: ``import_hsds(path)``: schema checks, one transaction per file, the problems
  of each record, the search documents rebuilt after the commit.
"""
