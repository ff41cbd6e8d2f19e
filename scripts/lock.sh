#!/usr/bin/env bash
# Regenerate requirements.lock: the exact versions of everything the runtime and the `test`
# extra install, resolved in a clean venv from pyproject.toml's ranges. `make install` and
# `make install-test` install with it as a constraints file (`pip install -c requirements.lock`),
# so every machine and CI get the same set. Run it (`make lock`) after changing a dependency in
# pyproject.toml, and commit both files together.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$PYTHON" -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install --quiet --upgrade pip
"$tmp/venv/bin/python" -m pip install --quiet -e '.[test]'
{
  echo "# Exact versions of the runtime and the test extra, resolved from pyproject.toml in a clean venv."
  echo "# Regenerate with \`make lock\` (scripts/lock.sh); installed as constraints by \`make install\`."
  "$tmp/venv/bin/python" -m pip freeze --exclude-editable | LC_ALL=C sort -f
} > requirements.lock.new
mv requirements.lock.new requirements.lock
echo "requirements.lock: $(grep -vc '^#' requirements.lock) packages"
