#!/usr/bin/env bash
# Extraction benchmark: batchsync export against the classic pipelines, on one throwaway MariaDB, in one run.
#
#   bench/run.sh                 # 2,000,000 rows
#   bench/run.sh --rows 10000000 # 5x, to check that memory stays flat
#   bench/run.sh --keep          # keep the server's data folder for the next run (skips the table build)
#   bench/run.sh --baseline DIR  # also time DIR/batchsync (an earlier build), alternating with this one in each run
#
# Prints wall time, CPU (user+sys), peak RSS and output bytes for each tool, and the ratios to the
# `mariadb --batch --quick | gzip -1` pipeline. `mysqlconnector_read` is MySqlConnector 3.0.0 only reading the same
# rows (no CSV, no gzip, no output): the yardstick for our own client. Results also go to bench/results/<timestamp>.json.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=2000000; KEEP=0; RUNS=1; BASELINE=""
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) ROWS="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --runs) RUNS="$2"; shift 2 ;;
    --baseline) BASELINE="$(cd "$2" && pwd)/batchsync"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

BATCHSYNC_SETUP_BENCH=1 scripts/setup
source scripts/lib/mariadb.sh
# As the image publishes it (Dockerfile); ReadyToRun named explicitly so an older --before build is published alike.
PUBLISH="-c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true"

work="$(pwd)/.tmp/bench"; db="$work/mariadb-$ROWS"; out="$work/out"
mkdir -p "$work" bench/results
trap 'mariadb_stop "$db"; [ $KEEP = 1 ] || rm -rf "$db"' EXIT

echo "bench: building batchsync (Release)" >&2
dotnet publish src/BatchSync $PUBLISH -o "$work/bin" --nologo -v q >/dev/null
BATCHSYNC="$work/bin/batchsync"
dotnet publish bench/MySqlConnectorRead -c Release -o "$work/mysqlconnector" --nologo -v q >/dev/null
[ -z "$BASELINE" ] || [ -x "$BASELINE" ] || { echo "bench: --baseline: no executable $BASELINE" >&2; exit 2; }

mariadb_start "$db"
if [ "$(mariadb_sql -N -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema='bench' AND table_name='t'")" = 1 ] \
   && [ "$(mariadb_sql -N -e "SELECT COUNT(*) FROM bench.t")" = "$ROWS" ]; then
  echo "bench: reusing bench.t ($ROWS rows)" >&2
else
  echo "bench: creating bench.t with $ROWS rows" >&2
  { echo "SET @rows = $ROWS;"; cat bench/create-table.sql; } | mariadb_sql >/dev/null
fi
mariadb_sql -e "CREATE USER IF NOT EXISTS 'bench'@'127.0.0.1' IDENTIFIED BY 'bench-pw'; GRANT ALL ON *.* TO 'bench'@'127.0.0.1';"
# Warm the buffer pool so every tool reads from memory.
mariadb_sql -N -e "SELECT COUNT(*), SUM(LENGTH(name)) FROM bench.t" >/dev/null

measure() { # name, command...: runs the command under /usr/bin/time, appends a JSON line to $results
  local name="$1"; shift
  local timing="$work/time-$name.txt"
  /usr/bin/time -f '%e %U %S %M' -o "$timing" "$@"
  read -r wall user sys rss_kb <"$timing"
  python3 -c 'import json,sys; print(json.dumps(dict(tool=sys.argv[1], wall=float(sys.argv[2]), cpu=float(sys.argv[3])+float(sys.argv[4]), rss_mb=int(sys.argv[5])/1024)))' \
    "$name" "$wall" "$user" "$sys" "$rss_kb" >>"$results"
}
bytes_of() { du -cb "$@" | tail -1 | cut -f1; }

results="$work/results.jsonl"; : >"$results"
for run in $(seq 1 "$RUNS"); do
  rm -rf "$out"; mkdir -p "$out/batchsync" "$out/mydumper"
  if [ -n "$BASELINE" ]; then # before this run's build, so neither always goes first
    rm -rf "$out/baseline"; mkdir -p "$out/baseline"
    measure batchsync_baseline env MYSQL_PWD=bench-pw "$BASELINE" export "mysql://bench@127.0.0.1:$MARIADB_PORT/bench" t --out "$out/baseline" --tls disabled >/dev/null
    python3 - "$results" "$(bytes_of "$out"/baseline/part-*.csv.gz)" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
rows[-1]["bytes"] = int(sys.argv[2])
open(sys.argv[1], "w").write("".join(json.dumps(r) + "\n" for r in rows))
PY
  fi
  measure batchsync env MYSQL_PWD=bench-pw "$BATCHSYNC" export "mysql://bench@127.0.0.1:$MARIADB_PORT/bench" t --out "$out/batchsync" --tls disabled >/dev/null
  measure mariadb_gzip1 bash -c "mariadb --no-defaults -h127.0.0.1 -P$MARIADB_PORT -ubench -pbench-pw --batch --quick -e 'SELECT * FROM bench.t' | gzip -1 > '$out/mariadb.tsv.gz'"
  measure mydumper mydumper -h 127.0.0.1 -P "$MARIADB_PORT" -u bench -p bench-pw -B bench -T t -t 2 -r 250000 -c -o "$out/mydumper"
  ours=$(bytes_of "$out"/batchsync/part-*.csv.gz)
  regz=$(cat "$out"/batchsync/part-*.csv.gz | gzip -dc | gzip -1 | wc -c)
  python3 - "$results" "$ours" "$(bytes_of "$out/mariadb.tsv.gz")" "$(bytes_of "$out/mydumper")" "$regz" <<'PY'
import json, sys
path, ours, peer, mydumper, regz = sys.argv[1], *map(int, sys.argv[2:])
rows = [json.loads(l) for l in open(path)]
for r, size in zip(rows[-3:], (ours, peer, mydumper)):
    r["bytes"] = size
rows[-3]["gzip1_of_same_csv"] = regz
open(path, "w").write("".join(json.dumps(r) + "\n" for r in rows))
PY
  measure mysqlconnector_read env MYSQL_PWD=bench-pw "$work/mysqlconnector/MySqlConnectorRead" 127.0.0.1 "$MARIADB_PORT" bench bench 'SELECT * FROM t' >/dev/null
done

python3 - "$results" "$ROWS" <<'PY'
import json, sys, time, os, statistics
rows = [json.loads(l) for l in open(sys.argv[1])]
n = int(sys.argv[2])
by = {}
for r in rows:
    by.setdefault(r["tool"], []).append(r)
def med(tool, key): return statistics.median(r.get(key, 0) for r in by[tool])
peer = med("mariadb_gzip1", "wall")
print(f"\n{n:,} rows, {os.cpu_count()} cores; median of {len(by['batchsync'])} run(s)")
print(f"{'tool':<16}{'wall s':>9}{'cpu s':>9}{'peak RSS MB':>13}{'output MB':>11}{'wall vs peer':>14}")
for tool in ("batchsync", "batchsync_baseline", "mysqlconnector_read", "mariadb_gzip1", "mydumper"):
    if tool not in by:
        continue
    print(f"{tool:<16}{med(tool,'wall'):>9.2f}{med(tool,'cpu'):>9.2f}{med(tool,'rss_mb'):>13.1f}{med(tool,'bytes')/1e6:>11.1f}{med(tool,'wall')/peer:>13.2f}x")
ours = by["batchsync"][-1]
print(f"\nbatchsync output vs gzip -1 of the same CSV: {ours['bytes']/ours['gzip1_of_same_csv']:.3f}x "
      f"({ours['bytes']/1e6:.1f} MB vs {ours['gzip1_of_same_csv']/1e6:.1f} MB)")
print(f"batchsync export (read + CSV + gzip) vs mysqlconnector_read (read only): wall {med('batchsync','wall')/med('mysqlconnector_read','wall'):.2f}x, "
      f"cpu {med('batchsync','cpu')/med('mysqlconnector_read','cpu'):.2f}x")
if "batchsync_baseline" in by:
    print(f"batchsync vs batchsync_baseline (alternating, same runs): wall {med('batchsync','wall')/med('batchsync_baseline','wall'):.3f}x, "
          f"cpu {med('batchsync','cpu')/med('batchsync_baseline','cpu'):.3f}x, peak RSS {med('batchsync','rss_mb')/med('batchsync_baseline','rss_mb'):.3f}x")
print("targets: wall <= 0.75x peer, peak RSS <= 150 MB, output <= 1.10x gzip -1")
stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
json.dump({"rows": n, "runs": rows}, open(f"bench/results/{stamp}-{n}.json", "w"), indent=1)
PY
