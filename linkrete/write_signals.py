"""Run a function after every write to some models, whatever code writes (the admin, a service,
an import, ``seed_demo``): a save or delete of one of their rows, or a change of one of their
many-to-many links. ``QuerySet.update()``, ``bulk_create`` and raw SQL send no signal: callers
say how they bound what they miss. A writer of many rows wraps its work in ``deferred()``, so
that each function runs once at the end instead of once a row."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models.signals import m2m_changed, post_delete, post_save

_PRE_ACTIONS = ("pre_add", "pre_remove", "pre_clear")

# Kept alive here: signals hold their receivers weakly.
_receivers = []
# Inside ``deferred()``: the functions asked for so far, in order (a dict used as a set).
_pending: ContextVar[dict | None] = ContextVar("write_signals_pending", default=None)


@contextmanager
def deferred():
    """Call each function the writes in the block ask for once, when the block ends (also when
    it raises: the caller's transaction decides what happened). Nested blocks join the outer."""
    if _pending.get() is not None:
        yield
        return
    token = _pending.set({})
    try:
        yield
    finally:
        functions = _pending.get()
        _pending.reset(token)
        for function in functions:
            function()


def on_write(models, function, *, name: str) -> None:
    """Call ``function()`` (no arguments) after each such write to ``models``; ``name`` makes
    the connections unique (calling again with the same name replaces nothing twice)."""

    def receiver(action=None, **kwargs):
        if action in _PRE_ACTIONS:
            return
        pending = _pending.get()
        if pending is None:
            function()
        else:
            pending[function] = None

    _receivers.append(receiver)
    for model in models:
        uid = f"{name}.{model._meta.label}"
        post_save.connect(receiver, sender=model, dispatch_uid=uid + ".save")
        post_delete.connect(receiver, sender=model, dispatch_uid=uid + ".delete")
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(receiver, sender=through, dispatch_uid=f"{uid}.{field.name}")
