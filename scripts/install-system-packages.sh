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
  libqpdf-dev qpdf libdeflate-dev icc-profiles-free python3-pikepdf
)
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
echo "system packages: ok (${#packages[@]} packages)"
