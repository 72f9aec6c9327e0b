#!/usr/bin/env bash
# Proves a galley .deb installs and works on a clean Debian 12: a minimal bookworm made by debootstrap (kept under
# the cache folder, so reruns start from a copy in seconds), the package installed with apt from this machine's
# mirror (so every dependency must be declared), then an article rendered by the installed binary from another
# folder, the man page and the completions looked for, and a copied binary without data made to fail clearly.
# Needs root (debootstrap, chroot, mounts).
#   scripts/deb-check.sh [DEB]   (default: the newest Output/galley_*.deb)
# GALLEY_DEB_CHECK_CACHE overrides the cache folder (default /var/cache/galley-deb-check).
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"

deb="${1:-$(ls -t Output/galley_*.deb 2>/dev/null | head -n 1)}"
[ -n "$deb" ] && [ -f "$deb" ] || { echo "deb-check.sh: no .deb given and none in Output/ (run scripts/build-deb.sh)" >&2; exit 64; }
deb="$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")"
[ "$(id -u)" -eq 0 ] || { echo "deb-check.sh: needs root (debootstrap, chroot)" >&2; exit 1; }

step_started=$SECONDS
step() {
  echo "deb-check: $1 (previous step $((SECONDS - step_started)) s)"
  step_started=$SECONDS
}

# This machine's Debian mirror and security mirror, from its deb822 or one-line apt sources.
sources_text="$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list 2>/dev/null || true)"
mirror="$(grep -Eo 'https?://[^ ]*/debian/?( |$)' <<<"$sources_text" | head -n 1 | tr -d ' ')"
security="$(grep -Eo 'https?://[^ ]*/debian-security/?( |$)' <<<"$sources_text" | head -n 1 | tr -d ' ')"
mirror="${mirror:-http://deb.debian.org/debian}"
security="${security:-http://deb.debian.org/debian-security}"

cache="${GALLEY_DEB_CHECK_CACHE:-/var/cache/galley-deb-check}"
base="$cache/bookworm-minbase"
archives="$cache/apt-archives"
mkdir -p "$cache" "$archives/partial"
if [ ! -f "$base/.complete" ]; then
  step "debootstrap bookworm (minbase) from $mirror into $base"
  rm -rf "$base"
  debootstrap --variant=minbase bookworm "$base" "$mirror" >"$cache/debootstrap.log" 2>&1 || {
    tail -n 20 "$cache/debootstrap.log" >&2
    echo "deb-check.sh: debootstrap failed (log: $cache/debootstrap.log)" >&2
    exit 1
  }
  touch "$base/.complete"
fi

step "copying the clean root"
work="$(mktemp -d /var/tmp/galley-deb-check.XXXXXX)"
root="$work/root"
mounts=()
cleanup() {
  local i
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount -l "${mounts[i]}" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
cp -a "$base" "$root"
rm -f "$root/.complete"
mount -t proc proc "$root/proc" && mounts+=("$root/proc")
mount --bind /dev "$root/dev" && mounts+=("$root/dev")
# Downloaded packages are kept between runs; the root itself is thrown away.
mount --bind "$archives" "$root/var/cache/apt/archives" && mounts+=("$root/var/cache/apt/archives")
cp /etc/resolv.conf "$root/etc/resolv.conf"
cat > "$root/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb $security bookworm-security main
EOF
mkdir -p "$root/tmp/galley-deb"
cp "$deb" "$root/tmp/galley-deb/"
cp Examples/iv-9062.json Examples/ja-kaigo-rodo.json Examples/images/union-badge.png "$root/tmp/galley-deb/"
# An article with three mistakes, each to be reported with its line in one run.
cp Tests/GalleyEndToEndTests/Fixtures/three-typos.json "$root/tmp/galley-deb/typos.json"
in_root() {
  chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    DEBIAN_FRONTEND=noninteractive /bin/bash -euo pipefail -c "$1"
}

step "apt install ./$(basename "$deb") (dependencies from $mirror)"
in_root "apt-get update -qq && apt-get install -y -qq --no-install-recommends ./tmp/galley-deb/$(basename "$deb")" \
  >"$work/apt.log" 2>&1 || { tail -n 30 "$work/apt.log" >&2; echo "deb-check.sh: apt could not install the package" >&2; exit 1; }

step "rendering with the installed galley from another folder"
failures=0
check() {
  if eval "$2"; then echo "  ok   $1"; else echo "  FAIL $1"; failures=$((failures + 1)); fi
}
in_root 'mkdir -p /srv/articles && cd /srv/articles && cp /tmp/galley-deb/*.json . &&
  command -v galley && galley --version &&
  galley render iv-9062.json -o iv.pdf && galley render ja-kaigo-rodo.json -o ja.pdf' >"$work/render.log" 2>&1 || true
cat "$work/render.log"
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }
check "galley is /usr/bin/galley" "grep -qx /usr/bin/galley '$work/render.log'"
check "iv-9062.json rendered, $(pages "$root/srv/articles/iv.pdf" || true) pages" "[ \"\$(pages '$root/srv/articles/iv.pdf')\" -gt 0 ] 2>/dev/null"
check "ja-kaigo-rodo.json (pinned CJK fonts) rendered, $(pages "$root/srv/articles/ja.pdf" || true) pages" \
  "[ \"\$(pages '$root/srv/articles/ja.pdf')\" -gt 0 ] 2>/dev/null"

step "a publisher starts from galley init: their name and logo on every page; three typos in one run"
in_root 'mkdir -p /srv/pub && cd /srv/pub && galley init &&
  sed -i "s/^publication: My Publication/publication: Harbour Workers Bulletin/; s/^# logo: logo.svg/logo: logo.png/" galley.yaml &&
  cp /tmp/galley-deb/union-badge.png logo.png && galley render /tmp/galley-deb/iv-9062.json -o pub.pdf &&
  status=0; galley render /tmp/galley-deb/typos.json -o typos.pdf 2>typos.err || status=$?; echo "typos exit $status"; cat typos.err' >"$work/init.log" 2>&1 || true
sed 's/^/  | /' "$work/init.log"
pub="$root/srv/pub/pub.pdf"
named_pages=0
for page in $(seq 1 "$(pages "$pub" || echo 0)"); do
  pdftotext -f "$page" -l "$page" "$pub" - 2>/dev/null | grep -q "Harbour Workers Bulletin" && named_pages=$((named_pages + 1))
done
check "the publisher's name on $named_pages of $(pages "$pub" || echo 0) pages" "[ $named_pages -gt 0 ] && [ $named_pages -eq \"\$(pages '$pub')\" ]"
check "the logo on every page" "[ \"\$(pdfimages -list '$pub' | awk 'NR > 2 && \$3 == \"image\" { print \$1 }' | sort -u | wc -l)\" -eq \"\$(pages '$pub')\" ]"
check "three typos reported in one run, each with its line" \
  "grep -qx 'typos exit 1' '$work/init.log' && [ \"\$(grep -c '^/tmp/galley-deb/typos.json:[0-9]*:' '$work/init.log')\" -eq 3 ]"
# publish runs in galley-net (PREFIX/libexec/galley): a missing manifest is its own message, so this proves galley
# found it and handed the command over.
in_root 'cd /srv/articles && status=0; galley publish missing.json --wordpress https://example.org 2>/tmp/publish.err || status=$?;
  echo "exit $status"; cat /tmp/publish.err' >"$work/publish.log" 2>&1 || true
sed 's/^/  | /' "$work/publish.log"
check "galley publish runs /usr/libexec/galley/galley-net" \
  "[ -x '$root/usr/libexec/galley/galley-net' ] && grep -qx 'exit 2' '$work/publish.log' && grep -q 'missing.json: no such manifest' '$work/publish.log'"

step "man page, completions, a copied binary without data"
check "man page /usr/share/man/man1/galley.1.gz" "zcat '$root/usr/share/man/man1/galley.1.gz' | grep '^\.Dt GALLEY 1' >/dev/null"
check "bash completion (parses)" "in_root 'bash -n /usr/share/bash-completion/completions/galley'"
check "zsh completion" "grep -q '^#compdef galley' '$root/usr/share/zsh/vendor-completions/_galley'"
check "fish completion" "grep -q \"^complete -c 'galley'\" '$root/usr/share/fish/vendor_completions.d/galley.fish'"
in_root 'mkdir -p /opt/lonely && cp /usr/bin/galley /opt/lonely/ && cd /srv/articles &&
  status=0; /opt/lonely/galley render iv-9062.json -o lonely.pdf 2>/tmp/lonely.err || status=$?; echo "exit $status"; cat /tmp/lonely.err' \
  >"$work/lonely.log" 2>&1 || true
sed 's/^/  | /' "$work/lonely.log"
check "a copied binary without data exits 2 naming where it looked" \
  "grep -qx 'exit 2' '$work/lonely.log' && grep -q 'looked in /opt/share/galley, /opt/lonely' '$work/lonely.log'"

step "done"
if [ "$failures" -gt 0 ]; then echo "deb-check: $failures check(s) failed" >&2; exit 1; fi
echo "deb-check: $(basename "$deb") installs and works on a clean Debian 12"
