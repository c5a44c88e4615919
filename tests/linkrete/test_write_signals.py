"""linkrete.write_signals: a function after every write, or once after many (``deferred``)."""

import pytest
from django.db.models.signals import m2m_changed, post_delete, post_save

from directory.models import Organization
from linkrete import write_signals
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(name="calls")
def calls_fixture():
    calls = []

    def count():
        calls.append(1)

    write_signals.on_write([Organization], count, name="tests.write_signals")
    yield calls
    uid = f"tests.write_signals.{Organization._meta.label}"
    post_save.disconnect(sender=Organization, dispatch_uid=uid + ".save")
    post_delete.disconnect(sender=Organization, dispatch_uid=uid + ".delete")
    for field in Organization._meta.local_many_to_many:
        through = field.remote_field.through
        m2m_changed.disconnect(sender=through, dispatch_uid=f"{uid}.{field.name}")


def test_each_write_calls_the_function(calls):
    OrganizationFactory()
    OrganizationFactory()
    assert len(calls) >= 2


def test_writes_in_a_deferred_block_call_it_once_when_the_block_ends(calls):
    with write_signals.deferred():
        OrganizationFactory()
        OrganizationFactory()
        with write_signals.deferred():
            OrganizationFactory()
        assert calls == []
    assert calls == [1]


def test_a_block_that_raises_still_calls_it(calls):
    with pytest.raises(RuntimeError), write_signals.deferred():
        OrganizationFactory()
        raise RuntimeError("the import failed")
    assert calls == [1]
