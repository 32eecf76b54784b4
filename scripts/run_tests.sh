#!/usr/bin/env bash
# The whole test suite: generated code current, lint, firmware host tests (ctest), then pytest.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."

section() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }

section "python: $(.venv/bin/python -c 'import sys; import os; print(sys.version.split()[0], os.path.realpath(sys.executable))')"

section "wire protocol: generated files current"
.venv/bin/python firmware/protocol/gen_wire.py --check

section "ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .

section "import contracts (layers, no cycles; docs/architecture.md) and types (mypy --strict)"
.venv/bin/lint-imports
.venv/bin/mypy

section "firmware: ctest (ASan/UBSan build, rv32imc portability)"
ctest --test-dir build/firmware-asan --output-on-failure -j 2
# The figures the host tests measured (timings, fuzz counts), shown even when they pass.
sed -n 's/^.*MESSAGE: /  /p' build/firmware-asan/Testing/Temporary/LastTest.log

section "pytest"
.venv/bin/python -m pytest "$@"
