"""Settings for the test suite: fast hashing, tasks run inline, no lockouts by default."""

import os

os.environ.setdefault("SAMSKAPA_TASKS_BACKEND", "immediate")
os.environ.setdefault("DEBUG", "false")

from samskapa.settings import *  # noqa: E402,F403
from samskapa.settings import VAR_DIR  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = VAR_DIR / "test-media"
LANGUAGE_CODE = "en"
