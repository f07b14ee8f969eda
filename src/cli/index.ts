/**
 * The `ibd-outcomes` command line: `validate`, `score`, `report`. Built by tsup as its own entry
 * (dist/cli.js); not part of the library bundles.
 * Exit codes: 0 ok, 1 bad records found (validate) or a command failed, 2 bad command line.
 */
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { ArgError, parseArgs } from "./args.js";
import { reportFile } from "./report.js";
import { scoreFile, scoreWorkerMain, type BatchOptions } from "./score.js";
import { UsageError, validateFile, type Problem } from "./validate.js";

const VERSION = "0.1.0";

const HELP: Record<string, string> = {
  main: `ibd-outcomes ${VERSION}: IBD outcomes research from the command line.

Usage: ibd-outcomes <command> [options]

Commands:
  validate <file>   check every record of a JSON, NDJSON or CSV file; exit 1 if any is bad
  score <file>      add scores (and classifications with --profile) to NDJSON/CSV visits, streaming
  report <file>     outcome tables, flow, safety and SVG figures of a cohort (Markdown + HTML)

Options:
  -h, --help        help (also after a command: ibd-outcomes score --help)
  --version         print the version

Input never executes and cannot pollute prototypes: keys __proto__, constructor and prototype are
rejected.`,
  validate: `Usage: ibd-outcomes validate <file> [--format json|ndjson|csv] [--kind patient|course|visit|adverseEvent] [--json]

Checks every record and prints one line per problem: <file>:<line>: <record> <field>: <reason>.
Ends with the count of good and bad records. Exit code 1 when any record is bad.

  <file>       .json (a cohort { patients, courses, visits, adverseEvents }, an array, or one record),
               .ndjson/.jsonl (one record per line) or .csv (header row of dotted paths such as
               mayo.stoolFrequency; list columns end in [] or are named complications, ;-separated)
  --format     override the format guessed from the file name
  --kind       record kind (default: the cohort collection, else guessed from the keys)
  --json       print the summary and problems as JSON instead of text`,
  score: `Usage: ibd-outcomes score <file|-> [--profile id] [--timepoint w26] [--diagnosis UC|CD] [--out file]
                          [--format ndjson|csv] [--jobs n] [--components] [--explain] [--no-progress]

Reads visits (NDJSON or CSV, streaming: memory does not grow with the file) and writes NDJSON: each
valid visit with "scores" (total and band of every score its items allow: mayoAdapted, mayoPartial,
mayoFull, harveyBradshawIndex, sesCd, rutgeerts, cdai, uceis) and, with --profile, "classifications":
every endpoint of the profile at the visit ("met", "not-met" or "not-evaluable"), by the library's
classifiers. One visit has no baseline and no corticosteroid dates: responses are not-evaluable, and
steroid-free remission is not-met when the visit records corticosteroids, else not-evaluable (use report
for per-patient time points). Bad lines are reported on stderr with their line number and skipped; the
exit code is then 1. A progress line is shown when stderr is a terminal.

  --profile      endpoint profile: mao2025, uAchieve, uExcel, uExcelPro2, stride2, classic, or a
                 mao2025 variant such as mao2025+A4=classic
  --timepoint    time point key for the corticosteroid window (w0, w8, w12, w26, w52, w78; default w26)
  --diagnosis    apply UC or CD rules to every visit (default: from the visit's items; a labs-only
                 visit then gets "classifications": null)
  --out          output file (default stdout)
  --jobs         worker threads for NDJSON (default for files over 8 MB on 4+ CPUs: CPUs - 1, at most 4;
                 else 1, the main thread);
                 output order is the input order whatever the number
  --components   include each score's components
  --explain      classifications as { status, code, reason } instead of the status alone
  --no-progress  never show progress`,
  report: `Usage: ibd-outcomes report <file.json> [--profile mao2025] [--out dir] [--keep id,id] [--compare mao2025] [--format docx]

Validates a cohort JSON file, applies the study eligibility and flow, classifies every included patient
at the profile's time points (week 0, induction, maintenance weeks), and writes report.md, report.html
(with SVG figures) and figures/*.svg to --out (default ./report). Titles, thresholds and captions come
from the cohort and the profile; definitions: https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md

  --profile   endpoint profile (default mao2025)
  --out       output directory (default ./report)
  --keep      patient ids to keep although an exclusion applies (documented in the report)
  --compare   mao2025: add the paper's figures next to the cohort's (numbering, wording, comparison.json)
  --labs-by   diagnosis (default: lab trajectories per diagnosis) or all (pooled)
  --drug      the treatment followed (default: the one drug of the courses)
  --format    docx: also write the whole report as one Word file, report.docx`,
};

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(`${HELP.main}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === "--version") {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (!(command in HELP) || command === "main") {
    process.stderr.write(`ibd-outcomes: unknown command "${command}". Run ibd-outcomes --help.\n`);
    return 2;
  }
  const valued = command === "validate" ? ["format", "kind"] : command === "score" ? ["profile", "timepoint", "diagnosis", "out", "format", "jobs"] : ["profile", "out", "keep", "compare", "labs-by", "drug", "format"];
  const known = new Set([...valued, "help", ...(command === "validate" ? ["json"] : command === "score" ? ["components", "explain", "no-progress", "progress"] : [])]);
  const args = parseArgs(rest, valued);
  if (args.options.help === true) {
    process.stdout.write(`${HELP[command]}\n`);
    return 0;
  }
  for (const k of Object.keys(args.options)) if (!known.has(k)) throw new ArgError(`${command}: unknown option --${k}`);
  const file = args.positionals[0];
  if (file === undefined || args.positionals.length > 1) throw new ArgError(`${command}: expects exactly one <file>`);
  const opt = (k: string) => (typeof args.options[k] === "string" ? (args.options[k] as string) : undefined);

  if (command === "validate") {
    const json = args.options.json === true;
    const show = (p: Problem) => `${file}:${p.line}: ${p.record === undefined ? "" : `${p.record} `}${p.field}: ${p.reason}`;
    let streamed = 0;
    const s = await validateFile(file, {
      ...(opt("format") ? { format: opt("format")! } : {}),
      ...(opt("kind") ? { kind: opt("kind")! } : {}),
      // text output streams problems as they are found, so a registry-sized file needs no memory for them
      ...(json ? {} : { onProblem: (p: Problem) => (streamed++, process.stdout.write(`${show(p)}\n`)) }),
    });
    const count = streamed + s.problems.length;
    if (json) process.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
    else {
      if (s.problems.length > 0) process.stdout.write(`${s.problems.map(show).join("\n")}\n`);
      process.stdout.write(`${s.total} records: ${s.valid} valid, ${s.invalid} invalid${count > 0 ? ` (${count} problems)` : ""}\n`);
    }
    return count > 0 || s.invalid > 0 ? 1 : 0;
  }
  if (command === "score") {
    const s = await scoreFile(
      file,
      {
        ...(opt("profile") ? { profile: opt("profile")! } : {}),
        ...(opt("timepoint") ? { timepoint: opt("timepoint")! } : {}),
        ...(opt("diagnosis") ? { diagnosis: opt("diagnosis")! } : {}),
        ...(opt("out") ? { out: opt("out")! } : {}),
        ...(opt("format") ? { format: opt("format")! } : {}),
        components: args.options.components === true,
        explain: args.options.explain === true,
        ...(opt("jobs") ? { jobs: Number(opt("jobs")) } : {}),
        workerUrl: new URL(import.meta.url),
        ...(args.options["no-progress"] === true ? { progress: false } : args.options.progress === true ? { progress: true } : {}),
      },
      process.stderr,
    );
    process.stderr.write(`score: ${s.read} lines read, ${s.written} visits written, ${s.bad} bad lines skipped (${s.seconds.toFixed(2)} s, ${s.jobs} thread${s.jobs === 1 ? "" : "s"})\n`);
    return s.bad > 0 ? 1 : 0;
  }
  const r = await reportFile(file, {
    profile: opt("profile") ?? "mao2025",
    out: opt("out") ?? "report",
    keep: (opt("keep") ?? "").split(",").map((x) => x.trim()).filter(Boolean),
    ...(opt("compare") ? { compare: opt("compare")! } : {}),
    ...(opt("labs-by") ? { labsBy: opt("labs-by")! } : {}),
    ...(opt("drug") ? { drug: opt("drug")! } : {}),
    ...(opt("format") ? { format: opt("format")! } : {}),
  });
  process.stdout.write(r.summary);
  return r.ok ? 0 : 1;
}

const worker = !isMainThread && parentPort !== null && (workerData as { ibdOutcomesScoreWorker?: BatchOptions } | null)?.ibdOutcomesScoreWorker;
if (worker) scoreWorkerMain(parentPort!, worker);
else main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof ArgError || e instanceof UsageError) {
      process.stderr.write(`ibd-outcomes: ${e.message}\n`);
      process.exitCode = 2;
      return;
    }
    const err = e as NodeJS.ErrnoException;
    if (err && err.code === "ENOENT") {
      process.stderr.write(`ibd-outcomes: cannot open ${err.path ?? "the file"}\n`);
      process.exitCode = 1;
      return;
    }
    process.stderr.write(`ibd-outcomes: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
