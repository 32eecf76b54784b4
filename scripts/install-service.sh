#!/usr/bin/env bash
# Kept for old instructions: the station is now installed as an appliance by scripts/install-station.sh
# (packages, user, release, units, boot settings; docs/deployment.md). An optional site configuration
# given here is passed on as --config (installed only where /etc/evse-station/site.toml does not exist).
# usage: sudo scripts/install-service.sh [SITE_CONFIG.toml]
set -euo pipefail
here=$(dirname "$(readlink -f "$0")")
echo "install-service.sh: replaced by scripts/install-station.sh, which runs now" >&2
if [ $# -gt 0 ]; then
    exec "$here/install-station.sh" --config "$1"
fi
exec "$here/install-station.sh"
