"""Uploaded images: checked by opening them with Pillow, re-encoded without metadata."""

import io
import uuid
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}
LOGO_MAX_SIZE = (800, 800)
PHOTO_MAX_SIZE = (1600, 1600)


def clean_image(upload, max_size: tuple[int, int]) -> ContentFile:
    """Return a re-encoded copy of an uploaded JPEG, PNG or WebP, or raise ValidationError.

    The extension and the declared content type are ignored: only what Pillow reads counts.
    Re-encoding drops EXIF (GPS position included), ICC and text chunks.
    """
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The image is larger than 5 MB: please send a smaller one."), code="too_large"
        )
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as probe:
                image_format = probe.format
                width, height = probe.size
                probe.verify()
            if image_format not in ALLOWED_FORMATS:
                raise ValidationError(_("Send a JPEG, PNG or WebP image."), code="format")
            upload.seek(0)
            with Image.open(upload) as image:
                image.load()
                image = ImageOps.exif_transpose(image)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            _("The image is too large in pixels to be processed safely."), code="bomb"
        ) from None
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(
            _("This file is not a JPEG, PNG or WebP image, or it is damaged."), code="invalid"
        ) from None
    if width * height > (Image.MAX_IMAGE_PIXELS or 0) > 0:
        raise ValidationError(
            _("The image is too large in pixels to be processed safely."), code="bomb"
        )

    image.thumbnail(max_size)
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    )
    output = io.BytesIO()
    if has_alpha:
        image.convert("RGBA").save(output, format="PNG", optimize=True)
        extension = "png"
    else:
        image.convert("RGB").save(output, format="JPEG", quality=85, optimize=True)
        extension = "jpg"
    return ContentFile(output.getvalue(), name=f"{uuid.uuid4().hex}.{extension}")
