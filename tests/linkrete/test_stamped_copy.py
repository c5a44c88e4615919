"""A value each process keeps while the shared cache's stamp stays the same."""

import pytest
from django.core.cache import cache

from linkrete.stamped_copy import StampedCopy


@pytest.fixture
def reads():
    return []


@pytest.fixture
def copy(reads):
    def read():
        reads.append(1)
        return {"version": len(reads)}

    return StampedCopy("test:stamped-copy", 60, read)


def test_the_value_is_read_once_while_the_stamp_holds(copy, reads):
    first = copy.get()
    assert copy.get() is first
    assert len(reads) == 1


def test_forget_makes_the_next_use_read_again(db, copy, reads):
    copy.get()
    copy.forget()
    assert copy.get() == {"version": 2}


def test_a_stamp_changed_by_another_process_is_seen(copy, reads):
    copy.get()
    cache.set("test:stamped-copy", "another process's stamp", 60)
    assert copy.get() == {"version": 2}
    assert copy.get() == {"version": 2}
    assert len(reads) == 2


def test_an_expired_stamp_reads_again(copy, reads):
    copy.get()
    cache.delete("test:stamped-copy")  # as when TIMEOUT passes
    assert copy.get() == {"version": 2}


def test_forget_drops_the_stamp_again_when_the_change_commits(
    db, copy, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        copy.forget()
        copy.get()  # a request before the commit keeps what it saw…
        assert cache.get("test:stamped-copy") is not None
    for callback in callbacks:
        callback()
    assert cache.get("test:stamped-copy") is None  # …until the commit
