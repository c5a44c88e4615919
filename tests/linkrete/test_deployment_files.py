"""The deployment files (compose.yaml, deploy/) say what the settings read: no variable the
settings ignore (a typo would silently leave the default), the one proxy trusted as one, and
the uploads under review never served by the proxy. Docker is not on CI's machine: what the
files do at run time is the README's; what they say is checked here."""

import re
from pathlib import Path

import yaml
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
COMPOSE = yaml.safe_load((ROOT / "compose.yaml").read_text())
CADDYFILE = (ROOT / "deploy" / "Caddyfile").read_text()
SITE_SERVICES = ("app", "worker", "migrate")


def variables_the_settings_read() -> set[str]:
    source = "\n".join(
        path.read_text() for path in (ROOT / "linkrete").glob("*.py") if path.name != "env.py"
    )
    return set(re.findall(r'env_(?:str|bool|int|list)\(\s*"([A-Z0-9_]+)"', source))


def test_every_variable_given_to_the_site_is_one_the_settings_read():
    read = variables_the_settings_read()
    for name in SITE_SERVICES:
        assert set(COMPOSE["services"][name]["environment"]) <= read, name
    example = (ROOT / "deploy" / "linkrete.env.example").read_text()
    given = set(re.findall(r"^([A-Z0-9_]+)=", example, re.MULTILINE))
    # SITE_HOST and POSTGRES_PASSWORD are the compose file's own, for the proxy and the database.
    assert given - {"SITE_HOST", "POSTGRES_PASSWORD"} <= read


def test_the_site_trusts_exactly_the_one_proxy_in_front_of_it():
    assert COMPOSE["services"]["app"]["environment"]["TRUSTED_PROXY_COUNT"] == "1"
    assert "ports" not in COMPOSE["services"]["app"]  # reachable only through the proxy
    assert CADDYFILE.count("reverse_proxy ") == 1


def test_the_site_the_worker_and_the_migrations_share_one_image_and_its_volumes():
    services = COMPOSE["services"]
    images = {services[name]["image"] for name in SITE_SERVICES}
    assert images == {"linkrete:latest"}
    assert services["worker"]["command"][-1] == "run_worker"
    for name in ("app", "worker"):
        assert services[name]["depends_on"]["migrate"] == {
            "condition": "service_completed_successfully"
        }
        assert "private-media:/srv/linkrete/private-media" in services[name]["volumes"]
    # The proxy reads the public uploads only, never the families' files.
    assert not any("private-media" in volume for volume in services["proxy"]["volumes"])


def test_the_proxy_waits_for_the_site_to_reach_its_database_and_cache():
    app = COMPOSE["services"]["app"]
    assert "/readyz" in " ".join(app["healthcheck"]["test"])
    assert COMPOSE["services"]["proxy"]["depends_on"]["app"] == {"condition": "service_healthy"}


def test_images_under_review_are_not_served_by_the_proxy():
    # Caddy runs one `handle` block of a site, the one with the most specific path: the deny.
    assert re.search(r"handle /media/revisions/\* \{\s+respond 404\s+\}", CADDYFILE)
    assert re.findall(r"^\s*(handle\S*)", CADDYFILE, re.MULTILINE) == ["handle"] * 3
