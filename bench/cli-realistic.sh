#!/usr/bin/env bash
# The CLI on a realistic registry extract (issue 19): N visits (default 2,000,000) with labs, several
# instruments per visit, corticosteroid use recorded or not, 5% bad lines; the same records as NDJSON and CSV.
#   npm run build && bash bench/cli-realistic.sh [N]
# Prints wall seconds, lines/s, CPU seconds, lines per CPU second (what a busy machine leaves comparable) and peak
# RSS (/usr/bin/time -v) for: validate NDJSON and CSV,
# score --profile mao2025 on NDJSON and CSV, --jobs 2, and the yardstick: a bare Node pass that reads the file
# line by line, JSON.parses and JSON.stringifies each line and writes it. Run it on a quiet machine and quote
# the load average it prints; the files (about 1 GB per million lines) go to a temporary directory.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cli="$root/dist/cli.js"
[ -f "$cli" ] || { echo "build first: npm run build" >&2; exit 1; }
n="${1:-2000000}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
node "$root/bench/cli-gen-realistic.mjs" "$n" "$tmp/r.ndjson" "$tmp/r.csv"
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
measure "bare node pass (yardstick)" node "$root/bench/cli-bare-pass.mjs" "$tmp/r.ndjson" "$tmp/bare.out"
measure "validate NDJSON" node "$cli" validate "$tmp/r.ndjson"
measure "validate CSV" node "$cli" validate "$tmp/r.csv"
measure "score --profile mao2025 NDJSON" node "$cli" score "$tmp/r.ndjson" --profile mao2025 --no-progress --jobs 1 --out "$tmp/s.out"
measure "score --profile mao2025 CSV" node "$cli" score "$tmp/r.csv" --profile mao2025 --no-progress --out "$tmp/c.out"
measure "score --profile mao2025 --jobs 2" node "$cli" score "$tmp/r.ndjson" --profile mao2025 --no-progress --jobs 2 --out "$tmp/j.out"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
