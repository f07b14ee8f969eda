#!/usr/bin/env bash
# Throughput and peak memory of `ibd-outcomes score` on NDJSON files of 100k and 1M visits.
#   npm run build && bash bench/cli-score.sh [--full-labs]      (JOBS=2 for two worker threads)
# Prints, per size, scores only and with --profile mao2025 (8 library classifiers per visit): visits/s (wall clock), visits
# per CPU-second (user+sys), peak RSS (must not grow with the file). Files go to a temp dir, then removed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cli="$root/dist/cli.js"
[ -f "$cli" ] || { echo "build first: npm run build" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
extra="${1:-}"
echo "node $(node --version), $(nproc) CPUs, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for n in 100000 1000000; do
  node "$root/bench/cli-score-gen.mjs" "$n" "$tmp/visits.ndjson" $extra
  bytes=$(stat -c %s "$tmp/visits.ndjson")
  for mode in scores profile; do
  jobs="${JOBS:-1}"
  prof=""; [ "$mode" = profile ] && prof="--profile mao2025"
  /usr/bin/time -v node "$cli" score "$tmp/visits.ndjson" $prof --out "$tmp/out.ndjson" --no-progress --jobs $jobs 2> "$tmp/time.txt" || true
  wall=$(grep "Elapsed (wall clock)" "$tmp/time.txt" | awk '{print $NF}')
  user=$(grep "User time" "$tmp/time.txt" | awk '{print $NF}')
  sys=$(grep "System time" "$tmp/time.txt" | awk '{print $NF}')
  rss=$(grep "Maximum resident" "$tmp/time.txt" | awk '{print $NF}')
  lines=$(wc -l < "$tmp/out.ndjson")
  JOBS=$jobs MODE=$mode node -e '
    const [n, bytes, wall, user, sys, rss, lines] = process.argv.slice(1);
    const p = wall.split(":").map(Number); const secs = p.length === 3 ? p[0]*3600 + p[1]*60 + p[2] : p[0]*60 + p[1];
    const cpu = Number(user) + Number(sys);
    console.log(`${Number(n).toLocaleString("en-US")} visits (${(bytes/n).toFixed(0)} B/line, ${(bytes/1e6).toFixed(0)} MB), ${process.env.MODE === "profile" ? "scores + mao2025 classifications" : "scores only"}, --jobs ${process.env.JOBS}: ` +
      `${Math.round(n/secs).toLocaleString("en-US")} visits/s wall (${secs.toFixed(2)} s), ` +
      `${Math.round(n/cpu).toLocaleString("en-US")} visits per CPU-second, peak RSS ${(rss/1024).toFixed(0)} MB, ${lines} lines out`);
  ' "$n" "$bytes" "$wall" "$user" "$sys" "$rss" "$lines"
  grep "score:" "$tmp/time.txt" || true
  done
done
