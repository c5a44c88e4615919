"""The facets' links (``facets.url_with``): what a copy of the QueryDict, changed and encoded,
gives, from the parameters encoded once per request."""

import pytest
from django.http import QueryDict

from directory.search.facets import url_with


def _by_copy(params, set_values=None, drop=()):
    changed = params.copy()
    for name in {*drop, "pagina"}:
        changed.pop(name, None)
    for name, value in (set_values or {}).items():
        changed[name] = value
    return f"?{changed.urlencode()}"


CASES = [
    ("", {"categoria": "sport"}, ()),
    ("q=calcio+bambini&eta=8", {"giorno": "sab"}, ()),
    ("q=calcio&giorno=sab&eta=8", {"giorno": "dom"}, ()),  # a changed parameter keeps its place
    ("q=calcio&pagina=3&eta=8", {"eta": "11"}, ()),  # back to page 1
    ("q=caf%C3%A9+%26+t%C3%A8&lingua=ar", {}, ("lingua",)),
    ("q=corso&lingua=ar&lingua=uk", {"comune": "015146"}, ()),  # a repeated parameter
    ("q=corso&lingua=ar&lingua=uk", {"lingua": "fr"}, ()),
    ("vicino=45.4%2C9.1&raggio=10", {"raggio": 25}, ("ordine",)),
    ("q=italian+course&pagina=2", {"q": "corso di italiano"}, ("q",)),  # dropped, then set: last
    ("pagina=2", {}, ()),
]


@pytest.mark.parametrize(("query", "set_values", "drop"), CASES)
def test_the_same_link_as_a_changed_copy(query, set_values, drop):
    params = QueryDict(query)
    assert url_with(params, set_values, drop) == _by_copy(params, set_values, drop)
    # Again, from the encoding kept on the request's parameters.
    assert url_with(params, set_values, drop) == _by_copy(params, set_values, drop)


def test_a_mutable_querydict_is_encoded_afresh():
    params = QueryDict("q=calcio", mutable=True)
    assert url_with(params, {"eta": "8"}) == "?q=calcio&eta=8"
    params["q"] = "basket"
    assert url_with(params, {"eta": "8"}) == "?q=basket&eta=8"
