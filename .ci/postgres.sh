# Sourced by .ci/run: starts a throwaway PostgreSQL cluster, owned by the
# unprivileged "postgres" user, listening only on a Unix socket in a temp
# folder, and exports MOVINGCITIES_TEST_PG for the tests. Stopped at exit.
pg_start() {
  # .ci/run installs it with the other Debian packages; e2e/run, run
  # alone on a fresh machine, relies on this.
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "installing Debian package: postgresql"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  fi
  local bin; bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  local user=postgres
  [ "$(id -u)" = 0 ] || user=$(id -un)
  PG_DIR=$(mktemp -d /tmp/movingcities-pg.XXXXXX)
  chown "$user" "$PG_DIR" 2>/dev/null || true
  local as=(); [ "$(id -u)" = 0 ] && as=(runuser -u "$user" --)
  "${as[@]}" "$bin/initdb" -D "$PG_DIR/data" -U movingcities --auth=trust -E UTF8 --no-sync >/dev/null
  # Durability is worthless for a throwaway cluster: fsync off makes it fast.
  "${as[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w start \
    -o "-k $PG_DIR -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null
  PG_STOP=("${as[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -m immediate stop)
  export MOVINGCITIES_TEST_PG="postgres://movingcities@/postgres?host=$PG_DIR"
}
pg_stop() {
  if [ -n "${PG_DIR:-}" ]; then "${PG_STOP[@]}" >/dev/null 2>&1 || true; rm -rf "$PG_DIR"; fi
}
