#!/usr/bin/env bash
# The station unit's ExecStart (docs/deployment.md): the station with its driver kiosk full screen under
# the cage Wayland kiosk compositor when a display can be driven, else the station headless, so that
# charging goes on without a screen.
#
#   kiosk-session.sh PYTHON CONFIG [extra launcher options]
#
# The kiosk and the station are one process (docs/deployment.md): when the compositor dies
# the Qt client loses its Wayland connection and the process ends, systemd restarts the unit and the
# station recovers its sessions from the ledger; the chargers hold their last allocation until its lease
# ends meanwhile. Both branches exec, so systemd's main PID is cage (or the station) and the station sends
# its own sd_notify messages (the unit has NotifyAccess=all).
set -euo pipefail

if [ $# -lt 2 ]; then
    echo "usage: $0 PYTHON CONFIG [extra launcher options]" >&2
    exit 2
fi
python=$1
config=$2
shift 2

# A display can be driven: wlroots was told which backend to use (WLR_BACKENDS, e.g. a test's headless
# output), or the kernel has a DRM device (the Pi's vc4 KMS driver). The KMS driver makes
# /dev/dri/card* also when no screen is attached; cage then runs without an output, Qt makes a
# placeholder screen and the station charges on (tried with a headless cage of no output). No DRM
# device at all (the display driver missing): nothing could ever show the kiosk, the station runs alone.
display_present() {
    [ -n "${WLR_BACKENDS:-}" ] || compgen -G '/dev/dri/card*' >/dev/null
}

if display_present; then
    # The Wayland socket's directory: the unit's RuntimeDirectory= (systemd passes it as
    # $RUNTIME_DIRECTORY, the first of a colon-separated list), which the service owns and may write
    # under ProtectSystem=strict; otherwise the XDG_RUNTIME_DIR the caller gave.
    if [ -n "${RUNTIME_DIRECTORY:-}" ]; then
        export XDG_RUNTIME_DIR=${RUNTIME_DIRECTORY%%:*}
    fi
    # cage -d: clients draw no decorations of their own. Without it Qt's wayland platform draws a title
    # bar and a frame and the kiosk is a smaller window inside them (seen under cage 0.1.4, full screen
    # or not); QT_WAYLAND_DISABLE_WINDOWDECORATION says the same to Qt itself. Without -s, Ctrl+Alt+Fn
    # never switches away from the kiosk's virtual terminal: a driver has no way out by keyboard.
    # Qt's wayland platform, not eglfs: cage owns the display.
    export QT_QPA_PLATFORM=wayland QT_WAYLAND_DISABLE_WINDOWDECORATION=1
    exec cage -d -- "$python" -m launcher --kiosk --config "$config" "$@"
fi
echo "kiosk-session: no display (no DRM device, WLR_BACKENDS unset): the station runs headless" >&2
exec "$python" -m launcher --headless --config "$config" "$@"
