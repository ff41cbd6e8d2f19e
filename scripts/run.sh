#!/usr/bin/env bash
# `make run`: migrate the database, load the demo (only with DEBUG on), start a background
# worker beside the web server, and serve on 127.0.0.1:$PORT until Ctrl-C.
set -euo pipefail
export DEBUG="${DEBUG:-true}"
export ALLOWED_HOSTS="${ALLOWED_HOSTS:-127.0.0.1,localhost}"
PORT="${PORT:-8000}"
SAMSKAPA="${SAMSKAPA:-.venv/bin/samskapa}"
mkdir -p var

"$SAMSKAPA" migrate --noinput -v 0
if [[ "${DEBUG,,}" =~ ^(1|true|yes|on)$ ]]; then
  "$SAMSKAPA" demo ${DEMO_PASSWORD:+--password "$DEMO_PASSWORD"}
else
  echo "DEBUG is off: no demo login is created. Create an administrator with: $SAMSKAPA createsuperuser"
  # A local production-like run speaks plain http on loopback.
  export SECURE_SSL_REDIRECT="${SECURE_SSL_REDIRECT:-false}" SESSION_COOKIE_SECURE="${SESSION_COOKIE_SECURE:-false}" \
    CSRF_COOKIE_SECURE="${CSRF_COOKIE_SECURE:-false}"
  "$SAMSKAPA" collectstatic --noinput -v 0
fi

"$SAMSKAPA" db_worker &
WORKER=$!
trap 'kill $WORKER 2>/dev/null || true' EXIT INT TERM

echo "Samskapa is at http://127.0.0.1:$PORT/  (background worker pid $WORKER; Ctrl-C stops both)"
if [[ "${DEBUG,,}" =~ ^(1|true|yes|on)$ ]]; then
  "$SAMSKAPA" runserver "127.0.0.1:$PORT"
else
  .venv/bin/gunicorn samskapa.wsgi --bind "127.0.0.1:$PORT" --workers "${WEB_CONCURRENCY:-2}"
fi
