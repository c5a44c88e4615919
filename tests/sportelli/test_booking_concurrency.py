"""Two people can never take the last place of a slot, even confirming at the same instant.

The guarantee is the unique constraint on (desk, start, seat): the service picks the lowest free
seat and retries when the database refuses it. The threaded tests send real concurrent requests,
each thread on its own database connection.
"""

import threading

import pytest
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.urls import reverse

from sportelli.models import Booking
from sportelli.slots import bookable_window, desk_slots
from tests.factories import BookingFactory, DeskFactory, DeskOpeningSlotFactory

# The helpers book the first free slot: it depends on the day, so every test runs at PINNED_NOW.
pytestmark = pytest.mark.usefixtures("pinned_now")


@pytest.mark.django_db
def test_the_database_refuses_a_second_booking_of_the_same_place(desk):
    booking = BookingFactory(desk=desk, seat=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        BookingFactory(desk=desk, starts_at=booking.starts_at, seat=1)


@pytest.mark.django_db
def test_a_cancelled_booking_holds_no_place(desk):
    booking = BookingFactory(desk=desk, seat=1)
    BookingFactory(desk=desk, starts_at=booking.starts_at, seat=None, status="cancelled")
    BookingFactory(desk=desk, starts_at=booking.starts_at, seat=None, status="cancelled")
    with pytest.raises(IntegrityError), transaction.atomic():
        BookingFactory(desk=desk, starts_at=booking.starts_at, seat=None, status="booked")


def _ready_client(desk, slot, n):
    # Each person books from their own address: the hourly booking limit is per client.
    client = Client(REMOTE_ADDR=f"198.51.100.{n + 1}")
    slug = {"slug": desk.slug}
    client.post(reverse("sportelli:booking_channel", kwargs=slug), {"channel": "in_person"})
    client.post(reverse("sportelli:booking_slot", kwargs=slug), {"slot": slot.key})
    client.post(
        reverse("sportelli:booking_details", kwargs=slug),
        {"name": f"Persona {n}", "phone": f"33300000{n:02d}"},
    )
    client.post(reverse("sportelli:booking_privacy", kwargs=slug), {"privacy": "on"})
    return client


def _confirm_all_at_once(clients, desk):
    barrier = threading.Barrier(len(clients))
    results, errors = [], []
    summary = reverse("sportelli:booking_summary", kwargs={"slug": desk.slug})

    def confirm(client):
        try:
            barrier.wait(timeout=10)
            results.append(client.post(summary))
        except Exception as error:  # surfaced below: a thread cannot fail the test itself
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors, errors
    return results


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("seeded_taxonomies")
def test_simultaneous_confirmations_never_overbook_the_last_place():
    desk = DeskFactory(capacity=1)
    DeskOpeningSlotFactory(desk=desk)
    slots = desk_slots(desk, *bookable_window(desk))[:4]
    for slot in slots:
        clients = [_ready_client(desk, slot, n) for n in range(4)]
        results = _confirm_all_at_once(clients, desk)
        booked = [r for r in results if "/prenotazione/" in r.url]
        sent_back = [r for r in results if r.url.endswith("/prenota/orario/")]
        assert (len(booked), len(sent_back)) == (1, 3)
        assert Booking.objects.filter(starts_at=slot.starts_at).count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("seeded_taxonomies")
def test_simultaneous_confirmations_fill_every_place_once():
    desk = DeskFactory(capacity=3)
    DeskOpeningSlotFactory(desk=desk)
    slot = desk_slots(desk, *bookable_window(desk))[0]
    clients = [_ready_client(desk, slot, n) for n in range(6)]
    results = _confirm_all_at_once(clients, desk)
    assert sum("/prenotazione/" in r.url for r in results) == 3
    seats = sorted(Booking.objects.filter(starts_at=slot.starts_at).values_list("seat", flat=True))
    assert seats == [1, 2, 3]
