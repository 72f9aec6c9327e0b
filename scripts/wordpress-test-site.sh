#!/usr/bin/env bash
# A real WordPress on loopback for Galley's end-to-end tests: Debian's wordpress package served by `php -S`, with its
# own MariaDB (own data folder and socket, no TCP port), an administrator with an application password, and posts
# with images. Needs root on Debian 12.
#
#   scripts/wordpress-test-site.sh start    install what is missing, start, install the site once; prints the env file
#   scripts/wordpress-test-site.sh stop     stop the web server and the database (the site is kept for the next start)
#   scripts/wordpress-test-site.sh status   running or not, and the env file
#   scripts/wordpress-test-site.sh reset    stop and delete the site, so the next start installs it afresh
#
# Settings: GALLEY_WP_STATE (default /tmp/galley-wordpress), GALLEY_WP_PORT (default 8765), GALLEY_WP_HOST (default
# 127.0.0.1). Two sites on one machine need all three different: Debian picks a site's config by host name alone
# (any 127.x.y.z address is loopback, so 127.0.0.2 serves as a second name).
# The env file ($GALLEY_WP_STATE/env) holds GALLEY_WP_URL, GALLEY_WP_USER, GALLEY_WP_APP_PASSWORD_FILE and
# GALLEY_WP_POSTS (the post ids as a JSON array); GalleyWordPressTests reads it.
set -euo pipefail
# mariadbd and mariadb-install-db are in /usr/sbin, which a non-login shell may lack.
export PATH="$PATH:/usr/sbin:/sbin"
repo="$(cd "$(dirname "$0")/.." && pwd)"
state="${GALLEY_WP_STATE:-/tmp/galley-wordpress}"
port="${GALLEY_WP_PORT:-8765}"
host="${GALLEY_WP_HOST:-127.0.0.1}"
url="http://$host:$port"
user=galley
socket="$state/mysql/mysqld.sock"
# Debian's wp-config.php picks /etc/wordpress/config-<host>.php by the request's host name (port removed).
config="/etc/wordpress/config-$host.php"

log() { echo "wordpress-test-site: $*" >&2; }

install_packages() {
  # wordpress depends on some web server; micro-httpd is the smallest and starts no service (php -S serves the site).
  local packages=(wordpress mariadb-server php-cli php-mysql php-gd micro-httpd netcat-traditional curl)
  if command -v php >/dev/null && command -v mariadbd >/dev/null && command -v curl >/dev/null \
     && [ -f /usr/share/wordpress/wp-load.php ] \
     && php -r 'exit(extension_loaded("mysqli") && extension_loaded("gd") ? 0 : 1);'; then
    return
  fi
  log "installing ${packages[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

start_database() {
  if alive "$state/mysqld.pid"; then return; fi
  if [ ! -d "$state/mysql/mysql" ]; then
    mkdir -p "$state/mysql"
    chown mysql:mysql "$state/mysql"
    mariadb-install-db --user=mysql --datadir="$state/mysql" --auth-root-authentication-method=socket \
      --skip-test-db >"$state/mariadb-install.log" 2>&1
  fi
  chown mysql:mysql "$state"/mysql
  # Its own process group (setsid), so stop can end it and nothing else.
  setsid mariadbd --no-defaults --user=mysql --datadir="$state/mysql" --socket="$socket" --skip-networking \
    --pid-file="$state/mysql/mariadbd.pid" --innodb-buffer-pool-size=32M --log-error="$state/mysql/mariadb.log" \
    </dev/null >/dev/null 2>&1 &
  echo $! >"$state/mysqld.pid"
  for _ in $(seq 1 100); do
    if mariadb --no-defaults --socket="$socket" -u root -e 'select 1' >/dev/null 2>&1; then return; fi
    alive "$state/mysqld.pid" || { log "MariaDB did not start:"; tail -20 "$state/mysql/mariadb.log" >&2; exit 1; }
    sleep 0.1
  done
  log "MariaDB did not answer within 10 s"; exit 1
}

write_config() {
  local db_password
  db_password="$(cat "$state/db-password")"
  cat >"$config" <<PHP
<?php
// Written by Galley's scripts/wordpress-test-site.sh for its test site; removed by "reset".
define('DB_NAME', 'galley_wp');
define('DB_USER', 'galley');
define('DB_PASSWORD', '$db_password');
define('DB_HOST', 'localhost:$socket');
define('WP_CONTENT_DIR', '$state/wp-content');
define('WP_CONTENT_URL', '$url/wp-content');
define('WP_HOME', '$url');
define('WP_SITEURL', '$url');
// Application passwords work over plain HTTP only on a "local" site; anywhere else every call would be 401.
define('WP_ENVIRONMENT_TYPE', 'local');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
PHP
}

start_web() {
  if alive "$state/php.pid"; then return; fi
  if curl -s -o /dev/null --max-time 2 "$url/"; then log "port $port is taken by another server (set GALLEY_WP_PORT)"; exit 1; fi
  # Four workers: with one, WordPress's requests to itself (loopback checks, cron) deadlock the server.
  # Uploads of multi-megabyte PDFs need PHP's 2 MB/8 MB defaults raised.
  GALLEY_WP_CONTENT_DIR="$state/wp-content" PHP_CLI_SERVER_WORKERS=4 \
    setsid php -d upload_max_filesize=64M -d post_max_size=64M -d memory_limit=256M \
      -S "$host:$port" -t /usr/share/wordpress "$repo/scripts/wordpress-test-site/router.php" \
      </dev/null >"$state/php.log" 2>&1 &
  echo $! >"$state/php.pid"
  for _ in $(seq 1 100); do
    if curl -s -o /dev/null --max-time 2 "$url/wp-login.php"; then return; fi
    alive "$state/php.pid" || { log "php -S did not start:"; tail -20 "$state/php.log" >&2; exit 1; }
    sleep 0.1
  done
  log "php -S did not answer within 10 s"; exit 1
}

install_site() {
  [ -f "$state/env" ] && return
  mariadb --no-defaults --socket="$socket" -u root <<SQL
CREATE DATABASE IF NOT EXISTS galley_wp CHARACTER SET utf8mb4;
CREATE USER IF NOT EXISTS 'galley'@'localhost' IDENTIFIED BY '$(cat "$state/db-password")';
GRANT ALL ON galley_wp.* TO 'galley'@'localhost';
SQL
  mkdir -p "$state/wp-content/uploads"
  ln -sfn /usr/share/wordpress/wp-content/plugins "$state/wp-content/plugins"
  ln -sfn /usr/share/wordpress/wp-content/themes "$state/wp-content/themes"
  local posts
  posts="$(php "$repo/scripts/wordpress-test-site/setup.php" "$url" "$user" "$state/admin-password" "$state/app-password" \
    "$repo/Examples/images/power-station.jpg" "$repo/Examples/images/union-badge.png")"
  cat >"$state/env.tmp" <<ENV
GALLEY_WP_URL=$url
GALLEY_WP_USER=$user
GALLEY_WP_APP_PASSWORD_FILE=$state/app-password
GALLEY_WP_POSTS=$posts
ENV
  mv "$state/env.tmp" "$state/env"
}

check_rest() {
  # The application password over HTTP: proves the config, the server and the credentials at once.
  local code
  code="$(curl -s -o "$state/check.json" -w '%{http_code}' --max-time 10 -u "$user:$(cat "$state/app-password")" \
    "$url/?rest_route=/wp/v2/users/me")"
  [ "$code" = 200 ] || { log "REST check failed (HTTP $code): $(head -c 300 "$state/check.json")"; exit 1; }
}

stop_group() {
  local file="$1"
  if alive "$file"; then
    local pid; pid="$(cat "$file")"
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

case "${1:-}" in
  start)
    started=$SECONDS
    install_packages
    mkdir -p "$state"
    chmod 755 "$state"
    [ -f "$state/db-password" ] || head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$state/db-password"
    [ -f "$state/admin-password" ] || head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$state/admin-password"
    chmod 600 "$state/db-password" "$state/admin-password"
    write_config
    start_database
    start_web
    install_site
    check_rest
    log "running at $url ($((SECONDS - started)) s); env file $state/env"
    cat "$state/env"
    ;;
  stop)
    stop_group "$state/php.pid"
    stop_group "$state/mysqld.pid"
    log "stopped"
    ;;
  status)
    if alive "$state/php.pid" && alive "$state/mysqld.pid"; then
      log "running at $url"; cat "$state/env" 2>/dev/null || true
    else
      log "not running"; exit 3
    fi
    ;;
  reset)
    "$0" stop
    rm -rf "$state"
    rm -f "$config"
    log "deleted $state"
    ;;
  *)
    echo "usage: $0 start|stop|status|reset" >&2; exit 2
    ;;
esac
