/**
 * The `ibd-outcomes` command line: `validate`, `score`, `report`. Built by tsup as its own entry
 * (dist/cli.js); not part of the library bundles.
 * Exit codes: 0 ok (also when the reader of the output goes away, e.g. `| head`), 1 bad records found,
 * 2 bad command line or a file that cannot be read or written, 3 an internal error.
 */
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { ArgError, parseArgs } from "./args.js";
import { errorCode, IoError, ioError, isSystemError } from "./io.js";
import { reportFile } from "./report.js";
import { SCORE_PART_ARG, scoreFile, scorePartMain, scoreWorkerMain, type BatchOptions, type ScorePart } from "./score.js";
import { UsageError, validateFile, type Notice, type Problem } from "./validate.js";

const VERSION = "0.1.0";

const HELP = new Map<string, string>(Object.entries({
  main: `ibd-outcomes ${VERSION}: IBD outcomes research from the command line.

Usage: ibd-outcomes <command> [options]

Commands:
  validate <file>   check every record of a JSON, NDJSON or CSV file; exit 1 if any is bad
  score <file>      add scores (and classifications with --profile) to NDJSON/CSV visits, streaming
  report <file>     outcome tables, flow, safety and SVG figures of a cohort (Markdown + HTML)

Options:
  -h, --help        help (also after a command: ibd-outcomes score --help)
  --version         print the version

Files: UTF-8 with or without a byte-order mark, LF or CRLF line ends, for every command and format
(UTF-16 files are refused with a hint to convert them). Problems are printed as <file>:<line>: <field>:
<reason>; got <value>. Exit codes: 0 ok, 1 bad records, 2 bad command line or unreadable/unwritable
file, 3 internal error. Output files are written through a temporary file renamed at the end, and an
output that is the input is refused. Input never executes and cannot pollute prototypes: keys
__proto__, constructor and prototype are rejected; JSON nested deeper than 64 levels is rejected.`,
  validate: `Usage: ibd-outcomes validate <file|-> [--format json|ndjson|csv] [--kind patient|course|visit|adverseEvent]
                             [--strict] [--json]

Checks every record and prints one line per problem: <file>:<line>: <record> <field>: <reason>; got
<value> (identifiers are not echoed). Ends with the count of good and bad records. Exit code 1 when any
record is bad or the file holds no record.

  <file>       .json (a cohort { patients, courses, visits, adverseEvents }, an array, or one record),
               .ndjson/.jsonl (one record per line) or .csv (header row of dotted paths such as
               mayo.stoolFrequency; list columns such as hbi.complications are ;-separated); - = stdin
  --format     override the format guessed from the file name (stdin: ndjson)
  --kind       record kind (default: the cohort collection, else guessed from the keys or CSV header)
  --strict     CSV: a column that is not a field of the record kind is an error (default: ignored,
               with one notice per column). A missing required column is one header error either way.
  --json       print the summary and problems as JSON instead of text

CSV cells are read by what the field is: numbers as decimals, yes/no fields from true/false, yes/no or
1/0 in any case (TRUE and FALSE as R writes them), empty cells and NA as not recorded.`,
  score: `Usage: ibd-outcomes score <file|-> [--profile id] [--timepoint w26] [--diagnosis UC|CD] [--out file]
                          [--format ndjson|csv] [--input-format ndjson|csv] [--strict] [--jobs n]
                          [--components] [--explain] [--no-progress]

Reads visits (NDJSON or CSV, streaming: memory does not grow with the file) and writes each valid visit
with "scores" (total and band of every score its items allow: mayoAdapted, mayoPartial, mayoFull,
harveyBradshawIndex, sesCd, rutgeerts, cdai, uceis) and, with --profile, "classifications": every
endpoint of the profile at the visit ("met", "not-met" or "not-evaluable"), by the library's
classifiers. One visit has no baseline and no corticosteroid dates: responses are not-evaluable;
steroid-free endpoints read onCorticosteroids (true: not-met; false: off on the visit date with the
stop date not recorded, which satisfies "off on the date" at induction and is not-evaluable where a
minimum number of days off is required; absent: not-evaluable, never read as "not on corticosteroids"). Use report
for per-patient time points. Bad records are reported on stderr as <file>:<line>: <field>: <reason>
and skipped; the exit code is then 1. On a terminal a progress line shows percent and time left.

  --profile       endpoint profile: mao2025, uAchieve, uExcel, uExcelPro2, stride2, classic, or a
                  mao2025 variant such as mao2025+A4=classic
  --timepoint     time point key for the corticosteroid window (w0, w8, w12, w26, w52, w78; default w26)
  --diagnosis     apply UC or CD rules to every visit (default: from the visit's items; a labs-only
                  visit then gets "classifications": null)
  --out           output file (default stdout); written through a temporary file renamed at the end;
                  refused when it is the input
  --format        output format: ndjson (default; the input record plus scores) or csv (the input
                  row's cells, or id, patientId and date for NDJSON input, then <score>.total,
                  <score>.band and classifications.<endpoint> columns)
  --input-format  input format when the file name does not tell (default for stdin: ndjson)
  --strict        CSV input: extra columns are errors (default: ignored with one notice each)
  --jobs          parallel scoring of NDJSON in and out (default 1; for files over 8 MB on 4+ free CPUs,
                  CPUs - 1, at most 4). On fewer than 4 CPUs a file is cut into n parts of whole lines
                  scored by n processes (measured faster than one job on 2 CPUs); on 4+ CPUs, the main
                  thread and n - 1 worker threads (IBD_OUTCOMES_JOBS=processes or =threads chooses).
                  Says so when it cannot help (CSV, stdin below 4 CPUs, more jobs than CPUs, CPUs already
                  busy); output and messages are those of one job, in input order
  --components    include each score's components
  --explain       classifications as { status, code, reason } instead of the status alone
  --no-progress   never show progress`,
  report: `Usage: ibd-outcomes report <file.json> [--profile mao2025] [--out dir] [--keep id,id] [--compare mao2025] [--format docx] [--allow-invalid]

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
  --format    docx: also write the whole report as one Word file, report.docx
  --allow-invalid  write the report from the valid records when some are invalid (it says how many of
                   each kind were left out); without it, invalid records are listed and nothing is written

Exit code 1 when any record is invalid, 2 when the file cannot be read or the report cannot be written.`,
}));

/** Options of each command: those that take a value, then flags. Maps: a name such as "toString" is not found. */
const OPTIONS = new Map<string, { readonly valued: readonly string[]; readonly flags: readonly string[] }>([
  ["validate", { valued: ["format", "kind"], flags: ["json", "strict"] }],
  ["score", { valued: ["profile", "timepoint", "diagnosis", "out", "format", "input-format", "jobs"], flags: ["components", "explain", "no-progress", "progress", "strict"] }],
  ["report", { valued: ["profile", "out", "keep", "compare", "labs-by", "drug", "format"], flags: ["allow-invalid"] }],
]);

/** Writes to stdout, waiting when the pipe is full. */
async function out(text: string): Promise<void> {
  if (!process.stdout.write(text)) await new Promise<void>((resolve) => process.stdout.once("drain", resolve));
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    await out(`${HELP.get("main")!}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === "--version") {
    await out(`${VERSION}\n`);
    return 0;
  }
  const spec = OPTIONS.get(command);
  if (spec === undefined) {
    process.stderr.write(`ibd-outcomes: unknown command "${command}". Commands: validate, score, report. Run ibd-outcomes --help.\n`);
    return 2;
  }
  const args = parseArgs(rest, spec.valued);
  if (args.options.get("help") === true) {
    await out(`${HELP.get(command)!}\n`);
    return 0;
  }
  const known = new Set([...spec.valued, ...spec.flags, "help"]);
  for (const k of args.options.keys()) if (!known.has(k)) throw new ArgError(`${command}: unknown option --${k}. Run ibd-outcomes ${command} --help.`);
  const file = args.positionals[0];
  if (file === undefined || args.positionals.length > 1) throw new ArgError(`${command}: expects exactly one <file>${args.positionals.length > 1 ? `; got ${args.positionals.length}` : ""}`);
  const opt = (k: string): string | undefined => {
    const v = args.options.get(k);
    return typeof v === "string" ? v : undefined;
  };
  const flag = (k: string) => args.options.get(k) === true;

  if (command === "validate") {
    const json = flag("json");
    const name = file === "-" ? "stdin" : file;
    const show = (p: Problem) => `${name}:${p.line}: ${p.record === undefined ? "" : `${p.record} `}${p.field}: ${p.reason}`;
    let streamed = 0;
    // problems are gathered into blocks of about 64 KB (one write each, not one per line); a note to stderr
    // first writes out what is gathered, so the two streams keep their order on a terminal
    let pending = "";
    const flushProblems = () => {
      if (pending !== "") process.stdout.write(pending);
      pending = "";
    };
    const s = await validateFile(file, {
      ...(opt("format") === undefined ? {} : { format: opt("format")! }),
      ...(opt("kind") === undefined ? {} : { kind: opt("kind")! }),
      strict: flag("strict"),
      ...(json ? {} : { onNotice: (n: Notice) => (flushProblems(), process.stderr.write(`${name}:${n.line}: note: ${n.message}\n`)) }),
      // text output streams problems as they are found, so a registry-sized file needs no memory for them
      ...(json
        ? {}
        : {
            onProblem: (p: Problem) => {
              streamed++;
              pending += `${show(p)}\n`;
              if (pending.length >= 1 << 16) flushProblems();
            },
          }),
    });
    flushProblems();
    const count = streamed + s.problems.length;
    if (json) await out(`${JSON.stringify(s, null, 2)}\n`);
    else {
      if (s.problems.length > 0) await out(`${s.problems.map(show).join("\n")}\n`);
      if (s.empty) await out(`${name}: empty input: no records\n`);
      else await out(`${s.total} records: ${s.valid} valid, ${s.invalid} invalid${count > 0 ? ` (${count} problems)` : ""}\n`);
    }
    return count > 0 || s.invalid > 0 || s.empty ? 1 : 0;
  }
  if (command === "score") {
    const jobs = opt("jobs");
    if (jobs !== undefined && !/^[0-9]+$/.test(jobs)) throw new ArgError(`score: --jobs must be an integer from 1 to 64; got "${jobs}"`);
    const s = await scoreFile(
      file,
      {
        ...(opt("profile") === undefined ? {} : { profile: opt("profile")! }),
        ...(opt("timepoint") === undefined ? {} : { timepoint: opt("timepoint")! }),
        ...(opt("diagnosis") === undefined ? {} : { diagnosis: opt("diagnosis")! }),
        ...(opt("out") === undefined ? {} : { out: opt("out")! }),
        ...(opt("format") === undefined ? {} : { format: opt("format")! }),
        ...(opt("input-format") === undefined ? {} : { inputFormat: opt("input-format")! }),
        strict: flag("strict"),
        components: flag("components"),
        explain: flag("explain"),
        ...(jobs === undefined ? {} : { jobs: Number(jobs) }),
        workerUrl: new URL(import.meta.url),
        ...(flag("no-progress") ? { progress: false } : flag("progress") ? { progress: true } : {}),
      },
      process.stderr,
    );
    const name = file === "-" ? "stdin" : file;
    if (s.empty) {
      process.stderr.write(`score: ${name} is empty: no records\n`);
      return 1;
    }
    process.stderr.write(
      `score: ${s.read} records read, ${s.written} visits written, ${s.bad} bad records skipped${s.unread > 0 ? `, ${s.unread} rows not read (the header is invalid)` : ""} (${s.seconds.toFixed(2)} s, ${s.jobs} ${s.processes === true ? "process" : "thread"}${s.jobs === 1 ? "" : s.processes === true ? "es" : "s"})\n`,
    );
    return s.bad > 0 || s.unread > 0 ? 1 : 0;
  }
  const r = await reportFile(file, {
    profile: opt("profile") ?? "mao2025",
    out: opt("out") ?? "report",
    keep: (opt("keep") ?? "").split(",").map((x) => x.trim()).filter(Boolean),
    ...(opt("compare") === undefined ? {} : { compare: opt("compare")! }),
    ...(opt("labs-by") === undefined ? {} : { labsBy: opt("labs-by")! }),
    ...(opt("drug") === undefined ? {} : { drug: opt("drug")! }),
    ...(opt("format") === undefined ? {} : { format: opt("format")! }),
    allowInvalid: flag("allow-invalid"),
  });
  const name = file;
  for (const p of r.problems) process.stderr.write(`${name}:${p.line}: ${p.record === undefined ? "" : `${p.record} `}${p.field}: ${p.reason}\n`);
  await out(r.summary);
  return r.ok || (r.written && flag("allow-invalid")) ? 0 : 1;
}

/** Exit code and message of a failed run. */
export function failure(e: unknown): { code: number; message: string } {
  if (e instanceof ArgError || e instanceof UsageError || e instanceof IoError) return { code: 2, message: `ibd-outcomes: ${e.message}` };
  if (isSystemError(e)) {
    const path = (e as { path?: unknown }).path;
    return { code: 2, message: `ibd-outcomes: ${ioError(errorCode(e) === "ENOSPC" || errorCode(e) === "EROFS" ? "write" : "read", typeof path === "string" ? path : "a file", e).message}` };
  }
  return { code: 3, message: `ibd-outcomes: internal error: ${e instanceof Error ? e.message : String(e)} (please report it)` };
}

const worker = !isMainThread && parentPort !== null && (workerData as { ibdOutcomesScoreWorker?: BatchOptions } | null)?.ibdOutcomesScoreWorker;
if (worker) scoreWorkerMain(parentPort!, worker);
else if (isMainThread && process.argv[2] === SCORE_PART_ARG && process.argv.length === 4) {
  // a child process of `score --jobs`: scores its part of the file
  scorePartMain(JSON.parse(process.argv[3]!) as ScorePart).catch((e: unknown) => {
    process.stderr.write(`${failure(e).message}\n`);
    process.exitCode = failure(e).code;
  });
} else {
  // the reader of our output went away (`| head`): nothing more to say, and that is not a failure
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE" || e.code === "ERR_STREAM_DESTROYED") process.exit(0);
    process.stderr.write(`${failure(e).message}\n`);
    process.exit(2);
  });
  process.stderr.on("error", () => undefined);
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      const f = failure(e);
      process.stderr.write(`${f.message}\n`);
      process.exitCode = f.code;
    },
  );
}
