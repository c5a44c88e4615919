# Linkrete's image: the site (gunicorn) and the background worker run from it, with different
# commands (compose.yaml). Debian's Pango and Noto fonts draw the PDF sheets (Arabic, Chinese);
# HarfBuzz's subsetter embeds only the glyphs used (without it WeasyPrint falls back to fontTools,
# and a Chinese sheet takes longer than gunicorn's timeout).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-noto-core fonts-noto-cjk \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --system --create-home --home-dir /srv/linkrete linkrete
WORKDIR /srv/linkrete

# The dependencies first, so a change of code does not reinstall them.
COPY pyproject.toml README.md ./
RUN mkdir linkrete directory sportelli famiglie \
    && pip install . && pip uninstall -y linkrete \
    && rm -rf build linkrete.egg-info
# The code itself is run from here, not installed: settings find templates, static files and
# catalogues beside it. It belongs to root: the site's user reads it and writes only the folders
# made for it below (.dockerignore keeps secrets, backups and the tests out).
COPY . .

# Static files collected and compressed at build time (WhiteNoise's manifest). The settings
# need these variables to load; nothing connects to a database here.
RUN DEBUG=0 SECRET_KEY=build-only ALLOWED_HOSTS=build \
        FIELD_KEYS=YnVpbGQtb25seS1rZXktbm90LXVzZWQtYXQtcnVuLTA= \
        DATABASE_URL=postgres://build@localhost/none \
        python manage.py collectstatic --no-input --verbosity 0 \
    && mkdir -p media private-media cache opendata \
    && chown linkrete:linkrete media private-media cache opendata

USER linkrete
EXPOSE 8000
# Workers and timeout: see README ("Running in production"); the proxy in front terminates TLS.
CMD ["gunicorn", "linkrete.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", \
     "--timeout", "30", "--access-logfile", "-"]
