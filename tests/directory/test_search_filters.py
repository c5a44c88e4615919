"""The filter registry: every filter's parameters, given bad values, are dropped with a notice."""

import pytest
from django.http import QueryDict

from directory.search.filters import BY_NAME, GROUPS, HIDDEN_PARAMS, REGISTRY, ActivityFilter
from directory.search.filters.base import FlagFilter

BAD = {
    "q": ["x" * 201],
    "eta": ["tanti", "-1", "121"],
    "fascia": ["99-100"],
    "categoria": ["nessuna"],
    "comune": ["12", "999999"],  # not a code; a code of no municipality (looked up)
    "zona": ["no such/zone", "nessuna-zona"],
    "vicino": ["45,north", "91,9", "nan,9"],
    "raggio": ["-3", "1000", "molto"],
    "giorno": ["domenica"],
    "ora": ["25:99", "mezzogiorno"],
    "lingua": ["xx"],
    "modalita": ["volando"],
}
CASES = [(name, value) for name, values in BAD.items() for value in values]


def test_every_parameter_that_can_be_bad_is_tried():
    flags = set()
    for search_filter in REGISTRY:
        for name, parameter in search_filter.parameters().items():
            if isinstance(parameter, FlagFilter):
                flags.add(name)  # any value is yes or no
    assert set(BAD) | flags == {p for f in REGISTRY for p in f.params}
    assert set(GROUPS) == set(BY_NAME)


@pytest.mark.parametrize(("name", "value"), CASES)
def test_a_bad_value_is_no_filter_and_a_notice(db, pinned_now, name, value):
    # With a good position, so that a bad radius is tried beside it.
    params = QueryDict(mutable=True)
    params[name] = value
    if name == "raggio":
        params["vicino"] = "45.4,9.1"
    search = ActivityFilter(params, now=pinned_now)
    search.resolve()
    conditions = search.conditions()
    assert name not in search.values
    assert name not in conditions
    assert list(conditions) == (["vicino"] if name == "raggio" else [])
    assert len(search.notices()) == 1


def test_the_form_shows_some_parameters_and_keeps_the_others_hidden():
    assert HIDDEN_PARAMS.isdisjoint({"q", "eta", "giorno", "ora"})
    assert {"vicino", "raggio", "categoria", "ordine"} <= HIDDEN_PARAMS


def test_the_conditions_follow_the_registry_order(db, pinned_now):
    params = QueryDict("modalita=remoto&gratis=1&eta=8&giorno=sab")
    assert list(ActivityFilter(params, now=pinned_now).conditions()) == [
        "eta",
        "giorno",
        "gratis",
        "modalita",
    ]


def test_only_a_position_has_looser_forms_wider_radii_up_to_the_limit(db, pinned_now):
    search = ActivityFilter(QueryDict("vicino=45.4,9.1&raggio=100&eta=8"), now=pinned_now)
    widenings = BY_NAME["vicino"].widenings(search)
    assert [w.params for w in widenings] == [{"raggio": "200"}, {"raggio": "300"}]
    assert all(not f.widenings(search) for f in REGISTRY if f.name != "vicino")
