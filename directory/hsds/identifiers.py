"""Stable HSDS identifiers.

A record with a row of its own uses the row's ``uuid`` column. A record without one (the pair
activity-location, an organization's codice fiscale, a location's address…) gets a ``uuid5``
of its owner's UUID and its role: the same owner gives the same identifier in every export,
and on any installation that imported the owner with its identifier.
"""

import uuid

# uuid5(NAMESPACE_URL, "https://linkrete.it/hsds/3.0"): never change it, every derived
# identifier published so far depends on it.
NAMESPACE = uuid.UUID("8d2cef8a-340f-5083-9268-66e228c1ae47")


def derived(owner: uuid.UUID | str, *role: uuid.UUID | str) -> str:
    """The identifier of the record playing ``role`` for ``owner`` (e.g. its address)."""
    return str(uuid.uuid5(NAMESPACE, "/".join(str(part) for part in (owner, *role))))


def fixed(*name: str) -> str:
    """The identifier of a record defined by the profile itself (a taxonomy, one of its terms)."""
    return str(uuid.uuid5(NAMESPACE, "/".join(["profile", *name])))
