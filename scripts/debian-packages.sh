# The Debian 12/13 and Raspberry Pi OS packages the station needs, in one place: sourced by
# scripts/setup.sh (a development or test machine) and scripts/install-station.sh (the appliance),
# so the two can never install different sets. Defines arrays only; installs nothing.
# shellcheck shell=bash disable=SC2034  # the arrays are used by the scripts that source this file

# To build the Python environment and the allocator's native module (app/balancing/native): the
# compiler, CMake, the venv module and Python's headers; swig and libpcsclite-dev build pyscard from
# source where no wheel fits; nlohmann-json3-dev for the firmware simulator's build.
build_packages=(
    build-essential cmake pkg-config python3-venv python3-dev
    nlohmann-json3-dev
    swig libpcsclite-dev
)

# What the station needs at run time.
runtime_packages=(
    pcscd libpcsclite1 libusb-1.0-0   # card readers: PC/SC daemon, nfcpy's USB access
)
# --- kiosk (docs/kiosk.md): the libraries Qt's widgets need on a fresh Debian 12/13 or Raspberry Pi OS
# (checked with ldd on the PySide6 wheel's offscreen, xcb and svg plugins), and fonts that cover Malay,
# Chinese and Tamil. GLib's package was renamed for the 64-bit time_t transition in Debian 13.
runtime_packages+=(libgl1 libegl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3
           libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0   # a window under X (the demo)
           fonts-noto-core fonts-noto-cjk
           cage libwayland-client0 libwayland-cursor0 libwayland-egl1    # the appliance's compositor
           xwayland)   # cage 0.1.4 (Debian 12) refuses to start without /usr/bin/Xwayland
# shellcheck source=/dev/null
if [ "$(. /etc/os-release && echo "${VERSION_ID:-13}")" = "12" ]; then
    runtime_packages+=(libglib2.0-0)
else
    runtime_packages+=(libglib2.0-0t64)
fi
# --- end of the kiosk's packages

# Only the appliance (scripts/install-station.sh, docs/deployment.md): what a Raspberry Pi OS Lite
# lacks, or may lack, to run the station as a kiosk that keeps time and survives hangs.
# - systemd, dbus: the service manager (units, the watchdog) and the bus logind gives cage its seat on;
# - libpam-systemd: pam_systemd, which registers the station unit's logind session on tty1;
# - libgl1-mesa-dri: the Pi's vc4/v3d GPU drivers that cage renders with;
# - i2c-tools: i2cdetect for technicians checking the chargers' bus (its package creates the i2c group).
# Time synchronisation (systemd-timesyncd, or chrony when present) is chosen by the installer.
appliance_packages=(systemd dbus libpam-systemd libgl1-mesa-dri i2c-tools)
