"""The public booking form as a family meets it: the languages the desk speaks first, a plain
word before confirming in a language it does not speak, a phone that is a phone, each mistake
said once and in the informal "tu"."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from directory.models import Language
from sportelli.slots import bookable_window, desk_slots
from tests.factories import category

pytestmark = pytest.mark.django_db

ROME = ZoneInfo("Europe/Rome")
# A Monday: the factory desk opens on Tuesday mornings, so tomorrow has free times.
MONDAY = datetime(2026, 11, 30, 10, 0, tzinfo=ROME)
PERSON = {"name": "Amina Haddad", "phone": "347 111 2233", "email": "", "note": ""}
# The formal imperative the rest of the site does not use ("Indicare…", "Scegliere…").
FORMAL = re.compile(r"\b(Indicare|Inserire|Selezionare|Scegliere|Controllare|accettare)\b")


def url(name, desk):
    return reverse(f"sportelli:{name}", kwargs={"slug": desk.slug})


@pytest.fixture
def at_the_details_step(client, desk, time_machine):
    time_machine.move_to(MONDAY, tick=False)
    slot = desk_slots(desk, *bookable_window(desk))[0]
    client.post(url("booking_channel", desk), {"channel": "in_person"})
    response = client.post(url("booking_slot", desk), {"slot": slot.key})
    assert response.url == url("booking_details", desk)
    return desk


def language(code):
    return Language.objects.get(code=code)


def post_details(client, desk, **changes):
    return client.post(url("booking_details", desk), PERSON | changes)


def to_summary(client, desk, **changes):
    response = post_details(client, desk, **changes)
    assert response.status_code == 302, response.context["form"].errors
    client.post(url("booking_privacy", desk), {"privacy": "on"})
    return client.get(url("booking_summary", desk)).content.decode()


def options_in_groups(html):
    groups = re.findall(r'<optgroup label="([^"]+)">(.*?)</optgroup>', html, re.S)
    return {label: re.findall(r">([^<]+)</option>", options) for label, options in groups}


def test_the_desks_languages_come_first_in_their_own_group(client, at_the_details_step):
    desk = at_the_details_step
    desk.languages.set([language("it"), language("ar")])

    html = client.get(url("booking_details", desk)).content.decode()

    groups = options_in_groups(html)
    assert list(groups) == ["Lingue parlate allo sportello", "Altre lingue"]
    assert groups["Lingue parlate allo sportello"] == ["Italiano", "Arabo"]
    assert "Arabo" not in groups["Altre lingue"] and "Inglese" in groups["Altre lingue"]
    assert html.index("Lingue parlate allo sportello") < html.index("Altre lingue")


def test_a_desk_without_languages_lists_them_all_without_groups(client, at_the_details_step):
    html = client.get(url("booking_details", at_the_details_step)).content.decode()
    assert "<optgroup" not in html and ">Arabo</option>" in html


def test_the_booking_form_offers_no_dashes_choice(client, at_the_details_step):
    html = client.get(url("booking_details", at_the_details_step)).content.decode()
    assert "---------" not in html
    assert html.count('<option value="" selected>Scegli…</option>') == 2  # topic and language


def test_a_language_the_desk_does_not_speak_is_said_before_confirming(client, at_the_details_step):
    desk = at_the_details_step
    desk.languages.set([language("it"), language("en")])
    desk.interpreting = "Mediatrice culturale per l'arabo su richiesta, il giovedì."
    desk.phone = "0571 123456"
    desk.save()

    html = to_summary(client, desk, language=language("ar").pk)

    assert "Questo sportello non parla Arabo." in html
    assert "Mediatrice culturale per l&#x27;arabo su richiesta, il giovedì." in html
    assert 'href="tel:0571123456"' in html
    assert html.index('id="language-warning"') < html.index("Conferma l")


def test_without_an_interpreting_service_the_summary_says_so(client, at_the_details_step):
    desk = at_the_details_step
    desk.languages.set([language("it")])

    html = to_summary(client, desk, language=language("uk").pk)

    assert "Questo sportello non parla Ucraino." in html
    assert "Non ha indicato se può offrire" in html


def test_a_language_the_desk_speaks_brings_no_warning(client, at_the_details_step):
    desk = at_the_details_step
    desk.languages.set([language("it"), language("ar")])

    html = to_summary(client, desk, language=language("ar").pk, topic=category("digital-divide").pk)

    assert 'id="language-warning"' not in html and "Arabo" in html


def test_a_forged_language_is_refused_with_a_message(client, at_the_details_step):
    response = post_details(client, at_the_details_step, language="999999")
    assert response.status_code == 200
    assert "language" in response.context["form"].errors


@pytest.mark.parametrize("phone", ["abc", "12345", "347 abc 2233", "3+47 1112233", "++39 347"])
def test_a_phone_that_is_not_a_phone_is_refused_keeping_what_was_typed(
    client, at_the_details_step, phone
):
    response = post_details(client, at_the_details_step, phone=phone, note="Per lo SPID")

    html = response.content.decode()
    assert response.status_code == 200
    assert "phone" in response.context["form"].errors
    assert "Scrivi il numero di telefono" in html
    assert 'value="Amina Haddad"' in html and "Per lo SPID" in html
    # A wrong phone is not also told "give a phone or an e-mail".
    assert not response.context["form"].non_field_errors()


@pytest.mark.parametrize(
    "phone", ["3471112233", "+39 347 111 2233", "0571/123456", "(+39) 0571 123456", "02-1234567"]
)
def test_phones_as_people_write_them_are_accepted(client, at_the_details_step, phone):
    response = post_details(client, at_the_details_step, phone=phone)
    assert response.status_code == 302


def test_the_contact_rule_is_said_once_and_points_to_the_phone(client, at_the_details_step):
    response = post_details(client, at_the_details_step, phone="", email="")

    html = response.content.decode()
    rule = "Scrivi un numero di telefono o un indirizzo e-mail"
    assert html.count(rule) == 1
    errors = html[html.index('id="form-errors"') :]
    assert errors.index('<a href="#id_phone">') < errors.index(rule)
    assert 'id="id_phone"' in html


def test_labels_and_messages_are_not_run_together(client, at_the_details_step):
    post_details(client, at_the_details_step)
    response = client.post(url("booking_privacy", at_the_details_step), {})

    html = response.content.decode()
    box = html[
        html.index('id="form-errors"') : html.index("</div>", html.index('id="form-errors"'))
    ]
    text = re.sub(r"<[^>]+>", "\n", box)
    assert not re.search(r"[.?!]\s*:", text), text
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert "Per prenotare, accetta l’informativa sulla privacy." in lines or any(
        line.startswith("Per prenotare, accetta") for line in lines
    )


def test_messages_speak_to_the_person_informally(client, at_the_details_step):
    desk = at_the_details_step
    pages = [
        post_details(client, desk, name="", phone="", email="nonvalida", topic="x"),
        post_details(client, desk, phone="", email=""),
        post_details(client, desk, note="x" * 600),
    ]
    post_details(client, desk)
    pages.append(client.post(url("booking_privacy", desk), {}))
    pages.append(client.post(url("booking_slot", desk), {}))
    pages.append(client.post(url("booking_channel", desk), {}))
    for response in pages:
        html = response.content.decode()
        assert 'id="form-errors"' in html
        assert not FORMAL.search(html), FORMAL.search(html)


def test_the_desk_filters_offer_any_instead_of_dashes(client, desk):
    html = client.get(reverse("sportelli:desk_list")).content.decode()
    assert "---------" not in html
    for empty in ("Tutti gli argomenti", "Qualsiasi lingua", "Qualsiasi canale"):
        assert f'<option value="" selected>{empty}</option>' in html


def test_the_desk_page_says_what_it_offers_in_other_languages(client, desk):
    desk.interpreting = "Interprete al telefono su richiesta."
    desk.save()
    html = client.get(desk.get_absolute_url()).content.decode()
    assert "Aiuto in altre lingue" in html and "Interprete al telefono su richiesta." in html


def test_the_topics_are_offered_and_summed_up_by_their_family_labels(client, at_the_details_step):
    desk = at_the_details_step
    html = client.get(url("booking_details", desk)).content.decode()
    topics = re.search(r'<select name="topic"[^>]*>(.*?)</select>', html, re.S).group(1)
    assert "Computer, SPID e pratiche online" in topics
    assert "Digital divide" not in topics

    html = to_summary(client, desk, topic=category("digital-divide").pk)

    assert "Computer, SPID e pratiche online" in html
    assert "Digital divide" not in html
