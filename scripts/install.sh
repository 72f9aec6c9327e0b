#!/usr/bin/env bash
# Builds Galley for release and installs it: PREFIX/bin/galley, PREFIX/libexec/galley/galley-net (serve, publish and
# image downloads), the data it reads (Layouts/, Fonts/, Examples/) in
# PREFIX/share/galley, the man page galley(1) and bash, zsh and fish completions. --destdir stages every file under
# another root without changing the paths Galley is installed for (as `make install DESTDIR=…` does), which is how
# scripts/build-deb.sh packages it. The layout on disk and the order Galley searches for its data: docs/install.md.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: scripts/install.sh [--prefix DIR] [--destdir DIR] [--no-build]
  --prefix DIR   where Galley is installed (default /usr/local): DIR/bin/galley, DIR/libexec/galley/galley-net,
                 DIR/share/galley, DIR/share/man/man1
  --destdir DIR  stage the files under DIR (DIR/PREFIX/...) instead of the root, for packaging
  --no-build     install the release binaries already built (.build/release/galley and galley-net) instead of building them
EOF
}

prefix=/usr/local
destdir=""
build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="${2:?--prefix needs a folder}"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    --destdir) destdir="${2:?--destdir needs a folder}"; shift 2 ;;
    --destdir=*) destdir="${1#--destdir=}"; shift ;;
    --no-build) build=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install.sh: unknown argument $1" >&2; usage >&2; exit 64 ;;
  esac
done
case "$prefix" in
  /*) ;;
  *) echo "install.sh: --prefix must be an absolute path (Galley finds its data relative to it): $prefix" >&2; exit 64 ;;
esac
prefix="${prefix%/}"
[ -n "$prefix" ] || prefix=/

cd "$(dirname "$0")/.."
repo="$(pwd)"

# The Swift runtime is linked into the binary (--static-swift-stdlib): Debian has no package of Swift's runtime
# libraries, and an installed Galley should not depend on where the toolchain that built it happens to live.
# Two executables: galley, and galley-net with everything that speaks HTTP (serve, publish, image downloads), which
# galley runs from PREFIX/libexec/galley when it needs it.
build_flags=(-c release --static-swift-stdlib)
if [ "$build" -eq 1 ]; then
  swift build "${build_flags[@]}" --product galley
  swift build "${build_flags[@]}" --product galley-net
fi
binary="$repo/.build/release/galley"
network="$repo/.build/release/galley-net"
for file in "$binary" "$network"; do
  [ -x "$file" ] || { echo "install.sh: no release binary at $file (run without --no-build)" >&2; exit 1; }
done

root="${destdir%/}$prefix"
share="$root/share/galley"
echo "installing Galley into ${destdir:+$destdir (staged) for }$prefix"

install -d "$root/bin" "$share" "$root/libexec/galley"
install -m 0755 "$binary" "$root/bin/galley"
install -m 0755 "$network" "$root/libexec/galley/galley-net"

# The data: a fresh copy each time, so a font or layout removed from the checkout does not linger in the install.
# Fonts/ carries pinned-fonts.tsv (the system CJK files and their SHA-256) and the licences beside the font files.
# Examples/ is read by `galley bench` and `bench-export`. The caches Galley makes (compiled hyphenation patterns,
# fontconfig's scans, file digests) are per user under $XDG_CACHE_HOME/galley and are never installed.
for folder in Layouts Fonts Examples; do
  rm -rf "${share:?}/$folder"
  cp -R "$repo/$folder" "$share/$folder"
done
find "$share" -type d -exec chmod 0755 {} +
find "$share" -type f -exec chmod 0644 {} +

# galley(1), from the command definitions (see scripts/generate-man-page.sh for why not the package plugin).
install -d "$root/share/man/man1"
scripts/generate-man-page.sh "$root/bin/galley" "$root/share/man/man1"

# Completions where each shell looks for them without configuration. zsh: Debian's own packages use
# vendor-completions under /usr; a local prefix uses site-functions, which zsh searches for /usr/local too.
install -d "$root/share/bash-completion/completions" "$root/share/fish/vendor_completions.d"
zsh_folder="$root/share/zsh/site-functions"
[ "$prefix" = /usr ] && zsh_folder="$root/share/zsh/vendor-completions"
install -d "$zsh_folder"
"$root/bin/galley" --generate-completion-script bash > "$root/share/bash-completion/completions/galley"
"$root/bin/galley" --generate-completion-script zsh > "$zsh_folder/_galley"
"$root/bin/galley" --generate-completion-script fish > "$root/share/fish/vendor_completions.d/galley.fish"

echo "installed: $prefix/bin/galley, $prefix/libexec/galley/galley-net, data in $prefix/share/galley, man page, bash/zsh/fish completions"
