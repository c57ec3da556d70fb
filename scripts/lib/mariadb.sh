# Throwaway MariaDB servers for the demo and the benchmark (tests start their own from C#).
# Source this file, then: mariadb_start DIR  → sets MARIADB_PORT, MARIADB_SOCKET; mariadb_stop DIR.

mariadb_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

mariadb_start() {
  local dir="$1"; shift
  mkdir -p "$dir"
  if [ ! -d "$dir/data/mysql" ]; then
    mariadb-install-db --no-defaults --user=root --datadir="$dir/data" \
      --auth-root-authentication-method=normal --skip-test-db >"$dir/install.log" 2>&1 \
      || { echo "mariadb-install-db failed; see $dir/install.log" >&2; return 1; }
  fi
  mkdir -p "$dir/tmp"
  MARIADB_PORT=$(mariadb_free_port)
  MARIADB_SOCKET="$dir/sock"
  mariadbd --no-defaults --user=root --datadir="$dir/data" --socket="$MARIADB_SOCKET" --pid-file="$dir/pid" \
    --port="$MARIADB_PORT" --bind-address=127.0.0.1 --skip-name-resolve --log-error="$dir/err.log" --tmpdir="$dir/tmp" \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci --skip-log-bin \
    --innodb-buffer-pool-size=1G "$@" >/dev/null 2>&1 &
  local i
  for i in $(seq 1 300); do
    mariadb-admin --no-defaults --socket="$MARIADB_SOCKET" -uroot ping >/dev/null 2>&1 && return 0
    kill -0 "$(cat "$dir/pid" 2>/dev/null || echo 0)" 2>/dev/null || [ "$i" -lt 50 ] \
      || { echo "mariadbd did not start; see $dir/err.log" >&2; return 1; }
    sleep 0.1
  done
  echo "mariadbd did not answer within 30 s; see $dir/err.log" >&2
  return 1
}

mariadb_sql() {
  mariadb --no-defaults --socket="$MARIADB_SOCKET" -uroot --default-character-set=utf8mb4 "$@"
}

mariadb_stop() {
  local dir="$1"
  if [ -f "$dir/pid" ]; then
    local pid; pid=$(cat "$dir/pid")
    mariadb-admin --no-defaults --socket="$dir/sock" -uroot shutdown >/dev/null 2>&1 || kill "$pid" 2>/dev/null
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
}
