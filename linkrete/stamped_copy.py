"""A value each server process keeps in memory, read again when it changes in any process.

The shared cache (settings: ``CACHES``) holds only a stamp of the current version; each process
keeps the value of the stamp it last saw. Reading a few bytes from the cache costs a fraction of
a millisecond; unpickling a whole table of model instances on every request cost several (the
search's categories, its thesaurus). Dropping the stamp (``forget``, at once and again after the
commit, so a process that read the old rows meanwhile cannot keep them) makes every process read
the value again on its next use; the stamp also expires after ``timeout`` seconds, for writes
that send no signal (``QuerySet.update()``).

What ``read`` returns is shared by every request a process serves: it must not be changed.
"""

import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.db import transaction


class StampedCopy:
    def __init__(self, key: str, timeout: int, read: Callable[[], object]):
        self.key = key
        self.timeout = timeout
        self.read = read
        self._local: tuple[str, object] | None = None  # (stamp, value) of this process

    def get(self):
        stamp = cache.get(self.key)
        if stamp is None:
            stamp = uuid.uuid4().hex
            if not cache.add(self.key, stamp, self.timeout):
                stamp = cache.get(self.key, stamp)
        elif self._local is not None and self._local[0] == stamp:
            return self._local[1]
        value = self.read()
        self._local = (stamp, value)
        return value

    def forget(self):
        """Every process reads the value again: now, and once the transaction commits."""
        cache.delete(self.key)
        transaction.on_commit(lambda: cache.delete(self.key))
