"""Uploaded images: checked by opening them with Pillow, re-encoded without metadata.

Memory is bounded before any pixel is decoded: the file size, then the dimensions Pillow
reads from the header (``Image.open`` decodes nothing), against ``MAX_PIXELS``. A JPEG is then
decoded already reduced (``draft``: the decoder skips the detail the thumbnail would discard).
"""

import io
import uuid
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# 40 megapixels: more than any phone camera's default photo, under half of Pillow's own bomb
# limit (about 89 megapixels). A PNG or WebP this size decodes to at most 160 MB (RGBA); a
# JPEG far less, thanks to draft(). A 9,400 x 9,400 PNG of a few hundred KB is refused.
MAX_PIXELS = 40_000_000
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}
LOGO_MAX_SIZE = (800, 800)
PHOTO_MAX_SIZE = (1600, 1600)


def _too_many_pixels() -> ValidationError:
    return ValidationError(
        _(
            "The image is too large in pixels (over %(megapixels)s megapixels): "
            "please send a smaller one."
        ),
        code="bomb",
        params={"megapixels": MAX_PIXELS // 1_000_000},
    )


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
                # Before verify(), which reads the whole stream.
                if image_format in ALLOWED_FORMATS and width * height > MAX_PIXELS:
                    raise _too_many_pixels()
                probe.verify()
            if image_format not in ALLOWED_FORMATS:
                raise ValidationError(_("Send a JPEG, PNG or WebP image."), code="format")
            upload.seek(0)
            with Image.open(upload) as image:
                if image.format == "JPEG":
                    # The decoder scales by 1/2, 1/4 or 1/8 while reading, never below the
                    # requested size: thumbnail() below does the rest.
                    image.draft("RGB", max_size)
                image.load()
                image = ImageOps.exif_transpose(image)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels() from None
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(
            _("This file is not a JPEG, PNG or WebP image, or it is damaged."), code="invalid"
        ) from None

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
