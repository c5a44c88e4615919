import io

import pytest
from django.core.management import call_command

from directory.models import Municipality

pytestmark = pytest.mark.django_db


def load():
    out = io.StringIO()
    call_command("load_municipalities", stdout=out)
    return out.getvalue()


def test_every_municipality_is_loaded_without_network():
    summary = load()
    assert Municipality.objects.count() > 7800
    buccinasco = Municipality.objects.get(istat_code="015036")
    assert (buccinasco.name, buccinasco.province_code, buccinasco.region) == (
        "Buccinasco",
        "MI",
        "Lombardia",
    )
    assert "in all" in summary


def test_accents_and_bilingual_names_survive_the_windows_encoding():
    load()
    assert Municipality.objects.get(name="Spoleto").province_code == "PG"
    bolzano = Municipality.objects.get(istat_code="021008")
    assert bolzano.name == "Bolzano" and bolzano.name_other_language == "Bozen"
    assert Municipality.objects.filter(name="Forlì").exists()


def test_running_it_again_changes_nothing_and_repairs_edits():
    load()
    ids = dict(Municipality.objects.values_list("istat_code", "pk"))
    Municipality.objects.filter(istat_code="015036").update(name="Bucinasco")
    summary = load()
    assert "0 added, 1 updated" in summary
    assert dict(Municipality.objects.values_list("istat_code", "pk")) == ids
    assert Municipality.objects.get(istat_code="015036").name == "Buccinasco"
