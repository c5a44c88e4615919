"""The API's root (the standard's ``/``) and its OpenAPI document: the standard's
(``schema/openapi.json``) with our title, licence, server and the ``/locations/{id}`` path."""

import copy
import functools
import json

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from directory.hsds import schemas
from directory.hsds.api.http import endpoint, json_response

HSDS_VERSION = "3.0"
API_VERSION = "1.0.0"


@functools.cache
def _standard() -> dict:
    return json.loads((schemas.SCHEMA_DIR / "openapi.json").read_text("utf-8"))


def _locations_path() -> dict:
    return {
        "parameters": [
            {
                "in": "path",
                "name": "id",
                "required": True,
                "description": "The id of the location.",
                "schema": {"type": "string"},
            }
        ],
        "get": {
            "summary": "Retrieves a location with its addresses and accessibility.",
            "operationId": "getLocationById",
            "responses": {
                "200": {
                    "description": "The location matching the {id}.",
                    "content": {
                        "application/json": {
                            "schema": {
                                "$ref": "https://raw.githubusercontent.com/openreferral/"
                                "specification/3.0/schema/location.json"
                            }
                        }
                    },
                }
            },
        },
    }


def document(request) -> dict:
    described = copy.deepcopy(_standard())
    described["info"] = {
        "title": _("Linkrete: the directory's HSDA read API"),
        "version": API_VERSION,
        "summary": _("The published directory of social resources, as Open Referral HSDS 3.0."),
        "description": _(
            "Read only, no key. Lists are paged (page, per_page up to 200), or streamed whole "
            "with format=ndjson, one document a line; words, taxonomy terms, proximity and the "
            "date of change filter the services. At most "
            "%(limit)s requests a minute from one address."
        )
        % {"limit": settings.LINKRETE_API_RATE_LIMIT},
        "contact": {
            "name": settings.LINKRETE_SITE_OWNER_NAME or "Linkrete",
            "url": request.build_absolute_uri(reverse("pages:open_data_api")),
        },
        "license": {
            "name": settings.LINKRETE_CONTENT_LICENSE,
            "url": settings.LINKRETE_CONTENT_LICENSE_URL,
        },
    }
    if settings.LINKRETE_SITE_OWNER_EMAIL:
        described["info"]["contact"]["email"] = settings.LINKRETE_SITE_OWNER_EMAIL
    described["servers"] = [{"url": request.build_absolute_uri(reverse("hsda:root")).rstrip("/")}]
    described["paths"]["/locations/{id}"] = _locations_path()
    return described


@endpoint
def openapi(request):
    return json_response(document(request))


@endpoint
def root(request):
    """The standard's root: the HSDS version, the profile and where the description is."""
    return json_response(
        {
            "version": HSDS_VERSION,
            "profile": request.build_absolute_uri(reverse("pages:open_data_api")) + "#profilo",
            "openapi_url": request.build_absolute_uri(reverse("hsda:openapi")),
        }
    )
