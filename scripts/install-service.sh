#!/usr/bin/env bash
# Installs and starts the systemd unit that runs the station at boot, from this checkout.
# usage: sudo scripts/install-service.sh /etc/evse-station/site.toml
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
config=${1:?usage: scripts/install-service.sh SITE_CONFIG.toml}
[ -f "$config" ] || { echo "install-service: no such file: $config" >&2; exit 2; }
scripts/setup.sh
.venv/bin/python -m launcher --config "$config" --help >/dev/null
unit=/etc/systemd/system/evse-station.service
sed -e "s|@INSTALL_DIR@|$PWD|g" -e "s|@CONFIG@|$(readlink -f "$config")|g" systemd/evse-station.service.in >"$unit"
systemd-analyze verify "$unit"
systemctl daemon-reload
systemctl enable --now evse-station.service
echo "installed $unit"
