"""The `samskapa` command: Django's management commands, plus the offline analysis tools.

`samskapa analyse` and `samskapa classify` need no database or settings, so they are
dispatched before Django starts; everything else (`demo`, `token`, `migrate`,
`runserver`, `db_worker`, ...) is a management command.
"""

import os
import sys

OFFLINE_COMMANDS = {"analyse", "classify"}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    command = argv[1] if len(argv) > 1 else ""
    if command in OFFLINE_COMMANDS:
        from samskapa.analysis.engine import cli as engine_cli  # type: ignore[attr-defined]

        runner = engine_cli.analyse_main if command == "analyse" else engine_cli.classify_main
        return runner(argv[2:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samskapa.settings")
    from django.core.management import execute_from_command_line

    argv[0] = "samskapa"
    execute_from_command_line(argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
