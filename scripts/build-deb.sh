#!/usr/bin/env bash
# Builds galley_<version>_<arch>.deb (into Output/, or the folder given) from a release build installed for /usr.
#
# Depends is derived, not listed by hand: the shared libraries the binary links, through dpkg-shlibdeps (the same
# ldd-and-dpkg -S walk Debian's own packages get, with each library's minimum version from its symbols file); and
# the data Galley reads from the system at run time, found from the files the sources and Fonts/pinned-fonts.tsv
# name, each mapped to its package with dpkg -S. The Swift runtime is linked in (--static-swift-stdlib, see
# scripts/install.sh), so nothing from the toolchain is needed; the script fails if the binary still links any.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: scripts/build-deb.sh [--no-build] [OUT-DIR]
  OUT-DIR     folder for the .deb (default: Output/)
  --no-build  package the release binary already built instead of building it
EOF
}
out=""
install_flags=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) install_flags+=(--no-build); shift ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "build-deb.sh: unknown option $1" >&2; usage >&2; exit 64 ;;
    *) out="$1"; shift ;;
  esac
done
cd "$(dirname "$0")/.."
repo="$(pwd)"
out="${out:-$repo/Output}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
stage="$work/root"
scripts/install.sh --prefix /usr --destdir "$stage" "${install_flags[@]}"
binary="$stage/usr/bin/galley"
network="$stage/usr/libexec/galley/galley-net"

# Nothing may come from the toolchain: Debian has no package for it, so such a library would be missing after install.
for file in "$binary" "$network"; do
  if ldd "$file" | grep -E 'swift|not found'; then
    echo "build-deb.sh: $file links the libraries above, which no Debian package provides" >&2
    exit 1
  fi
done

# Stripped as Debian strips its binaries (181 MB to 88 MB here). The executable's own deflateInit_, which cairo's
# zlib calls must bind to (Sources/CDeflateLevel), lives in the dynamic symbol table, which strip keeps: checked.
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$binary" "$network"
nm -D --defined-only "$binary" | grep -w deflateInit_ >/dev/null || {
  echo "build-deb.sh: the stripped binary no longer exports deflateInit_ (compression levels would silently stop working)" >&2
  exit 1
}

# Debian's man pages are compressed, and the compressed file must not carry a time stamp (gzip -n) to be reproducible.
gzip -9n "$stage/usr/share/man/man1/galley.1"

# Libraries: dpkg-shlibdeps wants to run in a source package, so it gets a minimal debian/control of its own.
mkdir -p "$work/src/debian"
printf 'Source: galley\n\nPackage: galley\nArchitecture: any\n' > "$work/src/debian/control"
libraries="$(cd "$work/src" && dpkg-shlibdeps -O "$binary" "$network" 2>"$work/shlibdeps.log" | sed -n 's/^shlibs:Depends=//p')" || {
  cat "$work/shlibdeps.log" >&2
  exit 1
}
[ -n "$libraries" ] || { echo "build-deb.sh: dpkg-shlibdeps found no libraries" >&2; cat "$work/shlibdeps.log" >&2; exit 1; }
# Libraries Galley opens on first use (qpdf, librsvg, harfbuzz's subsetter: see CLibraryLoader) are not linked, so
# dpkg-shlibdeps cannot see them: their packages are found from the sonames the loaders name.
while read -r soname; do
  path="$(ldconfig -p | awk -v name="$soname" '$1 == name { print $NF; exit }')"
  [ -n "$path" ] || { echo "build-deb.sh: $soname, which Galley opens on first use, is not installed" >&2; exit 1; }
  package="$(dpkg -S "/usr${path#/usr}" 2>/dev/null | head -n1 | cut -d: -f1)"
  [ -n "$package" ] || { echo "build-deb.sh: no package holds $path" >&2; exit 1; }
  libraries="$libraries, $package"
done < <(grep -ho '"lib[^"]*\.so\.[0-9]*"' Sources/C*/*.c | tr -d '"' | sort -u)

# Data files read at run time: the hyphenation dictionaries LibHyphenHyphenator names (those this machine has), the
# sRGB profile PDF/A output embeds, and the pinned CJK fonts, which Galley refuses to run without.
data_files=()
while read -r name; do
  [ -e "/usr/share/hyphen/$name" ] && data_files+=("/usr/share/hyphen/$name")
done < <(grep -ho 'hyph_[A-Za-z_]*\.dic' Sources/GalleyPango/LibHyphenHyphenator.swift | sort -u)
while read -r path; do data_files+=("$path"); done < <(grep -ho '"/usr/share/color/icc/[^"]*"' Sources/GalleyPDF/*.swift | tr -d '"' | sort -u)
while read -r path; do data_files+=("$path"); done < <(grep -v '^#' Fonts/pinned-fonts.tsv | cut -f2)
data_packages="$(dpkg -S "${data_files[@]}" | cut -d: -f1 | tr ', ' '\n\n' | sed '/^$/d' | sort -u | paste -sd, | sed 's/,/, /g')"

version="$("$binary" --version)"
arch="$(dpkg --print-architecture)"
deb_version="${version}-1"
installed_kib="$(du -sk --exclude=DEBIAN "$stage" | cut -f1)"
mkdir -p "$stage/DEBIAN"
cat > "$stage/DEBIAN/control" <<EOF
Package: galley
Version: $deb_version
Architecture: $arch
Maintainer: ${GALLEY_DEB_MAINTAINER:-Galley developers <galley@invalid>}
Installed-Size: $installed_kib
Depends: $libraries, $data_packages
Section: text
Priority: optional
Description: typesets web articles into print-ready PDFs
 Galley reads structured articles (JSON, Markdown with front matter, HTML,
 WordPress posts and exports) and sets them with TeX-like line breaking,
 hyphenation and page building into tagged PDFs, optionally PDF/UA-1 or
 PDF/A. It renders single articles, whole archives in worker processes,
 and issues, and can serve renders over HTTP or publish PDFs to WordPress.
EOF
(cd "$stage" && find usr -type f -print0 | sort -z | xargs -0 md5sum > DEBIAN/md5sums)

deb="$out/galley_${deb_version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
echo "built $deb ($(du -h "$deb" | cut -f1))"
echo "Depends: $libraries, $data_packages"
