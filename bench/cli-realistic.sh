#!/usr/bin/env bash
# The CLI on a realistic registry extract (issue 19): N visits (default 2,000,000) with labs, several
# instruments per visit, corticosteroid use recorded or not, 5% bad lines; the same records as NDJSON and CSV.
#   npm run build && bash bench/cli-realistic.sh [N]
# Also the compact file of bench/cli-score-gen.mjs (score items plus CRP and calprotectin, no bad lines), validated
# as NDJSON and as CSV (the same records). Environment: CLI=path/to/cli.js measures another build (A/B);
# BENCH_DIR=dir keeps the generated files there and reuses them on the next run (same N).
# Prints wall seconds, lines/s, CPU seconds, lines per CPU second (what a busy machine leaves comparable) and peak
# RSS (/usr/bin/time -v) for: validate NDJSON and CSV,
# score --profile mao2025 on NDJSON and CSV, --jobs 2, and the yardstick: a bare Node pass that reads the file
# line by line, JSON.parses and JSON.stringifies each line and writes it. Run it on a quiet machine and quote
# the load average it prints; the files (about 1 GB per million lines) go to a temporary directory.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cli="${CLI:-$root/dist/cli.js}"
[ -f "$cli" ] || { echo "build first: npm run build" >&2; exit 1; }
n="${1:-2000000}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
data="${BENCH_DIR:-$tmp}"
mkdir -p "$data"
if [ ! -f "$data/r.csv" ] || [ "$(cat "$data/n" 2>/dev/null)" != "$n" ]; then
  node "$root/bench/cli-gen-realistic.mjs" "$n" "$data/r.ndjson" "$data/r.csv"
  node "$root/bench/cli-score-gen.mjs" "$n" "$data/f.ndjson" "$data/f.csv"
  echo "$n" > "$data/n"
fi
echo "node $(node --version), $(nproc) CPUs, $n lines, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
measure() {
  local label="$1"; shift
  /usr/bin/time -v "$@" > /dev/null 2> "$tmp/time.txt" || true
  local wall user sys rss
  wall=$(grep "Elapsed (wall clock)" "$tmp/time.txt" | awk '{print $NF}')
  user=$(grep "User time" "$tmp/time.txt" | awk '{print $NF}')
  sys=$(grep "System time" "$tmp/time.txt" | awk '{print $NF}')
  rss=$(grep "Maximum resident" "$tmp/time.txt" | awk '{print $NF}')
  node -e '
    const [label, n, wall, user, sys, rss] = process.argv.slice(1);
    const p = wall.split(":").map(Number); const secs = p.length === 3 ? p[0]*3600 + p[1]*60 + p[2] : p[0]*60 + p[1];
    const cpu = Number(user) + Number(sys);
    console.log(`${label.padEnd(34)} ${secs.toFixed(1).padStart(7)} s  ${Math.round(n/secs).toLocaleString("en-US").padStart(9)} lines/s  cpu ${cpu.toFixed(1).padStart(6)} s  ${Math.round(n/cpu).toLocaleString("en-US").padStart(9)} lines/cpu-s  peak RSS ${(rss/1024).toFixed(0).padStart(4)} MB`);
  ' "$label" "$n" "$wall" "$user" "$sys" "$rss"
}
measure "compact: validate NDJSON" node "$cli" validate "$data/f.ndjson"
measure "compact: validate CSV" node "$cli" validate "$data/f.csv"
measure "bare node pass (yardstick)" node "$root/bench/cli-bare-pass.mjs" "$data/r.ndjson" "$tmp/bare.out"
measure "validate NDJSON" node "$cli" validate "$data/r.ndjson"
measure "validate CSV" node "$cli" validate "$data/r.csv"
measure "score --profile mao2025 NDJSON" node "$cli" score "$data/r.ndjson" --profile mao2025 --no-progress --jobs 1 --out "$tmp/s.out"
measure "score --profile mao2025 CSV" node "$cli" score "$data/r.csv" --profile mao2025 --no-progress --out "$tmp/c.out"
measure "score --profile mao2025 --jobs 2" node "$cli" score "$data/r.ndjson" --profile mao2025 --no-progress --jobs 2 --out "$tmp/j.out"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
