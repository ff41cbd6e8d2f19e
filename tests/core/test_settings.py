"""Settings come from the environment; production settings pass Django's deploy checks."""

import os
import subprocess
import sys


def _run(code: str, env: dict) -> subprocess.CompletedProcess:
    inherited = ("SECRET_KEY", "DATABASE_URL", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE", "SAMSKAPA_TASKS_BACKEND")
    clean = {k: v for k, v in os.environ.items() if k not in inherited}
    return subprocess.run(
        [sys.executable, "-c", code], env={**clean, **env}, capture_output=True, text=True, check=False
    )


def test_secret_key_is_generated_into_var_once(tmp_path):
    code = "import samskapa.settings as s; print(s.SECRET_KEY)"
    first = _run(code, {"SAMSKAPA_VAR_DIR": str(tmp_path)}).stdout.strip()
    second = _run(code, {"SAMSKAPA_VAR_DIR": str(tmp_path)}).stdout.strip()
    assert len(first) > 40 and first == second
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_database_url_selects_the_database(tmp_path):
    code = "import samskapa.settings as s; print(s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME'])"
    out = _run(code, {"SAMSKAPA_VAR_DIR": str(tmp_path), "DATABASE_URL": "postgresql://u@db.example:5432/samskapa"})
    assert out.stdout.split() == ["django.db.backends.postgresql", "samskapa"]
    default = _run(code, {"SAMSKAPA_VAR_DIR": str(tmp_path)}).stdout.split()
    assert default == ["django.db.backends.sqlite3", str(tmp_path / "samskapa.sqlite3")]


def test_production_settings_pass_check_deploy(tmp_path):
    env = {
        "SAMSKAPA_VAR_DIR": str(tmp_path),
        "DEBUG": "false",
        "ALLOWED_HOSTS": "samskapa.example.se",
        "SECRET_KEY": "x" * 20 + "a-long-and-random-production-secret-key-0123456789",
        "DJANGO_SETTINGS_MODULE": "samskapa.settings",
    }
    result = _run(
        "from samskapa.cli import main; main(['samskapa', 'check', '--deploy', '--fail-level', 'WARNING'])", env
    )
    assert result.returncode == 0, result.stderr


def test_the_development_server_keeps_no_database_connection_open(tmp_path):
    """runserver runs each request in a new thread: a kept connection would never be used again."""
    code = (
        "import sys; sys.argv = [sys.argv[0], '{command}']; import samskapa.settings as s; "
        "print(s.DATABASES['default']['CONN_MAX_AGE'])"
    )
    env = {"SAMSKAPA_VAR_DIR": str(tmp_path), "DATABASE_URL": "postgresql://u@db.example:5432/samskapa"}
    assert _run(code.format(command="runserver"), env).stdout.strip() == "0"
    assert _run(code.format(command="db_worker"), env).stdout.strip() == "60"  # one process, one connection


def test_variables_are_read_with_their_types(tmp_path):
    code = (
        "import samskapa.settings as s; "
        "print(s.DEBUG, s.ALLOWED_HOSTS, s.SAMSKAPA_SOURCE_RETRIES, s.SAMSKAPA_SOURCE_BACKOFF, "
        "s.EMAIL_USE_TLS, s.SAMSKAPA_SOURCE_URLS, s.SESSION_COOKIE_AGE)"
    )
    env = {
        "SAMSKAPA_VAR_DIR": str(tmp_path),
        "DEBUG": "on",
        "ALLOWED_HOSTS": " samskapa.example.se , www.samskapa.example.se,",
        "SAMSKAPA_SOURCE_RETRIES": "5",
        "SAMSKAPA_SOURCE_BACKOFF": "0.5",
        "EMAIL_USE_TLS": "no",
        "SAMSKAPA_SOURCE_URLS": "ssb=https://mirror.example/ssb/v2",
        "SAMSKAPA_SESSION_IDLE_MINUTES": "30",
    }
    out = _run(code, env)
    assert out.stdout.strip() == (
        "True ['samskapa.example.se', 'www.samskapa.example.se'] 5 0.5 False "
        "{'ssb': 'https://mirror.example/ssb/v2'} 1800"
    ), out.stderr
    defaults = _run(code, {"SAMSKAPA_VAR_DIR": str(tmp_path)}).stdout.strip()
    assert defaults == "False [] 3 1.0 False {} 3600"


def test_a_value_is_taken_as_written_even_when_it_starts_with_a_dollar(tmp_path):
    """django-environ would read "$name" as another variable's name; a secret must arrive unchanged."""
    code = "import samskapa.settings as s; print(s.SECRET_KEY); print(s.EMAIL_HOST_PASSWORD)"
    env = {"SAMSKAPA_VAR_DIR": str(tmp_path), "SECRET_KEY": "$ecret\\$key-" + "x" * 40, "EMAIL_HOST_PASSWORD": "$HOME"}
    assert _run(code, env).stdout.splitlines() == ["$ecret\\$key-" + "x" * 40, "$HOME"]
