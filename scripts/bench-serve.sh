#!/usr/bin/env bash
# Load on `galley serve` with wrk, on loopback (a benchmark, not a test: its figures go in notes, never in asserts).
#
#   scripts/bench-serve.sh [--seconds N] [--article FILE]
#
# Runs the release build with --jobs 2 and measures: POST /v1/render of the example article (renders/s, latency
# percentiles, errors); with the WordPress test site running (scripts/wordpress-test-site.sh start), GET of a cached
# post's PDF, long enough for ~100,000 requests, with the service's RSS before and after; then malformed, oversized
# and slow requests, after which the service must still answer /healthz. Prints one line per figure.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
seconds=20
article="$repo/Examples/iv-9062.json"
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --article) article="$2"; shift 2 ;;
    *) echo "usage: $0 [--seconds N] [--article FILE]" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "bench-serve: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
galley="$repo/.build/release/galley"
# serve runs in galley-net, which galley finds beside itself.
[ -x "$galley" ] && [ -x "$repo/.build/release/galley-net" ] ||
  (cd "$repo" && swift build -c release --product galley >/dev/null && swift build -c release --product galley-net >/dev/null)
work="$(mktemp -d)"
trap 'kill -TERM -- -$server 2>/dev/null || true; rm -rf "$work"' EXIT

site=()
post=""
env_file="${GALLEY_WP_STATE:-/tmp/galley-wordpress}/env"
if [ -f "$env_file" ]; then
  # shellcheck disable=SC1090
  . "$env_file"
  if curl -fsS "$GALLEY_WP_URL/?rest_route=/" >/dev/null 2>&1; then
    site=(--wordpress "$GALLEY_WP_URL" --post-fresh-seconds 3600)
    post="$(echo "$GALLEY_WP_POSTS" | tr -d '[] ' | cut -d, -f1)"
  fi
fi

setsid "$galley" serve --port 0 --jobs 2 --queue 256 --cache "$work/cache" "${site[@]}" >"$work/out" 2>"$work/err" &
server=$!
for _ in $(seq 1 100); do grep -q listening "$work/out" 2>/dev/null && break; sleep 0.1; done
base="$(grep -o 'http://[^ ]*' "$work/out")"
pid="$(pgrep -f -n "galley serve --port 0 --jobs 2 --queue 256 --cache $work/cache")"
rss() { awk '/^VmRSS/ {print int($2/1024) " MB"}' "/proc/$pid/status"; }
echo "service: $base (pid $pid), RSS at start $(rss)"

cat >"$work/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$article", "rb")
wrk.body = f:read("*a")
f:close()
LUA
summary() {
  # requests/s, latency percentiles and errors from wrk's --latency report.
  awk '/Requests\/sec/ {rate=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$NF} /Socket errors/ {sock=$0}
       /requests in/ {count=$1}
       END {printf "%s requests, %s/s, p50 %s, p99 %s, non-2xx %s%s\n", count, rate, p50, p99, bad+0, sock ? " (" sock ")" : ""}'
}
# Warm every worker first: the first article a worker sets loads its fonts.
for _ in 1 2 3 4; do curl -s -o /dev/null -H 'Content-Type: application/json' --data-binary @"$article" "$base/v1/render"; done
echo -n "POST /v1/render, 4 connections: "
wrk -t2 -c4 -d"${seconds}s" --latency -s "$work/post.lua" "$base/v1/render" | summary
echo "RSS after renders: $(rss)"

if [ -n "$post" ]; then
  curl -s -o /dev/null "$base/v1/posts/$post.pdf"
  echo -n "GET /v1/posts/$post.pdf (kept), 32 connections: "
  wrk -t2 -c32 -d"${seconds}s" --latency "$base/v1/posts/$post.pdf" | summary
  echo "RSS after cached GETs: $(rss)"
else
  echo "GET /v1/posts: skipped (start scripts/wordpress-test-site.sh for it)"
fi

echo "hostile requests:"
printf '{"id": "x", "title": ' >"$work/bad.json"
echo -n "  malformed JSON x200: "
for _ in $(seq 1 200); do curl -s -o /dev/null -w '%{http_code}\n' -H 'Content-Type: application/json' --data-binary @"$work/bad.json" "$base/v1/render"; done | sort | uniq -c | tr '\n' ' '; echo
head -c $((20 << 20)) /dev/zero >"$work/big"
echo -n "  20 MB body x20: "
for _ in $(seq 1 20); do curl -s -o /dev/null -w '%{http_code}\n' -H 'Content-Type: application/json' --data-binary @"$work/big" "$base/v1/render"; done | sort | uniq -c | tr '\n' ' '; echo
echo -n "  50 clients sending nothing: "
for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/${base##*:}"; printf 'POST /v1/render HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n' >&3; sleep 40) & done
sleep 1
curl -s -o /dev/null -w 'a render meanwhile answered %{http_code} in %{time_total} s\n' -H 'Content-Type: application/json' --data-binary @"$article" "$base/v1/render"
echo "  /healthz: $(curl -s "$base/healthz"), RSS $(rss)"
