import uuid

from django.contrib.postgres.functions import RandomUUID
from django.db import models
from django.utils.translation import gettext_lazy as _


def public_identifier() -> models.UUIDField:
    """The HSDS identifier of a row (directory.hsds): stable across exports. The database fills
    it for rows written outside the ORM and, when the column is added, for the existing ones
    (``gen_random_uuid()`` in the ``ALTER TABLE``, no Python round trip per row)."""
    return models.UUIDField(
        _("public identifier"),
        default=uuid.uuid4,
        db_default=RandomUUID(),
        unique=True,
        editable=False,
    )
