/**
 * Runs every `bench/*.bench.ts` (or those named on the command line) and prints a table of
 * operations per second. Each bench module default-exports `(bench: Bench) => void | Promise<void>`
 * that adds tasks; the R/scipy comparison figure goes in the task name (tinybench has no notes field). A module may
 * also export `options` (tinybench BenchOptions) to override the defaults for its tasks.
 */
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Bench, type BenchOptions } from "tinybench";

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();

for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as {
    default: (bench: Bench) => void | Promise<void>;
    /** Optional per-file Bench options (e.g. fewer iterations for slow tasks). */
    options?: BenchOptions;
  };
  const bench = new Bench({ time: 1000, warmupTime: 200, ...mod.options });
  await mod.default(bench);
  await bench.run();
  // A module may time elsewhere and print its own table (instruments.bench.ts runs the built package).
  if (bench.tasks.length === 0) continue;
  console.log(`\n# ${file}`);
  console.table(
    bench.tasks.map((t) => {
      const r = t.result;
      const ok = r !== undefined && "throughput" in r;
      return {
        task: t.name,
        "ops/s": ok ? Math.round(r.throughput.mean).toLocaleString("en-US") : "error",
        "mean ms": ok ? r.latency.mean.toFixed(4) : "",
        samples: ok ? r.latency.samplesCount : 0,
      };
    }),
  );
}
