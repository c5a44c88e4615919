"""Bulk onboarding of bodies: the RUNTS list of enrolled bodies, from the admin or a command.

The pipeline: ``reading`` turns an XLSX or CSV file into rows; ``runts`` finds the columns by
their headings and turns each row into a ``RuntsRow`` or errors naming row and column;
``services.import_runts`` checks every row, then (no errors, or the coordinator skips them;
not a dry run) writes the batch in one transaction, upserting by tax code and keeping staff
edits; ``services.undo_import`` reverts the latest batch. Large files go to the worker
(``directory.tasks.run_import``); the models are in ``directory/models/onboarding.py``.

The network's own spreadsheets go through django-import-export in the admin: ``resources``
(organizations, places) and ``activities`` (``hours_cell`` reads the weekly hours); each
import is recorded as a batch by ``batches.RecordedImport``, which keeps staff edits on a
later import, and ``services.undo_import`` hands a spreadsheet's batch to
``batches.undo_spreadsheet_import``.
"""
