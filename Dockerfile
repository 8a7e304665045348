# Production image: gunicorn serves the web, the same image runs the Celery worker and beat.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN apt-get update \
 && apt-get install -y --no-install-recommends gettext curl libpango-1.0-0 libpangoft2-1.0-0 \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --create-home --uid 1000 smartcity

WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY . .
# collectstatic needs settings but no database or Redis: placeholders are enough at build time
RUN SECRET_KEY=build DATABASE_URL=postgres://build/x REDIS_URL=redis://build \
    python manage.py collectstatic --no-input --verbosity 0 \
 && SECRET_KEY=build DATABASE_URL=postgres://build/x REDIS_URL=redis://build \
    python manage.py compilemessages --ignore .venv --ignore var \
 && mkdir -p /app/var/private && chown -R smartcity /app/var

USER smartcity
EXPOSE 8000
CMD ["gunicorn", "smartcity.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
