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

# Debian 12/13 and Raspberry Pi OS package names: the build and run-time lists are shared with the
# appliance's installer (scripts/install-station.sh), so both install the same set.
# shellcheck source=scripts/debian-packages.sh
. scripts/debian-packages.sh
packages=("${build_packages[@]}" "${runtime_packages[@]}")
# vsmartcard-vpcd: the virtual PC/SC reader the card reader tests put their virtual cards on.
# chromium: the browser Playwright drives through the web pages (its own download is not used).
test_packages=(doctest-dev gcc-riscv64-unknown-elf systemd postgresql vsmartcard-vpcd chromium)
# grim: screenshots of the kiosk under a headless cage; debootstrap: the installer's test in a fresh
# Debian root, which systemd-container (systemd-nspawn) then boots with its own systemd
# (docs/deployment.md).
test_packages+=(grim debootstrap systemd-container)
# The strict OCPP test central system runs on Node (ocpp-rpc 2.2.1 needs node >= 17.3; Debian 12 has 18).
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    test_packages+=(nodejs npm)
fi
[ "$with_tests" -eq 1 ] && packages+=("${test_packages[@]}")

# The kiosk's libraries and fonts: runtime_packages in scripts/debian-packages.sh.

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Python virtual environment on the distribution's own Python (/usr/bin/python3: 3.11.2 on Debian 12
# and Raspberry Pi OS bookworm, 3.13 on trixie), which is what a Pi runs; a newer python3 earlier on
# PATH would hide the bugs the Pi has. PYTHON=/path/to/python overrides it.
python=${PYTHON:-/usr/bin/python3}
[ -x "$python" ] || python=$(command -v "$python") || { echo "setup: no Python at $python" >&2; exit 1; }
python_version=$("$python" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')
if [ -x .venv/bin/python ] && [ "$(.venv/bin/python -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])' 2>/dev/null)" != "$python_version" ]; then
    log "recreating .venv: it was made with another Python than $python ($python_version)"
    rm -rf .venv
fi
if [ ! -x .venv/bin/python ]; then
    log "creating .venv with $python ($python_version)"
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

# --- kiosk: the translations (.ts in git) compiled to the .qm files Qt loads, when a .ts is newer.
for ts in kiosk_ui/i18n/*.ts; do
    qm=${ts%.ts}.qm
    if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
        log "building the kiosk translation $qm"
        .venv/bin/pyside6-lrelease -silent "$ts" -qm "$qm"
    fi
done
# --- end of the kiosk's translations

# The strict OCPP test central system's npm packages, reinstalled only when package-lock.json changes.
if [ "$with_tests" -eq 1 ]; then
    strict_csms=tests/support/ocpp_peers/strict_csms
    npm_stamp=$strict_csms/node_modules/.installed-$(sha256sum "$strict_csms/package-lock.json" | cut -c1-16)
    if [ ! -f "$npm_stamp" ]; then
        log "installing the strict OCPP test central system (npm ci)"
        (cd "$strict_csms" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
        touch "$npm_stamp"
    fi
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
log "building the allocator's native core (app/balancing/_allocator)"
cmake -S app/balancing/native -B build/native -DPython3_EXECUTABLE="$PWD/.venv/bin/python" >/dev/null
cmake --build build/native -j "$jobs" >/dev/null
if [ "$with_tests" -eq 1 ]; then
    log "building the firmware host tests (build/firmware-asan)"
    cmake -S firmware -B build/firmware-asan -DCMAKE_BUILD_TYPE=Debug -DEVSE_SANITIZE=ON >/dev/null
    cmake --build build/firmware-asan -j "$jobs" >/dev/null
fi
log "ready"
