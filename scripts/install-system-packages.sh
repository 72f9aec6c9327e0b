#!/usr/bin/env bash
# Installs the Debian 12 packages Galley builds against and tests with. Needs root (or sudo).
set -euo pipefail
packages=(
  pkg-config
  libcairo2-dev libpango1.0-dev libfontconfig-dev libfreetype-dev libharfbuzz-dev zlib1g-dev
  libhyphen-dev hyphen-en-us hyphen-en-gb hyphen-fr hyphen-de hyphen-es hyphen-it
  hyphen-pt-pt hyphen-pt-br hyphen-ru hyphen-uk hyphen-el
  libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev librsvg2-dev libgdk-pixbuf-2.0-dev libcld2-dev libicu-dev libpng-dev libjpeg-dev
  fonts-noto-cjk
  poppler-utils python3-jsonschema
  libqpdf-dev qpdf libdeflate-dev icc-profiles-free python3-pikepdf python3-fonttools libharfbuzz-subset0
)
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
# Another apt may hold its locks (unattended upgrades after boot, a second setup or CI run on the same machine):
# wait for it rather than fail. dpkg's lock has apt's own timeout; the package lists' lock has none, so the update is
# tried again while an apt or dpkg process is running, for five minutes at most.
attempts=0
until $sudo apt-get update -qq; do
  attempts=$((attempts + 1))
  if (( attempts >= 30 )) || ! pgrep -x 'apt-get|apt|dpkg|unattended-upgr' >/dev/null; then exit 1; fi
  echo "apt is busy; trying again in 10 s" >&2
  sleep 10
done
$sudo apt-get install -o DPkg::Lock::Timeout=300 -y -qq --no-install-recommends "${packages[@]}" >/dev/null
echo "system packages: ok (${#packages[@]} packages)"
