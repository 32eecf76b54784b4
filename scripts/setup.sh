#!/usr/bin/env bash
# Idempotent set-up: Debian packages, the Python virtual environment and the firmware host builds.
# Works as root or as a user with sudo; safe to run again (it only does what is missing or stale).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."

with_tests=0
[ "${1:-}" = "--tests" ] && with_tests=1

log() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null; then sudo "$@"
    else echo "setup: need root or sudo to install system packages" >&2; exit 1
    fi
}

# Debian 12/13 and Raspberry Pi OS package names.
packages=(
    build-essential cmake pkg-config python3-venv python3-dev
    nlohmann-json3-dev
)
test_packages=(doctest-dev gcc-riscv64-unknown-elf systemd postgresql)
[ "$with_tests" -eq 1 ] && packages+=("${test_packages[@]}")

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Python virtual environment, reinstalled only when pyproject.toml changes.
python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    log "creating .venv"
    "$python" -m venv .venv
fi
stamp=.venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)
if [ ! -f "$stamp" ]; then
    log "installing Python packages"
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e '.[dev]'
    rm -f .venv/.installed-*
    touch "$stamp"
fi

# Firmware host builds: Release for the simulator and benchmarks; ASan/UBSan for the host tests.
jobs=$(nproc 2>/dev/null || echo 2)
log "building the firmware simulator (build/firmware)"
if [ "$with_tests" -eq 1 ]; then
    # The core benchmark lives with the host tests, which need doctest and the rv32 compiler.
    cmake -S firmware -B build/firmware -DCMAKE_BUILD_TYPE=Release -DEVSE_TESTS=ON >/dev/null
    cmake --build build/firmware -j "$jobs" --target evse-sim bench_core >/dev/null
else
    cmake -S firmware -B build/firmware -DCMAKE_BUILD_TYPE=Release -DEVSE_TESTS=OFF >/dev/null
    cmake --build build/firmware -j "$jobs" --target evse-sim >/dev/null
fi
log "building the allocator's native core (app/_allocator)"
cmake -S app/native -B build/native -DPython3_EXECUTABLE="$PWD/.venv/bin/python" >/dev/null
cmake --build build/native -j "$jobs" >/dev/null
if [ "$with_tests" -eq 1 ]; then
    log "building the firmware host tests (build/firmware-asan)"
    cmake -S firmware -B build/firmware-asan -DCMAKE_BUILD_TYPE=Debug -DEVSE_SANITIZE=ON >/dev/null
    cmake --build build/firmware-asan -j "$jobs" >/dev/null
fi
log "ready"
