"""The page to choose a day and a time opens on a week with free times, or says there are none."""

import datetime

import pytest
from django.urls import reverse

from sportelli.slots import bookable_window, desk_slots
from tests.clock import ROME
from tests.factories import BookingFactory, DeskExceptionFactory

pytestmark = pytest.mark.django_db

# The factory desk opens on Tuesdays 9-12: after it closes on a Tuesday, this week has no slot.
TUESDAY_EVENING = datetime.datetime(2026, 12, 8, 21, 40, tzinfo=ROME)
NEXT_TUESDAY = datetime.date(2026, 12, 15)


def url(desk):
    return reverse("sportelli:booking_slot", kwargs={"slug": desk.slug})


def open_slot_page(client, desk, query=""):
    client.post(
        reverse("sportelli:booking_channel", kwargs={"slug": desk.slug}), {"channel": "in_person"}
    )
    return client.get(url(desk) + query)


def test_after_the_last_slot_of_the_week_the_page_opens_on_the_next_week_and_says_so(
    client, desk, time_machine
):
    time_machine.move_to(TUESDAY_EVENING, tick=False)

    response = open_slot_page(client, desk)

    page = response.content.decode().lower()
    assert response.context["week"] == 1
    assert [day for day, _ in response.context["days"]] == [NEXT_TUESDAY]
    assert page.count('name="slot"') == 6
    assert "questa settimana non ci sono posti liberi" in page
    assert "dal martedì 15 dicembre" in page
    # The empty week 0 is not offered: going back to it would only move on again.
    assert (response.context["previous_week"], response.context["next_week"]) == (None, 2)


def test_the_first_free_slot_can_be_chosen_from_the_page_without_a_week(client, desk, time_machine):
    time_machine.move_to(TUESDAY_EVENING, tick=False)
    first = desk_slots(desk, *bookable_window(desk))[0]
    assert first.local_start.date() == NEXT_TUESDAY

    open_slot_page(client, desk)
    response = client.post(url(desk), {"slot": first.key})

    assert response.url == reverse("sportelli:booking_details", kwargs={"slug": desk.slug})


def test_a_week_with_free_slots_opens_as_asked_without_a_notice(client, desk, pinned_now):
    response = open_slot_page(client, desk)

    assert response.context["week"] == 0
    assert response.context["days"][0][0] == datetime.date(2026, 12, 8)
    assert "Questa settimana non ci sono posti liberi" not in response.content.decode()


def test_an_asked_week_with_every_slot_taken_moves_on_to_the_next_free_one(
    client, desk, pinned_now
):
    # Week 1 (from Wednesday 9 December) has one Tuesday, the 15th: every slot taken.
    for hour, minute in [(9, 0), (9, 30), (10, 0), (10, 30), (11, 0), (11, 30)]:
        starts = datetime.datetime(2026, 12, 15, hour, minute, tzinfo=ROME)
        BookingFactory(desk=desk, starts_at=starts, seat=1)

    response = open_slot_page(client, desk, "?settimana=1")

    assert response.context["week"] == 2
    assert [day for day, _ in response.context["days"]] == [datetime.date(2026, 12, 22)]
    assert (response.context["previous_week"], response.context["next_week"]) == (0, 3)
    assert "dal martedì 22 dicembre" in response.content.decode().lower()


def test_with_no_free_slot_in_the_whole_window_the_page_says_so_with_the_desk_contacts(
    client, desk, pinned_now
):
    desk.phone = "0571 123456"
    desk.email = "sportello@pagnana.example.org"
    desk.save()
    first, last = bookable_window(desk)
    for day in range((last - first).days + 1):
        DeskExceptionFactory(desk=desk, date=first + datetime.timedelta(days=day))

    response = open_slot_page(client, desk)

    page = response.content.decode()
    assert 'name="slot"' not in page
    assert "non ci sono orari liberi da prenotare fino al 29 dicembre 2026" in page.lower()
    assert 'href="tel:0571 123456"' in page
    assert 'href="mailto:sportello@pagnana.example.org"' in page
    assert reverse("sportelli:desk_detail", kwargs={"slug": desk.slug}) in page


def test_the_slot_page_reads_a_fixed_number_of_queries(
    client, desk, pinned_now, django_assert_max_num_queries
):
    client.post(
        reverse("sportelli:booking_channel", kwargs={"slug": desk.slug}), {"channel": "in_person"}
    )
    with django_assert_max_num_queries(8):
        assert client.get(url(desk)).status_code == 200


def test_an_asked_week_with_no_free_slot_after_it_says_to_choose_an_earlier_one(
    client, desk, pinned_now
):
    DeskExceptionFactory(desk=desk, date=datetime.date(2026, 12, 29))  # week 3's only Tuesday

    response = open_slot_page(client, desk, "?settimana=3")

    page = response.content.decode()
    assert response.context["week"] == 3
    assert 'name="slot"' not in page
    assert "Nessun orario libero da questa settimana in poi" in page
    assert (response.context["previous_week"], response.context["next_week"]) == (2, None)
