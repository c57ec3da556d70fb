#!/usr/bin/env bash
# Many-tables benchmark: a stage-only `batchsync run --local` over 500 small tables against `mydumper -t 4 -c`
# on the same throwaway MariaDB, alternating in one session so both see the same machine load.
#
#   bench/many-tables.sh                      # 500 tables x 2,000 rows, 3 rounds
#   bench/many-tables.sh --before main        # also measure the build of another git ref (the "before")
#   bench/many-tables.sh --tables 100 --rows 500 --runs 1 --keep
#   bench/many-tables.sh --out /dev/shm/bench-many  # both tools write to tmpfs (see docs/performance.md)
#
# Each round runs, in rotating order: mydumper, batchsync (this tree), and the --before build if given; and
# `batchsync plan` of each build. Per batchsync run it reports plan / lanes / finish seconds, taken from the
# run's JSON-lines events (process start → run_planned → last item_finished → run_finished).
# The load average is recorded around every measurement: the machine may be shared.
# Results go to bench/results/<timestamp>-many-tables.json.
set -euo pipefail
cd "$(dirname "$0")/.."
TABLES=500; ROWS=2000; RUNS=3; KEEP=0; BEFORE=""; LANES=4; OUT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --tables) TABLES="$2"; shift 2 ;;
    --rows) ROWS="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --before) BEFORE="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --out) OUT="$2"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

BATCHSYNC_SETUP_BENCH=1 scripts/setup
source scripts/lib/mariadb.sh
# As the image publishes it (Dockerfile); ReadyToRun named explicitly so an older --before build is published alike.
PUBLISH="-c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true"

work="$(pwd)/.tmp/bench-many"; db="$work/mariadb-$TABLES-$ROWS"; out="${OUT:-$work/out}"
mkdir -p "$work" bench/results
rm -rf "$out"; mkdir -p "$out"
trap 'mariadb_stop "$db"; rm -rf "$out"; [ $KEEP = 1 ] || rm -rf "$db"' EXIT

builds=(after)
echo "bench: building batchsync from this tree (Release)" >&2
dotnet publish src/BatchSync $PUBLISH -o "$work/bin-after" --nologo -v q >/dev/null
if [ -n "$BEFORE" ]; then
  commit=$(git rev-parse "$BEFORE^{commit}")
  if [ "$(cat "$work/bin-before/.commit" 2>/dev/null)" != "$commit" ]; then
    echo "bench: building batchsync from $BEFORE ($commit, Release)" >&2
    rm -rf "$work/src-before" "$work/bin-before"; mkdir -p "$work/src-before"
    git archive "$commit" | tar -x -C "$work/src-before"
    dotnet publish "$work/src-before/src/BatchSync" $PUBLISH -o "$work/bin-before" --nologo -v q >/dev/null
    echo "$commit" >"$work/bin-before/.commit"
  fi
  builds+=(before)
fi

mariadb_start "$db" --max-connections=200 --table-open-cache=4000
have=$(mariadb_sql -N -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema='many'")
if [ "$have" = "$TABLES" ] && [ "$(mariadb_sql -N -e "SELECT TABLE_ROWS > 0 FROM information_schema.tables WHERE table_schema='many' LIMIT 1")" = 1 ]; then
  echo "bench: reusing database many ($TABLES tables)" >&2
else
  echo "bench: creating database many: $TABLES tables x $ROWS rows" >&2
  python3 - "$TABLES" "$ROWS" <<'PY' | mariadb_sql >/dev/null
import sys
tables, rows = int(sys.argv[1]), int(sys.argv[2])
print("DROP DATABASE IF EXISTS many; CREATE DATABASE many; USE many;")
for t in range(1, tables + 1):
    name = f"t{t:04d}"
    print(f"CREATE TABLE {name} (id INT PRIMARY KEY, name VARCHAR(64) NOT NULL, amount DECIMAL(12,2),"
          f" created DATETIME, note TEXT) ENGINE=InnoDB;")
    print(f"INSERT INTO {name} SELECT seq, CONCAT('name, \"', seq, '\"'), seq * 1.25 + {t},"
          f" TIMESTAMP'2024-01-01 00:00:00' + INTERVAL (seq * 37 + {t}) MINUTE,"
          f" IF(seq % 10 = 0, NULL, REPEAT(CONCAT('note ', seq, ' '), 1 + seq % 7)) FROM seq_1_to_{rows};")
print("ANALYZE TABLE " + ", ".join(f"t{t:04d}" for t in range(1, tables + 1)) + ";")
PY
fi
mariadb_sql -e "CREATE USER IF NOT EXISTS 'bench'@'127.0.0.1' IDENTIFIED BY 'bench-pw'; GRANT ALL ON *.* TO 'bench'@'127.0.0.1';"
# Warm the buffer pool so every tool reads from memory.
mariadb_sql -N -e "SELECT SUM(c) FROM ($(python3 -c "import sys; print(' UNION ALL '.join(f'SELECT COUNT(*) c FROM many.t{t:04d}' for t in range(1, $TABLES + 1)))")) x" >/dev/null

template="$work/many.yml.template"
{
  echo "name: many"
  echo "source: { host: 127.0.0.1, port: $MARIADB_PORT, user: bench, password: env:BENCH_MYSQL_PASSWORD, database: many, tls: disabled, max_connections: 16 }"
  echo "staging: { uri: @STAGING@ }"
  echo "destination: { type: none }"
  echo "defaults: { mode: replace, parallelism: $LANES }"
  echo "tables:"
  for t in $(seq 1 "$TABLES"); do printf '  - table: t%04d\n' "$t"; done
} >"$template"
export BENCH_MYSQL_PASSWORD=bench-pw

results="$work/results.jsonl"; : >"$results"
loadavg() { cut -d' ' -f1 /proc/loadavg; }

measure() { # name, kind, command...: runs under /usr/bin/time; appends one JSON line (events on stdout are parsed for phases)
  local name="$1" kind="$2"; shift 2
  local timing="$work/time-$name-$kind.txt" events="$work/events-$name-$kind.jsonl" load_before
  load_before=$(loadavg)
  local started; started=$(date +%s.%N)
  /usr/bin/time -f '%e %U %S %M' -o "$timing" "$@" >"$events" 2>"$work/stderr-$name-$kind.txt" || true
  python3 - "$results" "$name" "$kind" "$timing" "$events" "$started" "$load_before" "$(loadavg)" <<'PY'
import json, sys, datetime
path, name, kind, timing, events, started, load0, load1 = sys.argv[1:]
wall, user, sys_, rss = open(timing).read().split()[-4:]
row = dict(tool=name, kind=kind, wall=float(wall), cpu=float(user) + float(sys_), rss_mb=int(rss) / 1024,
           load_before=float(load0), load_after=float(load1))
def t(e):  # CLEF's @t has 7 fraction digits; fromisoformat takes up to 6
    stamp = e.get("@t") or e["time"]
    head, _, frac = stamp.rstrip("Z").partition(".")
    return datetime.datetime.fromisoformat(f"{head}.{frac[:6] or '0'}+00:00").timestamp()
evs = []
for line in open(events):
    line = line.strip()
    if line.startswith("{"):
        try: evs.append(json.loads(line))
        except ValueError: pass
planned = [t(e) for e in evs if e.get("event") == "run_planned"]
items = [t(e) for e in evs if e.get("event") == "item_finished"]
finished = [t(e) for e in evs if e.get("event") == "run_finished"]
if planned and items and finished:
    start = float(started)
    row.update(plan=planned[0] - start, lanes=max(items) - planned[0], finish=finished[0] - max(items),
               items_done=sum(1 for e in evs if e.get("event") == "item_finished" and e.get("state") == "done"))
open(path, "a").write(json.dumps(row) + "\n")
PY
}

for run in $(seq 1 "$RUNS"); do
  order=(mydumper "${builds[@]}")
  shift_by=$(( (run - 1) % ${#order[@]} ))
  order=("${order[@]:$shift_by}" "${order[@]:0:$shift_by}")
  for tool in "${order[@]}"; do
    # Every measurement writes into a folder of its own, all deleted at the end: deleting the previous one just
    # before would make this one pay for it (see "Many small tables" in docs/performance.md).
    target="$out/$run-$tool"
    if [ "$tool" = mydumper ]; then
      measure mydumper run mydumper -h 127.0.0.1 -P "$MARIADB_PORT" -u bench -p bench-pw -B many -t "$LANES" -c -o "$target"
    else
      workflow="$work/many-$tool.yml"
      sed "s#@STAGING@#$target#" "$template" >"$workflow"
      measure "batchsync-$tool" plan "$work/bin-$tool/batchsync" plan "$workflow"
      measure "batchsync-$tool" run "$work/bin-$tool/batchsync" run "$workflow" --local
      staged=$(find "$target" -name 'part-*.csv.gz' | wc -l)
      [ "$staged" = "$TABLES" ] || echo "bench: batchsync-$tool staged $staged parts for $TABLES tables (see $work/stderr-batchsync-$tool-run.txt)" >&2
    fi
  done
done

python3 - "$results" "$TABLES" "$ROWS" "$out" "${builds[@]}" <<'PY'
import json, sys, time, os, statistics
path, tables, rows, out, *builds = sys.argv[1:]
runs = [json.loads(l) for l in open(path)]
def pick(tool, kind): return [r for r in runs if r["tool"] == tool and r["kind"] == kind]
def med(rs, key): return statistics.median(r[key] for r in rs) if rs and all(key in r for r in rs) else float("nan")
dump = pick("mydumper", "run")
base = med(dump, "wall")
print(f"\n{int(tables):,} tables x {int(rows):,} rows, {os.cpu_count()} cores; median of {len(dump)} round(s); "
      f"load average {min(r['load_before'] for r in runs):.1f}-{max(r['load_after'] for r in runs):.1f}; output in {out}")
print(f"{'tool':<20}{'wall s':>8}{'plan s':>8}{'lanes s':>9}{'finish s':>10}{'cpu s':>8}{'RSS MB':>8}{'vs mydumper':>13}{'plan cmd s':>12}")
print(f"{'mydumper -t 4 -c':<20}{base:>8.2f}{'':>8}{'':>9}{'':>10}{med(dump,'cpu'):>8.2f}{med(dump,'rss_mb'):>8.0f}{1:>12.2f}x")
for b in builds:
    run, plan = pick(f"batchsync-{b}", "run"), pick(f"batchsync-{b}", "plan")
    print(f"{'batchsync ' + b:<20}{med(run,'wall'):>8.2f}{med(run,'plan'):>8.2f}{med(run,'lanes'):>9.2f}{med(run,'finish'):>10.2f}"
          f"{med(run,'cpu'):>8.2f}{med(run,'rss_mb'):>8.0f}{med(run,'wall')/base:>12.2f}x{med(plan,'wall'):>12.2f}")
print("targets: whole run <= 1.5x mydumper; batchsync plan < 2 s")
stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
json.dump({"tables": int(tables), "rows": int(rows), "out": out, "runs": runs}, open(f"bench/results/{stamp}-many-tables.json", "w"), indent=1)
PY
