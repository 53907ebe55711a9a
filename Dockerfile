# syntax=docker/dockerfile:1
# Production image: gunicorn serving the site, whitenoise serving static files.
# The same image runs the dramatiq workers (`manage.py rundramatiq`) and the scheduler
# (`manage.py crontab`); see compose.yaml.

ARG PYTHON_IMAGE=python:3.11-slim-bookworm

# --- build: install the locked dependencies into a virtualenv --------------------------------
FROM ${PYTHON_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PYTHONDONTWRITEBYTECODE=1
RUN python -m venv /opt/venv
COPY requirements/base.txt /tmp/requirements.txt
RUN /opt/venv/bin/pip install --require-hashes -r /tmp/requirements.txt

WORKDIR /app
COPY . .
ENV PATH=/opt/venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=config.settings.production
# Catalogues compiled and static files collected at build time, not at start-up.
RUN pybabel compile -d locale -D django \
 && pybabel compile -d locale/overrides -D django \
 && SECRET_KEY=build-only-not-secret CCTV_STREAM_KEYS=build-only-not-a-key DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    STATIC_ROOT=/app/staticfiles python manage.py collectstatic --no-input -v 0 \
 && rm -rf tests bench .ci .git

# --- runtime: slim image, non-root user ------------------------------------------------------
FROM ${PYTHON_IMAGE} AS runtime
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production \
    STATIC_ROOT=/app/staticfiles \
    MEDIA_ROOT=/data/media \
    GUNICORN_CMD_ARGS="--bind=0.0.0.0:8000 --workers=2 --threads=1 --timeout=30 --graceful-timeout=20 --max-requests=2000 --max-requests-jitter=200"
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin app \
 && mkdir -p /data/media && chown app /data/media
COPY --from=build /opt/venv /opt/venv
COPY --from=build /app /app
WORKDIR /app
USER app
VOLUME ["/data/media"]
EXPOSE 8000
# /healthz/ checks the database, cache, broker, the scheduler's heartbeat and camera probes. The
# Host header is the site's own name (ALLOWED_HOSTS); a 500 raises, so the command fails.
HEALTHCHECK --interval=30s --timeout=10s --start-period=120s --retries=3 CMD \
  python -c "import os, urllib.request as u; host = os.environ.get('ALLOWED_HOSTS', 'localhost').split(',')[0]; u.urlopen(u.Request('http://127.0.0.1:8000/healthz/?format=text', headers={'Host': host, 'X-Forwarded-Proto': 'https'}), timeout=8)"
# config/gunicorn.py: Prometheus multiprocess directory, JSON logs (Django logs each request).
CMD ["gunicorn", "--config=config/gunicorn.py", "config.wsgi:application"]
