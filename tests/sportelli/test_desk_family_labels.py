"""Public desk pages name their topics as families do ("Computer, SPID e pratiche online"),
not by the programmes' names ("Digital divide"), which the operators' console keeps."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import category

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]

LABEL = "Computer, SPID e pratiche online"  # "digital-divide", the desk factory's topic
PROGRAMME = "Digital divide"


def options(html, name):
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return re.findall(r">([^<]+)</option>", select)


def test_the_desk_page_shows_its_topics_by_their_family_labels(client, desk):
    html = client.get(desk.get_absolute_url()).content.decode()
    assert LABEL in html
    assert "Pratiche e servizi" in html  # "accesso-servizi", not "Accesso ai servizi"
    assert PROGRAMME not in html
    assert "Accesso ai servizi" not in html


def test_the_desk_list_shows_and_filters_topics_by_their_family_labels(client, desk):
    html = client.get(reverse("sportelli:desk_list")).content.decode()
    assert LABEL in html
    assert PROGRAMME not in html
    topics = options(html, "tema")
    assert LABEL in topics
    assert PROGRAMME not in topics
    assert "Italiano e documenti" in topics  # "cittadini-stranieri"
    assert "Cittadini stranieri" not in topics


def test_the_desk_page_in_english_shows_the_english_labels(client, desk):
    with translation.override("en"):
        url = desk.get_absolute_url()
    html = client.get(url).content.decode()
    assert "Computers, digital ID and online forms" in html
    assert PROGRAMME not in html


def test_the_operators_console_keeps_the_programmes_names(client, desk, desk_operator):
    client.force_login(desk_operator)
    url = reverse("sportelli:access_create", kwargs={"slug": desk.slug})
    html = client.get(url).content.decode()
    assert PROGRAMME in html
    assert LABEL not in html


def test_a_topic_without_a_family_label_shows_its_name(client, desk):
    topic = category("digital-divide")
    topic.family_name = ""
    topic.save()
    html = client.get(desk.get_absolute_url()).content.decode()
    assert PROGRAMME in html
