"""The required categories of an activity: checkboxes grouped by taxonomy, no JavaScript."""

import re

from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _

from directory.models import Category, Taxonomy
from tests.directory.staff.test_activity_fee import activity_data
from tests.factories import category


def _categories_block(page: str) -> str:
    """From the field's fieldset to the next field's."""
    return page[page.index('id="div_id_categories"') : page.index('id="div_id_min_age"')]


def test_categories_are_checkboxes_grouped_by_taxonomy(client, staff, organization):
    client.force_login(staff)
    page = client.get(reverse("staff:activity_new", args=[organization.slug])).content.decode()
    assert not re.search(r'<select[^>]*name="categories"', page)
    block = _categories_block(page)
    assert block.count('type="checkbox"') == Category.objects.count()
    for taxonomy in Taxonomy.objects.filter(categories__isnull=False).distinct():
        assert f'<legend class="h6">{escape(taxonomy.name)}</legend>' in block
    # The field's own legend announces it is required, and the help is read first.
    assert re.search(r'<legend class="linkrete-legend">[^<]*<span class="asteriskField">\*', block)
    assert 'aria-describedby="id_categories_helptext"' in block
    # A sub-category sits indented after its parent.
    parent = category("emergenze")
    child = category("sostegno-alimentare")
    assert block.index(f'value="{parent.pk}"') < block.index(f'value="{child.pk}"')
    child_row = block[: block.index(f'value="{child.pk}"')].rsplit("<div", 1)[1]
    assert "ms-4" in child_row


def test_no_category_is_an_error_shown_by_the_field(client, staff, organization):
    client.force_login(staff)
    data = activity_data(is_free="True")
    del data["categories"]
    response = client.post(reverse("staff:activity_new", args=[organization.slug]), data)
    assert response.status_code == 200
    assert response.context["form"].errors["categories"] == [_("This field is required.")]
    block = _categories_block(response.content.decode())
    assert 'aria-describedby="id_categories_error"' in block
    assert escape(_("This field is required.")) in block
    assert "Doposcuola del martedì" in response.content.decode()


def test_ticked_categories_stay_ticked_when_the_form_comes_back(client, staff, organization):
    client.force_login(staff)
    ticked = category("laboratori")
    data = activity_data(categories=[ticked.pk])  # no answer to "free?": the form comes back
    response = client.post(reverse("staff:activity_new", args=[organization.slug]), data)
    assert response.status_code == 200
    block = _categories_block(response.content.decode())
    assert re.search(rf'value="{ticked.pk}"[^>]*checked', block)
    assert block.count("checked") == 1
