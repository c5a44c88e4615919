"""Logos and photos are refused by their pixel count, read from the header, before decoding."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image, ImageFile

from directory.models import Revision
from directory.staff.images import MAX_PIXELS, PHOTO_MAX_SIZE, clean_image
from tests.directory.staff.test_images import png_declaring
from tests.directory.staff.test_revisions import profile_data


@pytest.fixture
def decoded(monkeypatch):
    """Every image Pillow decodes, by size: what a refused upload must never reach."""
    sizes = []
    load = ImageFile.ImageFile.load

    def spy(image):
        sizes.append(image.size)
        return load(image)

    monkeypatch.setattr(ImageFile.ImageFile, "load", spy)
    return sizes


def test_a_9400_square_png_under_pillows_own_limit_is_refused_undecoded(decoded):
    assert Image.MAX_IMAGE_PIXELS > 9400 * 9400  # Pillow alone would decode it: 800 MB
    with pytest.raises(ValidationError) as error:
        clean_image(png_declaring(9400, 9400), PHOTO_MAX_SIZE)
    assert error.value.code == "bomb"
    assert decoded == []


def test_a_real_compact_png_over_the_cap_is_refused_undecoded(decoded):
    # One bit a pixel compresses to a few KB: the shape of the 363 KB upload in the issue.
    out = io.BytesIO()
    Image.new("1", (8000, 6000)).save(out, format="PNG")
    assert out.tell() < 100_000 and MAX_PIXELS < 8000 * 6000
    with pytest.raises(ValidationError) as error:
        clean_image(SimpleUploadedFile("mappa.png", out.getvalue()), PHOTO_MAX_SIZE)
    assert error.value.code == "bomb"
    assert decoded == []


def test_an_image_just_under_the_cap_is_accepted():
    out = io.BytesIO()
    Image.new("1", (6000, 6000)).save(out, format="PNG")  # 36 megapixels
    cleaned = clean_image(SimpleUploadedFile("mappa.png", out.getvalue()), PHOTO_MAX_SIZE)
    with Image.open(cleaned) as image:
        assert image.size == PHOTO_MAX_SIZE


def test_a_large_jpeg_is_decoded_already_reduced(decoded):
    out = io.BytesIO()
    Image.new("RGB", (6400, 4800), "teal").save(out, format="JPEG")
    cleaned = clean_image(SimpleUploadedFile("foto.jpg", out.getvalue()), (800, 800))
    # draft() makes the decoder scale by 1/4 while reading, not the full 30 megapixels.
    assert decoded[0] == (1600, 1200)
    with Image.open(cleaned) as image:
        assert image.size == (800, 600)


def test_the_form_says_why_and_keeps_what_was_typed(client, staff, organization):
    client.force_login(staff)
    with translation.override("en"):
        url = reverse("staff:organization_edit", args=[organization.slug])
    data = {**profile_data(organization), "description": "Testo appena scritto."}
    response = client.post(url, {**data, "logo_upload": png_declaring(9400, 9400)})
    assert response.status_code == 200
    page = response.content.decode()
    assert "40 megapixel" in page
    assert "Testo appena scritto." in page
    assert not Revision.objects.exists()
