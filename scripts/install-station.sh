#!/usr/bin/env bash
# Installs the station as an appliance on a fresh Raspberry Pi OS Lite (bookworm or trixie, 64-bit)
# or Debian 12/13: packages, the `evse` user, the release, the site configuration, the Pi's boot
# settings, the watchdog, journald, time synchronisation, SD-card wear settings and the systemd units
# (docs/deployment.md). Run as root from a checkout or an unpacked release tarball:
#
#   sudo scripts/install-station.sh [--config SITE.toml] [--root /opt/evse-station] [--wheels DIR]
#
# Idempotent: it changes only what differs from what it would write, so a second run changes nothing
# (no file rewritten, no line added twice, no new release for the same source), and it says what it
# changed. It refuses, before changing anything, an unsupported OS or architecture and a non-root user.
#
# Test-only overrides (tests/system/test_installer_chroot.py), never needed on a station:
#   EVSE_INSTALL_OS_RELEASE=FILE  read FILE instead of /etc/os-release
#   EVSE_INSTALL_ARCH=ARCH        take ARCH instead of `dpkg --print-architecture`
set -euo pipefail
umask 022
# Nothing run here leaves .pyc files behind: the release is compiled once, when it is built.
export PYTHONDONTWRITEBYTECODE=1

src=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
root=/opt/evse-station
config=
wheels=
user=evse
state_dir=/var/lib/evse-station
config_dir=/etc/evse-station
units_dir=/etc/systemd/system

usage() {
    cat <<'USAGE'
usage: sudo scripts/install-station.sh [--config SITE.toml] [--root DIR] [--wheels DIR]
  --config SITE.toml  the site configuration to install as /etc/evse-station/site.toml when there is
                      none yet (default: a commented template; an existing file is never replaced)
  --root DIR          the install root (default /opt/evse-station): DIR/releases, DIR/current, DIR/venv
  --wheels DIR        install the Python packages from the wheels in DIR only (pip --no-index), for
                      a station without Internet access; made with `pip wheel -w DIR` on a machine
                      of the same architecture and Python version
USAGE
}

say() { printf '\033[1minstall-station:\033[0m %s\n' "$*"; }
warn() { printf '\033[1minstall-station: warning:\033[0m %s\n' "$*" >&2; warnings+=("$*"); }
die() { printf '\033[1minstall-station:\033[0m %s\n' "$*" >&2; exit 1; }
changes=()
warnings=()
changed() { changes+=("$*"); say "$*"; }

while [ $# -gt 0 ]; do
    case "$1" in
        --config) config=${2:?--config needs a file}; shift 2 ;;
        --root) root=${2:?--root needs a directory}; shift 2 ;;
        --wheels) wheels=${2:?--wheels needs a directory}; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
done

# --- Refusals, before anything is changed --------------------------------------------------------
os_release=${EVSE_INSTALL_OS_RELEASE:-/etc/os-release}
[ -r "$os_release" ] || die "cannot read $os_release: this is not a Debian or Raspberry Pi OS system"
{ read -r os_id; read -r os_codename; read -r os_name; } < <(
    # shellcheck source=/dev/null
    . "$os_release" && printf '%s\n' "${ID:-}" "${VERSION_CODENAME:-}" "${PRETTY_NAME:-${ID:-unknown}}")
# Raspberry Pi OS 64-bit calls itself debian (its 32-bit edition raspbian); Ubuntu and other
# derivatives are refused even though they are ID_LIKE=debian: their package names and Python differ.
case "$os_id/$os_codename" in
    debian/bookworm|debian/trixie|raspbian/bookworm|raspbian/trixie) ;;
    *) die "unsupported operating system: $os_name. Supported: Raspberry Pi OS bookworm or trixie (64-bit, Lite) and Debian 12 (bookworm) or 13 (trixie)." ;;
esac
arch=${EVSE_INSTALL_ARCH:-$(dpkg --print-architecture)}
case "$arch" in
    arm64|amd64) ;;   # arm64: the Raspberry Pi 4/5; amd64: bench and lab machines
    armhf|armel)
        die "unsupported architecture: $arch (32-bit ARM). PySide6, the kiosk's Qt binding, has no wheels for 32-bit ARM: install the 64-bit Raspberry Pi OS Lite (arm64)." ;;
    *) die "unsupported architecture: $arch. Supported: arm64 (Raspberry Pi 4/5, 64-bit OS) and amd64." ;;
esac
[ "$(id -u)" -eq 0 ] || die "must run as root: sudo $0 $*"
case "$root" in
    /*) root=${root%/} ;;
    *) die "--root must be an absolute path, not $root" ;;
esac
if [ -n "$config" ]; then
    if [ ! -f "$config" ] || [ ! -r "$config" ]; then die "--config: no readable file $config"; fi
    config=$(readlink -f "$config")
fi
if [ -n "$wheels" ]; then
    [ -d "$wheels" ] || die "--wheels: no directory $wheels"
    wheels=$(readlink -f "$wheels")
fi
# One installer at a time: the lock is held on this script itself, so nothing is left behind.
exec 9<"$0"
flock -n 9 || die "another install-station.sh is running"

work=$(mktemp -d /var/tmp/evse-install.XXXXXX)
trap 'rm -rf "$work"' EXIT

# Helpers that change a file only when its content, mode or owner differs, and say so.
ensure_owner_mode() {  # PATH MODE(octal, as stat %a prints it) USER:GROUP
    if [ "$(stat -c '%a %U:%G' "$1")" != "$2 $3" ]; then
        chown "$3" "$1"
        chmod "$2" "$1"
        changed "set $1 to mode $2, owner $3"
    fi
}
ensure_dir() {  # DIR MODE USER:GROUP
    if [ ! -d "$1" ]; then
        install -d -m "$2" -o "${3%:*}" -g "${3#*:}" "$1"
        changed "created $1"
    fi
    ensure_owner_mode "$1" "$2" "$3"
}
install_file() {  # SOURCE DEST MODE USER:GROUP
    if [ ! -f "$2" ] || ! cmp -s "$1" "$2"; then
        [ -d "$(dirname "$2")" ] || { mkdir -p "$(dirname "$2")"; changed "created $(dirname "$2")"; }
        # A full copy renamed over the old file: never a half-written file after a power cut.
        install -m "$3" -o "${4%:*}" -g "${4#*:}" "$1" "$2.evse-new"
        mv -f "$2.evse-new" "$2"
        changed "wrote $2"
    fi
    ensure_owner_mode "$2" "$3" "$4"
}
edit_file() {  # install_station_edits.py COMMAND FILE ARGS...: it prints "changed FILE" when it wrote
    local out rc=0
    out=$(/usr/bin/python3 "$src/scripts/install_station_edits.py" "$@") || rc=$?
    [ -z "$out" ] || changed "edited $2"
    return "$rc"
}
systemd_running() { [ -d /run/systemd/system ]; }
enable_unit() {  # UNIT [UNIT_FILE]: `systemctl enable` works without a running systemd (it makes the
    # symlinks); UNIT_FILE is a unit outside systemd's search path, linked in and enabled.
    if ! systemctl is-enabled --quiet "$1" 2>/dev/null; then
        systemctl enable --quiet "${2:-$1}"
        changed "enabled $1"
    fi
}

say "installing the station on $os_name ($arch) from $src into $root"

# --- Debian packages ------------------------------------------------------------------------------
# shellcheck source=scripts/debian-packages.sh
. "$src/scripts/debian-packages.sh"
packages=("${build_packages[@]}" "${runtime_packages[@]}" "${appliance_packages[@]}")
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
# OCPP timestamps (StartTransaction, MeterValues) must be true UTC: chrony when the image has it,
# else systemd-timesyncd (Raspberry Pi OS's default). Installing timesyncd would remove chrony.
if installed chrony; then time_unit=chrony.service; else time_unit=systemd-timesyncd.service; packages+=(systemd-timesyncd); fi
missing=()
for p in "${packages[@]}"; do installed "$p" || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
    changed "installed Debian packages: ${missing[*]}"
fi

# --- The system user ------------------------------------------------------------------------------
if ! getent passwd "$user" >/dev/null; then
    useradd --system --user-group --home-dir "$state_dir" --no-create-home --shell /usr/sbin/nologin \
        --comment "EV charging station" "$user"
    changed "created the system user $user"
fi
# The devices it uses: I2C to the chargers (i2c), USB serial ports for esptool (dialout), the display
# and GPU (video, render), the touch screen (input). i2c-tools (installed above) creates the i2c group
# on Debian and Raspberry Pi OS, with the udev rule that gives it /dev/i2c-*; a group missing here is
# one the machine has no devices for, so it is skipped rather than invented.
for group in i2c dialout video render input; do
    if ! getent group "$group" >/dev/null; then
        warn "no group $group on this machine: $user is not added to it"
    elif ! id -nG "$user" | tr ' ' '\n' | grep -qx "$group"; then
        usermod -a -G "$group" "$user"
        changed "added $user to the group $group"
    fi
done
# The state directory (StateDirectory= of the units: ledger, secrets, backups) exists before the first
# start, so that the first admin account can be made in it.
ensure_dir "$state_dir" 750 "$user:$user"

# --- The release (the updater's layout, app/updates/station_release.py) ---------------------------
# The root is the updater's too: the station (user evse) installs signed releases into releases/ and
# switches current/previous (OCPP UpdateFirmware), so it owns those. The sticky bit keeps it from
# replacing what root owns there, the venv.
ensure_dir "$root" 1775 "root:$user"
ensure_dir "$root/releases" 755 "$user:$user"
python=/usr/bin/python3
[ -x "$python" ] || die "no $python: install the python3 package"
python_version=$("$python" -c 'import sys; print(sys.version.split()[0])')
venv=$root/venv
if [ -x "$venv/bin/python" ] && [ "$("$venv/bin/python" -c 'import sys; print(sys.version.split()[0])' 2>/dev/null)" != "$python_version" ]; then
    say "recreating $venv: it was made with another Python than $python $python_version"
    rm -rf "$venv"
fi
if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv"
    changed "created $venv with $python $python_version"
fi
# The dependencies of pyproject.toml, not the project itself: the release runs from its own tree
# (PYTHONPATH=current). Reinstalled only when the list changes.
"$python" -c 'import sys, tomllib
print("\n".join(tomllib.load(open(sys.argv[1], "rb"))["project"]["dependencies"]))' "$src/pyproject.toml" >"$work/requirements.txt"
if ! cmp -s "$work/requirements.txt" "$venv/evse-requirements.txt"; then
    pip_source=()
    if [ -n "$wheels" ]; then pip_source=(--no-index --find-links "$wheels"); else say "downloading the Python packages (about 300 MB)"; fi
    "$venv/bin/python" -m pip install -q --disable-pip-version-check "${pip_source[@]}" -r "$work/requirements.txt"
    cp "$work/requirements.txt" "$venv/evse-requirements.txt"
    changed "installed the Python packages into $venv"
fi

# The release's files: the source tree without what the station does not run (its tests, git's and CI's
# files) and without build products, made anew for this Python below. The firmware's sources stay: the
# simulator is built from them (demo mode), and a later install from this release builds it again.
# Run from an installed release (ROOT/current/scripts), the files the install added are left out too.
release_files() {
    (cd "$src" && find . \
        \( -path './.*' -o -path ./build -o -path ./var -o -path ./tests -o -path ./firmware/tests \
           -o -name '*.egg-info' -o -name __pycache__ -o -name node_modules -o -name '.*_cache' \
           -o -name .hypothesis \) -prune \
        -o \( -type f -o -type l \) ! -name '*.pyc' ! -path './app/balancing/_allocator*.so' \
           ! -path './kiosk_ui/i18n/*.qm' ! -path ./RELEASE.json ! -path ./SOURCE.sha256 \
           -print0 | LC_ALL=C sort -z)
}
# Same files, same content, same owner's execute bits, same Python and architecture: the release in
# `current` is this one. (Only the execute bit: the archive drops group and other write bits.)
digest=$( { echo "$python_version $arch"; release_files | (cd "$src" && xargs -0 stat -c '%A %n' | cut -c4,11-) ;
            release_files | (cd "$src" && xargs -0 sha256sum); } | sha256sum | cut -d' ' -f1)
version=$("$python" -c 'import sys, tomllib; print(tomllib.load(open(sys.argv[1], "rb"))["project"]["version"])' "$src/pyproject.toml")
if [ -f "$root/current/SOURCE.sha256" ] && [ "$(cat "$root/current/SOURCE.sha256")" = "$digest" ]; then
    say "release $version is installed already: $(readlink -f "$root/current")"
else
    say "building release $version"
    tree=$work/tree
    mkdir "$tree"
    release_files | (cd "$src" && tar --null -T - -cf -) | tar -C "$tree" -xf -
    cmake -S "$tree/app/balancing/native" -B "$work/native" -DCMAKE_BUILD_TYPE=Release \
        -DPython3_EXECUTABLE="$venv/bin/python" >/dev/null
    cmake --build "$work/native" -j "$(nproc)" >/dev/null
    # The charger simulator (the firmware core built for this computer): until chargers are listed in
    # site.toml the station shows its kiosk in demo mode on simulated chargers (docs/deployment.md).
    cmake -S "$tree/firmware" -B "$work/firmware" -DCMAKE_BUILD_TYPE=Release -DEVSE_TESTS=OFF >/dev/null
    cmake --build "$work/firmware" -j "$(nproc)" --target evse-sim >/dev/null
    install -D -m 755 "$work/firmware/evse-sim" "$tree/build/firmware/evse-sim"
    for ts in "$tree"/kiosk_ui/i18n/*.ts; do
        "$venv/bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
    done
    # Compiled once here, so that no start on the Pi spends seconds compiling; checked against the
    # source's hash, not its time stamp, which the release archive need not keep (PEP 552).
    (cd "$tree" && "$venv/bin/python" -m compileall -q \
        --invalidation-mode checked-hash app hal kiosk_ui launcher web >/dev/null)
    echo "$digest" >"$tree/SOURCE.sha256"
    tar -C "$tree" -czf "$work/evse-station-$version.tar.gz" .
    # The updater's own installer: the same layout, RELEASE.json and health check as an OTA update.
    release=$(cd "$tree" && PYTHONPATH="$tree" "$venv/bin/python" scripts/install_release.py \
        --root "$root" --version "$version" "$work/evse-station-$version.tar.gz")
    chown -R "$user:$user" "$release"
    for link in current previous; do
        if [ -L "$root/$link" ]; then chown -h "$user:$user" "$root/$link"; fi
    done
    changed "installed release $version: $release"
fi
current=$(readlink -f "$root/current")

# --- The site configuration -----------------------------------------------------------------------
check_config() {  # FILE: the station's own parser, from the installed release
    (cd "$current" && PYTHONPATH="$current" "$venv/bin/python" -c 'import sys
from pathlib import Path
from app.config import ConfigError, load_config
try:
    load_config(Path(sys.argv[1]))
except ConfigError as err:
    sys.exit(f"configuration refused: {err}")' "$1")
}
ensure_dir "$config_dir" 750 "root:$user"
site=$config_dir/site.toml
if [ -f "$site" ]; then
    if [ -n "$config" ] && ! cmp -s "$config" "$site"; then
        warn "$site exists and was kept; it differs from $config (copy that one over it by hand if it should replace it)"
    fi
    check_config "$site" || warn "$site is not accepted by the station: edit it before starting the station"
else
    if [ -n "$config" ]; then
        cp "$config" "$work/site.toml"
    else
        sed "s|@ROOT@|$root|g" "$src/systemd/site.toml.template" >"$work/site.toml"
    fi
    check_config "$work/site.toml" || die "not installed: the site configuration ${config:-template} is refused (above)"
    install_file "$work/site.toml" "$site" 640 "root:$user"
fi
# Readable by the station, writable by root only: it may name secrets' locations and the central system.
ensure_owner_mode "$site" 640 "root:$user"

# --- The Raspberry Pi's boot configuration ---------------------------------------------------------
# Bookworm and trixie read /boot/firmware/config.txt (their /boot/config.txt only says so); older
# releases /boot/config.txt. Neither exists on a bench machine, which has no such settings.
boot_config=
for f in /boot/firmware/config.txt /boot/config.txt; do
    if [ -f "$f" ]; then boot_config=$f; break; fi
done
if [ -n "$boot_config" ]; then
    # I2C bus 1 at 400 kHz (fast mode) to the chargers; the SoC's hardware watchdog for systemd.
    edit_file config-txt "$boot_config" dtparam=i2c_arm=on dtparam=i2c_arm_baudrate=400000 dtparam=watchdog=on
else
    say "no Raspberry Pi boot configuration (/boot/firmware/config.txt): I2C and watchdog settings skipped"
fi
install_file "$src/systemd/i2c-dev.conf" /etc/modules-load.d/evse-i2c.conf 644 root:root

# --- systemd: the watchdog, the journal, time, SD-card wear -----------------------------------------
install_file "$src/systemd/watchdog-evse.conf" /etc/systemd/system.conf.d/evse-watchdog.conf 644 root:root
install_file "$src/systemd/journald-evse.conf" /etc/systemd/journald.conf.d/evse.conf 644 root:root
install_file "$src/systemd/sysctl-evse.conf" /etc/sysctl.d/90-evse.conf 644 root:root
enable_unit "$time_unit"
# noatime on the root file system: reads no longer write to the SD card. A / that fstab does not
# list (a container) is left as it is.
rc=3
[ ! -f /etc/fstab ] || { rc=0; edit_file fstab-noatime /etc/fstab || rc=$?; }
case "$rc" in
    0) ;;
    3) warn "/etc/fstab has no entry for / (or there is no fstab): noatime not set" ;;
    *) die "could not edit /etc/fstab" ;;
esac
# /tmp in RAM (systemd's tmp.mount): what lands there is temporary by definition, and needs no SD
# card writes. Debian 13 does this already; Debian 12 and bookworm ship the unit without enabling it.
# An fstab entry for /tmp is the administrator's choice and wins.
if ! awk '!/^[[:space:]]*#/ && $2 == "/tmp" { found = 1 } END { exit !found }' /etc/fstab 2>/dev/null; then
    if [ -f /usr/lib/systemd/system/tmp.mount ] || [ -f /lib/systemd/system/tmp.mount ]; then
        enable_unit tmp.mount
    elif [ -f /usr/share/systemd/tmp.mount ]; then
        enable_unit tmp.mount /usr/share/systemd/tmp.mount
    fi
fi

# --- The station's units -------------------------------------------------------------------------
# The station unit's PAM stack (PAMName=): its logind session on tty1 gives cage the display and the
# touchscreen without root. systemd/pam-NAME is installed as /etc/pam.d/NAME.
for pam in "$src"/systemd/pam-*; do
    [ -f "$pam" ] || continue
    install_file "$pam" "/etc/pam.d/$(basename "$pam" | sed 's/^pam-//')" 644 root:root
done
# Every systemd/*.in, with @ROOT@ replaced by the install root.
units=()
units_changed=0
for in in "$src"/systemd/*.in; do
    unit=$(basename "$in" .in)
    sed "s|@ROOT@|$root|g" "$in" >"$work/$unit"
    if grep -q '@[A-Z_]*@' "$work/$unit"; then
        die "$in has a placeholder other than @ROOT@: $(grep -o '@[A-Z_]*@' "$work/$unit" | sort -u | tr '\n' ' ')"
    fi
    [ -f "$units_dir/$unit" ] && cmp -s "$work/$unit" "$units_dir/$unit" || units_changed=1
    install_file "$work/$unit" "$units_dir/$unit" 644 root:root
    units+=("$unit")
done
verify=$(cd "$units_dir" && systemd-analyze verify --man=no "${units[@]}" 2>&1) || {
    printf '%s\n' "$verify" >&2
    die "systemd-analyze verify refused the units (above)"
}
[ -z "$verify" ] || warn "systemd-analyze verify: $verify"
if systemd_running && [ "$units_changed" -eq 1 ]; then
    systemctl daemon-reload
fi
for unit in "${units[@]}"; do
    # Units without an [Install] section (a service its timer starts) are not enabled themselves.
    if grep -q '^\[Install\]' "$units_dir/$unit"; then enable_unit "$unit"; fi
done
# The kiosk owns tty1: no login prompt there (other consoles keep theirs).
if systemctl is-enabled --quiet getty@tty1.service 2>/dev/null; then
    systemctl disable --quiet getty@tty1.service
    changed "disabled getty@tty1.service (the kiosk owns tty1)"
fi

# --- What was done, and what next ------------------------------------------------------------------
echo
if [ ${#changes[@]} -eq 0 ]; then
    say "nothing changed: the station was installed as this already"
else
    say "${#changes[@]} changes made (listed above)"
fi
for w in "${warnings[@]}"; do printf '  warning: %s\n' "$w"; done
admin="runuser -u $user -- env STATE_DIRECTORY=$state_dir PYTHONPATH=$root/current $venv/bin/python -m app admin --config $site"
cat <<NEXT

Installed: release $version in $current ($root/current), site configuration $site,
units ${units[*]}.
Next:
  1. Edit $site for this site (chargers, tariff, central system; docs/configuration.md).
  2. Make the first admin account (it asks for the PIN):
       $admin add-user --name "NAME" --role operator
  3. Reboot, so that the boot settings (I2C at 400 kHz, hardware watchdog), the journal, /tmp and the
     kiosk on tty1 take effect: reboot
NEXT
if systemd_running && [ ${#changes[@]} -gt 0 ]; then
    echo "  (Without a reboot: systemctl restart evse-station.service; the boot settings still need one.)"
fi
