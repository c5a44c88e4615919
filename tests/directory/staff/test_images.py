import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from directory.models import Revision
from directory.staff.images import LOGO_MAX_SIZE, clean_image
from tests.directory.staff.test_revisions import profile_data


def jpeg_with_gps(size=(3000, 2000)):
    image = Image.new("RGB", size, "orange")
    exif = Image.Exif()
    exif[0x010F] = "Fotocamera"  # Make
    exif[0x8825] = {1: "N", 2: (45.0, 25.0, 3.0)}  # GPS IFD
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return SimpleUploadedFile("foto.jpg", out.getvalue(), content_type="image/jpeg")


def png_declaring(width, height):
    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    body = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
    body += chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b"")
    return SimpleUploadedFile("bomba.png", body, content_type="image/png")


def test_image_is_resized_re_encoded_and_stripped_of_exif():
    cleaned = clean_image(jpeg_with_gps(), LOGO_MAX_SIZE)
    with Image.open(cleaned) as image:
        assert max(image.size) <= max(LOGO_MAX_SIZE)
        assert image.format == "JPEG"
        assert not image.getexif()


def test_file_over_5_mb_is_refused():
    upload = SimpleUploadedFile("grande.jpg", b"\xff" * (5 * 1024 * 1024 + 1))
    with pytest.raises(ValidationError) as error:
        clean_image(upload, LOGO_MAX_SIZE)
    assert error.value.code == "too_large"


def test_real_image_over_5_mb_is_refused():
    # Random pixels do not compress: a real PNG well over the limit.
    import os

    image = Image.frombytes("RGB", (1500, 1500), os.urandom(1500 * 1500 * 3))
    out = io.BytesIO()
    image.save(out, format="PNG")
    assert out.tell() > 5 * 1024 * 1024
    with pytest.raises(ValidationError) as error:
        clean_image(SimpleUploadedFile("grande.png", out.getvalue()), LOGO_MAX_SIZE)
    assert error.value.code == "too_large"


def test_text_renamed_jpg_is_refused():
    upload = SimpleUploadedFile("finta.jpg", b"non sono una foto", content_type="image/jpeg")
    with pytest.raises(ValidationError) as error:
        clean_image(upload, LOGO_MAX_SIZE)
    assert error.value.code == "invalid"


def test_image_in_another_format_is_refused():
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, format="GIF")
    with pytest.raises(ValidationError) as error:
        clean_image(SimpleUploadedFile("x.png", out.getvalue()), LOGO_MAX_SIZE)
    assert error.value.code == "format"


def test_png_declaring_huge_dimensions_is_refused_as_a_bomb():
    with pytest.raises(ValidationError) as error:
        clean_image(png_declaring(100_000, 100_000), LOGO_MAX_SIZE)
    assert error.value.code == "bomb"


def test_logo_upload_goes_into_the_revision_and_errors_are_clear(client, staff, organization):
    client.force_login(staff)
    with translation.override("en"):
        url = reverse("staff:organization_edit", args=[organization.slug])
    bad = client.post(
        url, {**profile_data(organization), "logo_upload": png_declaring(99999, 99999)}
    )
    assert bad.status_code == 200
    assert "too large in pixels" in bad.content.decode()

    client.post(url, {**profile_data(organization), "logo_upload": jpeg_with_gps()})
    revision = Revision.objects.get()
    assert revision.data["image"].startswith("revisions/")
    with default_storage.open(revision.data["image"]) as stored, Image.open(stored) as image:
        assert not image.getexif()


def test_rejecting_a_revision_deletes_its_uploaded_image_after_commit(
    client, staff, coordinator, organization, django_capture_on_commit_callbacks
):
    client.force_login(staff)
    url = reverse("staff:organization_edit", args=[organization.slug])
    client.post(url, {**profile_data(organization), "logo_upload": jpeg_with_gps()})
    revision = Revision.objects.get()
    path = revision.data["image"]
    assert default_storage.exists(path)

    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(reverse("staff:review_reject", args=[revision.pk]), {"reason": "Sfocato."})
    # Nothing is deleted before the rejection is committed.
    assert default_storage.exists(path)
    for callback in callbacks:
        callback()

    assert not default_storage.exists(path)
    revision.refresh_from_db()
    assert revision.status == Revision.Status.REJECTED
    assert revision.data["name"] == organization.name


def test_approving_a_revision_keeps_its_uploaded_image(client, staff, coordinator, organization):
    client.force_login(staff)
    url = reverse("staff:organization_edit", args=[organization.slug])
    client.post(url, {**profile_data(organization), "logo_upload": jpeg_with_gps()})
    revision = Revision.objects.get()
    client.force_login(coordinator)
    client.post(reverse("staff:review_approve", args=[revision.pk]))
    organization.refresh_from_db()
    assert organization.logo.name == revision.data["image"]
    assert default_storage.exists(organization.logo.name)
