/**
 * `ibd-outcomes score <file>`: NDJSON or CSV visits in, NDJSON (or CSV with `--format csv`) out, one record per
 * good visit with its scores and (with `--profile`) visit-level classifications. Streams: memory does not grow
 * with the file.
 * @remarks NDJSON is cut into batches of whole lines (about 1 MB; 256 KB with threads); each batch is scored by
 * {@link scoreBatch}, on the main thread or, with `--jobs N`, shared by the main thread and N − 1 worker threads
 * (batch bytes moved, not copied), and written in input order. At most 2 batches per worker are in flight, so
 * memory stays flat. Below 4 CPUs (or with `IBD_OUTCOMES_JOBS=processes`) a regular file is instead cut into N parts of whole
 * lines scored by N processes (this one and N − 1 children, see {@link scorePartMain}): measured faster than one job on
 * 2 CPUs, while threads were slower there. CSV input is cut into records on the bytes (csvBytes.ts): visit rows of the plain common
 * shape are written as compact JSON bytes and scored by the same byte path as NDJSON, other rows record by
 * record, all on the main thread. Output files are written through a temporary file renamed at the end (see io.ts).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { ENDPOINT_IDS, TIMEPOINT_KEYS } from "../endpoints/index.js";
import type { TimepointKey } from "../endpoints/index.js";
import { parseVisit, type Visit } from "../models/index.js";
import { byteVisitWrite, formatScoreEntries, OutBuf } from "./byteVisit.js";
import { resolveProfile, scoreVisit, visitClassifier, type VisitClassifier, type VisitScores } from "./classifyVisit.js";
import { isFastValidVisit } from "./fastVisit.js";
import { visitIssues } from "./visitIssues.js";
import { countNewlines, inputSize, ioError, lineBatches, openOutput, refuseSameFile, splitLines, type ByteRange, type Output } from "./io.js";
import { detectFormat, ndjsonItem, readCsvFast, readCsvText, readNdjson, type InputItem, type ReadCsvOptions } from "./records.js";
import { formatPath, gotValue } from "./safeJson.js";
import { UsageError } from "./validate.js";

/** Options of `score`. */
export interface ScoreOptions {
  readonly profile?: string;
  /** Time point whose corticosteroid window the classifiers use (default `w26`). */
  readonly timepoint?: string;
  /** Force the disease rules (default: from the visit's items). */
  readonly diagnosis?: string;
  readonly out?: string;
  /** Output format: `ndjson` (default) or `csv`. */
  readonly format?: string;
  /** Input format (default: from the file name; `ndjson` for stdin). */
  readonly inputFormat?: string;
  /** CSV input: extra columns are errors instead of notices. */
  readonly strict?: boolean;
  readonly components?: boolean;
  /** Classifications as `{ status, code, reason }` instead of the status alone. */
  readonly explain?: boolean;
  readonly progress?: boolean;
  /** Worker threads for NDJSON (1 = main thread only). Default 1, or CPUs − 1 (at most 4) for NDJSON files over 8 MB on 4+ CPUs. */
  readonly jobs?: number;
  /** Read size in bytes (batches are whole lines of about this size). Default 1 MiB. */
  readonly chunkBytes?: number;
  /** Module URL of the CLI entry, which runs {@link scoreWorkerMain} when loaded in a worker thread. */
  readonly workerUrl?: URL;
  /** Skip the byte-level paths (every record decoded and read as text): for tests that compare the paths. */
  readonly textOnly?: boolean;
}

/** Counts reported at the end of `score`. */
export interface ScoreSummary {
  /** Records read (non-blank lines, CSV data rows). */
  readonly read: number;
  readonly written: number;
  readonly bad: number;
  /** CSV rows not read because the header was rejected. */
  readonly unread: number;
  /** True when the input holds no record. */
  readonly empty: boolean;
  readonly seconds: number;
  readonly jobs: number;
  /** True when the jobs were processes (each scoring its own part of the file), false for threads. */
  readonly processes?: boolean;
}

/** What a batch needs to know (plain data: it crosses to worker threads). */
export interface BatchOptions {
  /** Profile id (resolved with `getProfile` in each thread). */
  readonly profile?: string;
  readonly timepoint: TimepointKey;
  readonly diagnosis?: "UC" | "CD";
  readonly components: boolean;
  readonly explain: boolean;
  /** The input's name in messages (`file:line: ...`); default `input`. */
  readonly file?: string;
  /** Skip the byte-level path (every line decoded and `JSON.parse`d): for tests that compare the paths. */
  readonly textOnly?: boolean;
}

const classifiers = new Map<string, VisitClassifier>();
function classifierOf(id: string, timepoint: TimepointKey): VisitClassifier {
  const key = `${id}@${timepoint}`;
  let c = classifiers.get(key);
  if (c === undefined) {
    const r = resolveProfile(id);
    if (!r.ok) throw new UsageError(`score: --profile ${r.reason}`);
    classifiers.set(key, (c = visitClassifier(r.profile, timepoint)));
  }
  return c;
}

/** Names of the scores `score` writes, in output order (CSV columns). */
export const SCORE_NAMES = ["mayoAdapted", "mayoPartial", "mayoFull", "harveyBradshawIndex", "sesCd", "rutgeerts", "cdai", "uceis"] as const;

function suffix(v: Visit, o: BatchOptions): string {
  const scores = scoreVisit(v);
  let s: string;
  if (o.components) s = `,"scores":${JSON.stringify(scores)}`;
  // totals are numbers and bands fixed identifiers: written directly, no intermediate JSON.stringify
  else s = `,"scores":{${formatScoreEntries(scores)}}`;
  if (o.profile !== undefined) {
    const c = classifierOf(o.profile, o.timepoint).classify(v, o.diagnosis);
    if (c === null) s += ',"classifications":null';
    else {
      let t = "";
      for (const k in c) {
        const r = c[k as keyof typeof c];
        t += `${t === "" ? "" : ","}"${k}":${o.explain ? JSON.stringify({ status: r.status, code: r.code, reason: r.reason }) : `"${r.status}"`}`;
      }
      s += `,"classifications":{${t}}`;
    }
  }
  return s;
}

/** Accumulates a batch's output and messages. */
interface Acc {
  out: string[];
  err: string[];
  written: number;
  bad: number;
}

/** The problem lines of an item that could not be read: `file:line: field: reason`. */
function itemErrors(item: InputItem, o: BatchOptions): string {
  const where = `${o.file ?? "input"}:${item.line}: `;
  if (item.error !== undefined) return (item.errors ?? [item.error]).map((e) => `${where}${e.field}: ${e.reason}\n`).join("");
  return "";
}

/** A record as a valid visit (fast check, else zod), or its problem lines (`file:line: field: reason; got value`). */
function visitOf(item: InputItem, o: BatchOptions): { visit: Visit } | { err: string } {
  if (item.error !== undefined) return { err: itemErrors(item, o) };
  if (isFastValidVisit(item.value)) return { visit: item.value };
  // a bad visit: only the members that may be wrong are parsed (the same issues as parseVisit)
  const quick = visitIssues(item.value);
  const r = quick !== null && quick.length > 0 ? { success: false as const, issues: quick } : parseVisit(item.value);
  if (r.success) return { visit: r.data };
  const where = `${o.file ?? "input"}:${item.line}: `;
  return { err: r.issues.map((i) => `${where}${formatPath(i.path)}: ${i.message}${gotValue(item.value, i.path)}\n`).join("") };
}

/** One record through the slow path (prototype-safe parse already done): zod, then scores; output to `ob` or `acc.out`. */
function slowItem(item: InputItem, o: BatchOptions, acc: Acc, ob?: OutBuf): void {
  const r = visitOf(item, o);
  if ("err" in r) {
    acc.bad++;
    acc.err.push(r.err);
    return;
  }
  const text = JSON.stringify(r.visit);
  if (ob !== undefined) {
    ob.str(text.slice(0, -1));
    ob.str(suffix(r.visit, o));
    ob.str("}\n");
  } else acc.out.push(`${text.slice(0, -1)}${suffix(r.visit, o)}}\n`);
  acc.written++;
}

/** One line through the string paths: `JSON.parse` + the conservative visit check, else prototype-safe parse and zod. */
function textLine(buf: Buffer, start: number, stop: number, line: number, o: BatchOptions, out: OutBuf, acc: Acc): boolean {
  const raw = buf.toString("utf8", start, stop);
  if (raw.charCodeAt(0) <= 32 && raw.trim() === "") return false;
  let value: unknown;
  let parsed = !raw.includes("\uFFFD");
  if (parsed) {
    try {
      value = JSON.parse(raw);
    } catch {
      parsed = false;
    }
  }
  if (parsed && isFastValidVisit(value)) {
    const body = raw.charCodeAt(raw.length - 1) === 125 ? raw : raw.trimEnd();
    out.str(body.slice(0, -1));
    out.str(suffix(value, o));
    out.str("}\n");
    acc.written++;
  } else {
    slowItem(ndjsonItem(buf, start, stop, line) ?? { line, error: { field: "(record)", reason: "is blank" } }, o, acc);
    for (const t of acc.out) out.str(t);
    acc.out.length = 0;
  }
  return true;
}

/** The result of one batch of lines. */
export interface BatchResult {
  /** Output NDJSON (each line ends with a newline), as text or UTF-8 bytes. */
  readonly out: string | Uint8Array;
  /** Problem messages, one line each, with the input line number. */
  readonly err: string;
  readonly read: number;
  readonly written: number;
  readonly bad: number;
}

/**
 * Scores a batch of NDJSON lines. Fastest path: a compact visit of the common shape is read from the bytes
 * ({@link byteVisitWrite}) and its bytes copied to the output with the scores appended. Else `JSON.parse`, the
 * conservative visit check, the input text kept and the scores appended; anything else takes the slow path
 * (prototype-safe parse, zod).
 * @param input - Whole lines separated by `\n`, as UTF-8 bytes or text (a final line without newline is allowed).
 * @param firstLine - Line number of the first line (1-based).
 * @param o - Profile and output options.
 * @param reuse - An output buffer to write into (its previous content is dropped); the result's `out` is a view of it.
 */
export function scoreBatch(input: string | Uint8Array, firstLine: number, o: BatchOptions, reuse?: OutBuf): BatchResult {
  const buf = typeof input === "string" ? Buffer.from(input, "utf8") : Buffer.from(input.buffer, input.byteOffset, input.length);
  const acc: Acc = { out: [], err: [], written: 0, bad: 0 };
  const bytesPath = !o.components && !o.explain && o.textOnly !== true;
  const classifier = bytesPath && o.profile !== undefined ? classifierOf(o.profile, o.timepoint) : null;
  const size = Math.ceil(buf.length * (o.profile === undefined ? 1.4 : 2)) + 4096;
  const out = reuse ?? new OutBuf(size);
  out.pos = 0;
  out.room(size);
  let read = 0;
  let line = firstLine;
  let start = 0;
  const n = buf.length;
  while (start <= n) {
    let end = buf.indexOf(10, start);
    if (end === -1) end = n;
    let stop = end;
    if (stop > start && buf[stop - 1] === 13) stop--;
    if (stop > start) {
      if (bytesPath && buf[start] === 123 && byteVisitWrite(buf, start, stop, classifier, o.diagnosis, out)) {
        read++;
        acc.written++;
      } else if (textLine(buf, start, stop, line, o, out, acc)) read++;
    }
    line++;
    start = end + 1;
  }
  return { out: out.buf.subarray(0, out.pos), err: acc.err.join(""), read, written: acc.written, bad: acc.bad };
}

/**
 * Worker-thread side: scores the batches it is sent. Started by the CLI entry when not on the main thread. The
 * batch bytes arrive transferred (not copied) and the output bytes go back transferred.
 */
export function scoreWorkerMain(port: { on(e: "message", f: (m: unknown) => void): void; postMessage(m: unknown, transfer?: readonly ArrayBuffer[]): void }, o: BatchOptions): void {
  port.on("message", (m) => {
    const { seq, text, firstLine } = m as { seq: number; text: Uint8Array; firstLine: number };
    const r = scoreBatch(text, firstLine, o);
    const out = typeof r.out === "string" ? Buffer.from(r.out, "utf8") : r.out;
    // the output buffer is the batch's own (not a pool slab): moved to the main thread, not copied
    const own = out.buffer instanceof ArrayBuffer && out.byteOffset === 0 && out.buffer.byteLength <= 4 * out.length + (1 << 16);
    const moved = own ? out : new Uint8Array(out);
    port.postMessage({ seq, ...r, out: moved }, [moved.buffer as ArrayBuffer]);
  });
}

/** Quotes a CSV cell when needed (RFC 4180). */
export function csvCell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV output: the computed columns of `score --format csv` and one row per visit. */
class CsvWriter {
  readonly computed: string[];
  constructor(private readonly o: BatchOptions) {
    const cols: string[] = [];
    for (const n of SCORE_NAMES) cols.push(`${n}.total`, `${n}.band`, ...(o.components ? [`${n}.components`] : []));
    if (o.profile !== undefined) for (const e of ENDPOINT_IDS) cols.push(`classifications.${e}`, ...(o.explain ? [`classifications.${e}.code`, `classifications.${e}.reason`] : []));
    this.computed = cols;
  }
  header(lead: readonly string[]): string {
    return `${[...lead, ...this.computed].map(csvCell).join(",")}\n`;
  }
  row(lead: readonly string[], v: Visit): string {
    const scores: VisitScores = scoreVisit(v);
    const cells: string[] = lead.map(csvCell);
    for (const n of SCORE_NAMES) {
      const r = Object.prototype.hasOwnProperty.call(scores, n) ? scores[n] : undefined;
      cells.push(r === undefined ? "" : String(r.total), r === undefined || r.band === null ? "" : csvCell(r.band));
      if (this.o.components) cells.push(r?.components === undefined ? "" : csvCell(JSON.stringify(r.components)));
    }
    if (this.o.profile !== undefined) {
      const c = classifierOf(this.o.profile, this.o.timepoint).classify(v, this.o.diagnosis);
      for (const e of ENDPOINT_IDS) {
        const r = c === null ? undefined : c[e];
        cells.push(r === undefined ? "" : r.status);
        if (this.o.explain) cells.push(r === undefined ? "" : r.code, r === undefined ? "" : csvCell(r.reason));
      }
    }
    return `${cells.join(",")}\n`;
  }
}

/** The first columns of a CSV output row for an NDJSON visit. */
const NDJSON_LEAD = ["id", "patientId", "date"] as const;

/**
 * The progress line: records done and rate, with percent and time left when the input size is known.
 * @param read - Records done.
 * @param secs - Seconds since the start.
 * @param bytesDone - Input bytes consumed.
 * @param size - Input size in bytes, or `null` when unknown (stdin, a pipe).
 */
export function progressLine(read: number, secs: number, bytesDone: number, size: number | null): string {
  const rate = Math.round(read / Math.max(secs, 1e-3)).toLocaleString("en-US");
  const line = `${read.toLocaleString("en-US")} records, ${rate}/s`;
  if (size === null || size <= 0) return line;
  const f = Math.min(1, bytesDone / size);
  return `${(f * 100).toFixed(0).padStart(3)}% ${line}${f > 0 && f < 1 ? `, ETA ${time((secs * (1 - f)) / f)}` : ""}`;
}

const time = (s: number) => (s >= 3600 ? `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}:${String(Math.floor(s % 60)).padStart(2, "0")}` : `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, "0")}`);

/**
 * Runs `score`. Bad records go to `stderr` as `file:line: field: reason; got value`; the rest to `--out` (through
 * a temporary file renamed at the end) or stdout. A progress line (percent and time left when the input size is
 * known) is kept on the last line of a terminal: messages are written above it, never over it.
 */
export async function scoreFile(file: string, options: ScoreOptions, stderr: NodeJS.WritableStream & { isTTY?: boolean }): Promise<ScoreSummary> {
  const input = detectFormat(file, options.inputFormat ?? (file === "-" ? "ndjson" : undefined));
  if (input === null || input === "json") throw new UsageError(`score: ${file} must be NDJSON (.ndjson, .jsonl) or CSV (.csv); pass --input-format ndjson|csv`);
  const output = options.format ?? "ndjson";
  if (output !== "ndjson" && output !== "csv") throw new UsageError(`score: --format must be ndjson or csv (the output format); got "${output}"`);
  if (options.profile !== undefined) {
    const r = resolveProfile(options.profile);
    if (!r.ok) throw new UsageError(`score: --profile ${r.reason}`);
  }
  const timepoint = options.timepoint ?? "w26";
  if (!(TIMEPOINT_KEYS as readonly string[]).includes(timepoint)) throw new UsageError(`score: --timepoint must be one of ${TIMEPOINT_KEYS.join(", ")}; got "${timepoint}"`);
  if (options.diagnosis !== undefined && options.diagnosis !== "UC" && options.diagnosis !== "CD") throw new UsageError(`score: --diagnosis must be UC or CD; got "${options.diagnosis}"`);
  const name = file === "-" ? "stdin" : file;
  const o: BatchOptions = {
    ...(options.profile === undefined ? {} : { profile: options.profile }),
    timepoint: timepoint as TimepointKey,
    ...(options.diagnosis === undefined ? {} : { diagnosis: options.diagnosis as "UC" | "CD" }),
    components: options.components === true,
    explain: options.explain === true,
    file: name,
    ...(options.textOnly === true ? { textOnly: true } : {}),
  };
  if (options.jobs !== undefined && (!Number.isInteger(options.jobs) || options.jobs < 1 || options.jobs > 64)) throw new UsageError(`score: --jobs must be an integer from 1 to 64; got ${String(options.jobs)}`);
  // default: one thread, or on 4+ CPUs for an NDJSON file over 8 MB, CPUs − 1 (at most 4) when the built command runs
  const cpus = availableParallelism();
  const auto = (inputSize(file) ?? 0) > 8 * 1024 * 1024 && cpus >= 4 && input === "ndjson" && output === "ndjson" && options.workerUrl !== undefined && /\.[cm]?js$/.test(options.workerUrl.pathname) ? Math.min(4, cpus - 1) : 1;
  const requested = options.jobs ?? auto;
  const progress = options.progress ?? stderr.isTTY === true;
  let shown = false; // a progress line is on the terminal's last line
  const note = (text: string) => {
    if (shown) {
      stderr.write("\r\x1b[K");
      shown = false;
    }
    stderr.write(text);
  };
  let jobs = requested;
  if (jobs > 1) {
    if (input === "csv" || output === "csv") {
      note(`score: --jobs ${jobs} has no effect: CSV is read and written on one thread\n`);
      jobs = 1;
    } else if (options.workerUrl === undefined || !/\.[cm]?js$/.test(options.workerUrl.pathname)) {
      note(`score: --jobs ${jobs} needs the built command (dist/cli.js); running on one thread\n`);
      jobs = 1;
    } else if (jobs > cpus) {
      note(`score: --jobs ${jobs}: only ${cpus} CPU${cpus === 1 ? " is" : "s are"} available, so more threads cannot run faster; using ${cpus}\n`);
      jobs = cpus;
    }
  }
  // A regular file is cut into parts scored by child processes when fewer than 4 CPUs are available (or always with
  // IBD_OUTCOMES_JOBS=processes; IBD_OUTCOMES_JOBS=threads keeps worker threads). Measured on 2 CPUs, quiet machine
  // (load 1.7), 2,000,000 realistic lines, score --profile mao2025: 2 processes 11.8 s and 16.1 s against one job's
  // 16.4 s and 21.1 s in two pairs (identical output), while 2 worker threads were slower than one (28.6 s against
  // 20.9 s: each thread's scoring costs about 1.5x more CPU beside another in one process). On 4+ CPUs threads stay
  // the default (no temporary files); processes there are unmeasured.
  const jobsMode = process.env.IBD_OUTCOMES_JOBS;
  if (jobsMode !== undefined && jobsMode !== "processes" && jobsMode !== "threads") throw new UsageError(`score: IBD_OUTCOMES_JOBS must be "processes" or "threads"; got "${jobsMode}"`);
  const processes = jobs > 1 && inputSize(file) !== null && (jobsMode === "processes" || (jobsMode === undefined && cpus < 4 && process.env.IBD_OUTCOMES_FORCE_THREADS !== "1"));
  if (jobs > 1 && cpus < 4 && !processes && process.env.IBD_OUTCOMES_FORCE_THREADS !== "1") {
    // stdin (no file to cut) or IBD_OUTCOMES_JOBS=threads below 4 CPUs: threads were measured slower than one thread.
    // (IBD_OUTCOMES_FORCE_THREADS=1 runs them anyway; the tests use it to check that threads write the same bytes.)
    note(`score: --jobs ${jobs}: on ${cpus} CPU${cpus === 1 ? "" : "s"} worker threads were measured slower than one thread (each costs about 1.5x more CPU beside another), so this runs on one thread\n`);
    jobs = 1;
  }
  if (jobs > 1) {
    // threads only help when CPUs are free: with the CPUs already busy, measured runs were slower than one thread
    const load = loadavg()[0] ?? 0;
    if (load >= cpus) {
      if (options.jobs === undefined) jobs = 1;
      else note(`score: --jobs ${jobs}: the ${cpus} CPUs are already busy (load average ${load.toFixed(1)}), so ${processes ? "processes" : "threads"} may run no faster than one, or slower\n`);
    }
  }

  const outPath = options.out === undefined || options.out === "-" ? null : options.out;
  if (outPath !== null) await refuseSameFile("score", outPath, [file]);
  const out: Output | null = outPath === null ? null : await openOutput(outPath);
  const outStream = out === null ? process.stdout : out.stream;
  let streamError: unknown = null;
  const onError = (e: unknown) => {
    streamError ??= ioError("write", outPath ?? "stdout", e);
  };
  if (out !== null) outStream.on("error", onError);
  // `release` runs once the stream is done with the bytes (their buffer is then reused)
  const write = async (s: string | Uint8Array, release?: () => void) => {
    if (streamError !== null) throw streamError;
    if (s.length === 0) {
      release?.();
      return;
    }
    const ok = release === undefined ? outStream.write(s) : outStream.write(s, () => release());
    // both listeners are removed whichever fires (a long run waits for "drain" many times)
    if (!ok) await new Promise<void>((resolve) => {
      const done = () => {
        outStream.off("drain", done);
        outStream.off("error", done);
        resolve();
      };
      outStream.once("drain", done);
      outStream.once("error", done);
    });
  };
  const size = inputSize(file);
  const t0 = performance.now();
  let lastTick = t0;
  let read = 0;
  let written = 0;
  let bad = 0;
  let bytesDone = 0;
  const draw = (now: number) => {
    stderr.write(`\r${progressLine(read, (now - t0) / 1000, bytesDone, size)}\x1b[K`);
    shown = true;
  };
  const take = async (r: BatchResult, release?: () => void) => {
    read += r.read;
    written += r.written;
    bad += r.bad;
    if (r.err !== "") {
      note(r.err);
      if (progress) draw(performance.now());
    }
    await write(r.out, release);
    if (progress) {
      const now = performance.now();
      if (now - lastTick > 200) {
        lastTick = now;
        draw(now);
      }
    }
  };

  let unread = 0;
  try {
    if (input === "csv" || output === "csv") {
      const csvOut = output === "csv" ? new CsvWriter(o) : null;
      let lead: string[] = [];
      let headerWritten = false;
      const writeHeader = async (names: readonly string[]) => {
        if (csvOut === null || headerWritten) return;
        headerWritten = true;
        await write(csvOut.header(names));
      };
      if (csvOut !== null && input === "ndjson") await writeHeader(NDJSON_LEAD);
      const acc: Acc = { out: [], err: [], written: 0, bad: 0 };
      let n = 0;
      // output bytes go straight into reused buffers (no joined strings); a buffer returns to the pool once written
      const pool: OutBuf[] = [];
      let ob = new OutBuf(1 << 21);
      const flush = async () => {
        const full = ob;
        ob = pool.pop() ?? new OutBuf(1 << 21);
        ob.pos = 0;
        await take({ out: full.buf.subarray(0, full.pos), err: acc.err.join(""), read: n, written: acc.written, bad: acc.bad }, () => pool.push(full));
        acc.err = [];
        acc.written = 0;
        acc.bad = 0;
        n = 0;
      };
      const one = (it: InputItem) => {
        n++;
        if (csvOut === null) return slowItem(it, o, acc, ob);
        const r = visitOf(it, o);
        if ("err" in r) {
          acc.bad++;
          acc.err.push(r.err);
          return;
        }
        const cells = input === "csv" ? lead : NDJSON_LEAD.map((k) => { const x = r.visit[k]; return x === undefined ? "" : String(x); });
        ob.str(csvOut.row(cells, r.visit));
        acc.written++;
      };
      const unreadRows = { rows: 0 };
      let headerNames: readonly string[] | null = null;
      const csvOptions: ReadCsvOptions = {
        kind: "visit",
        strict: options.strict === true,
        unread: unreadRows,
        onNotice: (line, m) => note(`${name}:${line}: note: ${m}\n`),
        onHeader: (_c, names) => (headerNames = names),
        ...(csvOut === null ? {} : { onRow: (fields: readonly string[]) => (lead = fields as string[]) }),
        onBytes: (b) => (bytesDone += b),
      };
      // CSV visits of the plain common shape become compact JSON bytes, scored by the NDJSON byte path
      const bytesPath = input === "csv" && csvOut === null && !o.components && !o.explain && o.textOnly !== true;
      const classifier = bytesPath && o.profile !== undefined ? classifierOf(o.profile, o.timepoint) : null;
      const fastVisit = (json: Buffer, len: number): boolean => {
        if (!byteVisitWrite(json, 0, len, classifier, o.diagnosis, ob)) return false;
        n++;
        acc.written++;
        return true;
      };
      const items =
        input === "csv"
          ? o.textOnly === true
            ? readCsvText(file, csvOptions)
            : readCsvFast(file, { ...csvOptions, ...(bytesPath ? { fastVisit } : {}) })
          : readNdjson(file, undefined, (b) => (bytesDone += b));
      for await (const it of items) {
        if (it === null) {
          if (ob.pos >= 1 << 20 || acc.err.length >= 4096) await flush();
          continue;
        }
        if (headerNames !== null && !headerWritten && csvOut !== null) await writeHeader(headerNames);
        if (it.error !== undefined && it.error.field === "(header)") {
          acc.err.push(itemErrors(it, o));
          continue;
        }
        one(it);
        if (ob.pos >= 1 << 20 || acc.err.length >= 4096) await flush();
      }
      if (headerNames !== null && !headerWritten && csvOut !== null) await writeHeader(headerNames);
      await flush();
      unread = unreadRows.rows;
    } else if (processes && jobs > 1) {
      await scoreParts(file, o, jobs, options, take, (b) => (bytesDone += b));
    } else {
      await scoreNdjson(file, o, jobs, options, take, (b) => (bytesDone += b));
    }
    if (streamError !== null) throw streamError;
    if (progress) {
      draw(performance.now());
      stderr.write("\n");
      shown = false;
    }
    await out?.commit();
  } catch (e) {
    if (shown) stderr.write("\n");
    await out?.abort();
    throw e;
  }
  return { read, written, bad, unread, empty: read === 0 && unread === 0, seconds: (performance.now() - t0) / 1000, jobs, ...(processes && jobs > 1 ? { processes: true } : {}) };
}

/** NDJSON in, NDJSON out: batches on the main thread or in `jobs` worker threads, written in input order. */
async function scoreNdjson(
  file: string,
  o: BatchOptions,
  jobs: number,
  options: ScoreOptions,
  take: (r: BatchResult, release?: () => void) => Promise<void>,
  onBytes: (n: number) => void,
): Promise<void> {
  // With jobs > 1: jobs − 1 worker threads and the main thread share the batches round-robin (the main thread
  // also reads and writes, which is little work); results are written in input order. Batch bytes are moved to a
  // worker (copied once into their own buffer, then transferred), never cloned. The reader waits when 2 batches
  // per worker are in flight.
  const workers = jobs > 1 ? Array.from({ length: jobs - 1 }, () => new Worker(options.workerUrl!, { workerData: { ibdOutcomesScoreWorker: o } })) : [];
  const pending = new Map<number, BatchResult>();
  let nextToWrite = 0;
  let nextSeq = 0;
  let inFlight = 0;
  let wake: (() => void) | null = null;
  let failure: unknown = null;
  for (const w of workers) {
    w.on("message", (m: BatchResult & { seq: number }) => {
      pending.set(m.seq, m);
      inFlight--;
      wake?.();
    });
    w.on("error", (e) => {
      failure = e;
      wake?.();
    });
  }
  const drainReady = async () => {
    let r = pending.get(nextToWrite);
    while (r !== undefined) {
      pending.delete(nextToWrite);
      nextToWrite++;
      await take(r);
      r = pending.get(nextToWrite);
    }
  };
  const waitFor = async (cond: () => boolean) => {
    while (!cond()) {
      if (failure !== null) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      await drainReady();
    }
  };
  const pool: OutBuf[] = [];
  // smaller batches with threads, so that a few MB already keep every thread busy
  const chunkBytes = options.chunkBytes ?? (jobs > 1 ? 1 << 18 : 1 << 20);
  try {
    // Raw bytes cut at the last newline of each chunk (0x0A never occurs inside a UTF-8 sequence); batches stay
    // bytes (lines of the common shape are never decoded, see scoreBatch).
    for await (const { bytes, firstLine } of lineBatches(file, chunkBytes)) {
      onBytes(bytes.length + 1);
      if (workers.length === 0) {
        // output buffers are reused once written: memory stays at a few batches
        const ob = pool.pop() ?? new OutBuf(0);
        await take(scoreBatch(bytes, firstLine, o, ob), () => pool.push(ob));
        continue;
      }
      await drainReady();
      const seq = nextSeq++;
      const slot = seq % jobs;
      if (slot === workers.length) {
        // the main thread's share
        pending.set(seq, scoreBatch(bytes, firstLine, o));
        await drainReady();
        continue;
      }
      await waitFor(() => inFlight < 2 * workers.length);
      inFlight++;
      const own = new Uint8Array(bytes.length);
      own.set(bytes);
      workers[slot]!.postMessage({ seq, text: own, firstLine }, [own.buffer]);
    }
    await waitFor(() => inFlight === 0);
    await drainReady();
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** What a child process of `score --jobs` is given: its part of the file and where to put its output. */
export interface ScorePart {
  readonly file: string;
  readonly range: ByteRange;
  /** Its `file` is a random marker: problem lines start `marker:line: ` with lines numbered from the part's start. */
  readonly o: BatchOptions;
  /** Output NDJSON and problem lines, written to these files. */
  readonly out: string;
  readonly err: string;
  readonly chunkBytes: number;
}

/** The first argument that makes the CLI entry a `score --jobs` child process (not a command). */
export const SCORE_PART_ARG = "--ibd-outcomes-score-part";

/** Counts of a batch source: records, and lines (newlines) consumed. */
interface PartCounts {
  read: number;
  written: number;
  bad: number;
  lines: number;
}

/**
 * Child-process side of `score --jobs`: scores its byte range of the file (whole lines) into its output and
 * problem files, then prints its counts (and its number of lines) as one JSON line on stdout.
 */
export async function scorePartMain(part: ScorePart): Promise<void> {
  const out = openSync(part.out, "w");
  const err = openSync(part.err, "w");
  const c: PartCounts = { read: 0, written: 0, bad: 0, lines: 0 };
  try {
    const ob = new OutBuf(0);
    for await (const { bytes, firstLine } of lineBatches(part.file, part.chunkBytes, part.range)) {
      const r = scoreBatch(bytes, firstLine, part.o, ob);
      c.read += r.read;
      c.written += r.written;
      c.bad += r.bad;
      c.lines += countNewlines(bytes) + 1;
      const o = typeof r.out === "string" ? Buffer.from(r.out, "utf8") : r.out;
      for (let at = 0; at < o.length; ) at += writeSync(out, o, at, o.length - at);
      if (r.err !== "") writeSync(err, r.err);
    }
  } finally {
    closeSync(out);
    closeSync(err);
  }
  process.stdout.write(`${JSON.stringify(c)}\n`);
}

/**
 * NDJSON file in, NDJSON out, with `jobs` processes: the file is cut into `jobs` parts of whole lines; this
 * process scores the first and writes it straight out while child processes score the others into temporary
 * files, which are then written out in order. A child numbers its lines from its part's start behind a random
 * marker; the marker and number are replaced by the file name and the file's line number (the lines of the parts
 * before it added) as its problem lines are written. Memory stays flat; the temporary files hold the later
 * parts' output until their turn.
 */
async function scoreParts(
  file: string,
  o: BatchOptions,
  jobs: number,
  options: ScoreOptions,
  take: (r: BatchResult, release?: () => void) => Promise<void>,
  onBytes: (n: number) => void,
): Promise<void> {
  const chunkBytes = options.chunkBytes ?? 1 << 20;
  const ranges = await splitLines(file, jobs);
  const dir = mkdtempSync(join(tmpdir(), "ibd-outcomes-score-"));
  const marker = `\u0000${randomBytes(12).toString("hex")}\u0000`;
  const children: { done: Promise<PartCounts>; part: ScorePart; kill: () => void }[] = [];
  try {
    for (let k = 1; k < ranges.length; k++) {
      const part: ScorePart = { file, range: ranges[k]!, o: { ...o, file: marker }, out: join(dir, `${k}.out`), err: join(dir, `${k}.err`), chunkBytes };
      const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(options.workerUrl!), SCORE_PART_ARG, JSON.stringify(part)], { stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
      child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
      const done = new Promise<PartCounts>((resolve, reject) => {
        child.on("error", (e) => reject(e));
        child.on("close", (code) => {
          if (code !== 0) return reject(new Error(`score --jobs: the process scoring part ${k + 1} failed (exit code ${String(code)}): ${stderr.trim()}`));
          try {
            resolve(JSON.parse(stdout) as PartCounts);
          } catch {
            reject(new Error(`score --jobs: the process scoring part ${k + 1} gave no counts`));
          }
        });
      });
      done.catch(() => undefined); // awaited in order below
      children.push({ done, part, kill: () => child.kill() });
    }
    // the first part here, written straight out
    const pool: OutBuf[] = [];
    let lines = 0;
    for await (const { bytes, firstLine } of lineBatches(file, chunkBytes, ranges[0]!)) {
      onBytes(bytes.length + 1);
      lines += countNewlines(bytes) + 1;
      const ob = pool.pop() ?? new OutBuf(0);
      await take(scoreBatch(bytes, firstLine, o, ob), () => pool.push(ob));
    }
    const name = o.file ?? "input";
    const numbered = new RegExp(`${marker}:(\\d+):`, "g");
    for (const c of children) {
      const counts = await c.done;
      const base = lines;
      const renumber = (t: string) => t.replace(numbered, (_m, n: string) => `${name}:${Number(n) + base}:`);
      // problem lines in whole lines (a progress line may be drawn after each)
      let rest = "";
      for await (const chunk of createReadStream(c.part.err, { encoding: "utf8", highWaterMark: 1 << 20 })) {
        const text = rest + (chunk as string);
        const cut = text.lastIndexOf("\n") + 1;
        rest = text.slice(cut);
        if (cut > 0) await take({ out: "", err: renumber(text.slice(0, cut)), read: 0, written: 0, bad: 0 });
      }
      if (rest !== "") await take({ out: "", err: renumber(rest), read: 0, written: 0, bad: 0 });
      for await (const chunk of createReadStream(c.part.out, { highWaterMark: 1 << 20 })) await take({ out: chunk as Buffer, err: "", read: 0, written: 0, bad: 0 });
      onBytes(c.part.range.end - c.part.range.start);
      await take({ out: "", err: "", read: counts.read, written: counts.written, bad: counts.bad });
      lines += counts.lines;
    }
  } finally {
    for (const c of children) c.kill();
    await Promise.allSettled(children.map((c) => c.done));
    rmSync(dir, { recursive: true, force: true });
  }
}
