/**
 * `ibd-outcomes score <file>`: NDJSON (or CSV) visits in, NDJSON out, one line per good visit with its
 * scores and (with `--profile`) visit-level classifications. Streams: memory does not grow with the file.
 * @remarks NDJSON is cut into batches of whole lines (about 1 MB); each batch is scored by {@link scoreBatch},
 * on the main thread or, with `--jobs N` (default on 4+ CPUs for files over 8 MB: CPUs − 1, max 4), in worker threads,
 * and written in input order. At most 2 batches per worker are in flight, so memory stays flat.
 */
import { createWriteStream, statSync } from "node:fs";
import { open } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { parseVisit, type Visit } from "../models/index.js";
import { resolveProfile, scoreVisit, visitClassifier, type VisitClassifier } from "./classifyVisit.js";
import type { TimepointKey } from "../endpoints/index.js";
import { TIMEPOINT_KEYS } from "../endpoints/index.js";
import { byteVisitWrite, formatScoreEntries, OutBuf } from "./byteVisit.js";
import { isFastValidVisit } from "./fastVisit.js";
import { detectFormat, openInput, readCsv, type InputItem } from "./records.js";
import { formatPath, parseJsonSafe } from "./safeJson.js";
import { UsageError } from "./validate.js";

/** Options of `score`. */
export interface ScoreOptions {
  readonly profile?: string;
  /** Time point whose corticosteroid window the classifiers use (default `w26`). */
  readonly timepoint?: string;
  /** Force the disease rules (default: from the visit's items). */
  readonly diagnosis?: string;
  readonly out?: string;
  readonly format?: string;
  readonly components?: boolean;
  /** Classifications as `{ status, reason }` instead of the status alone. */
  readonly explain?: boolean;
  readonly progress?: boolean;
  /** Worker threads for NDJSON (1 = main thread only). Default: CPUs − 1 (max 4) for files over 8 MB on 4+ CPUs, else 1. */
  readonly jobs?: number;
  /** Read size in bytes (batches are whole lines of about this size). Default 1 MiB. */
  readonly chunkBytes?: number;
  /** Module URL of the CLI entry, which runs {@link scoreWorkerMain} when loaded in a worker thread. */
  readonly workerUrl?: URL;
}

/** Counts reported at the end of `score`. */
export interface ScoreSummary {
  readonly read: number;
  readonly written: number;
  readonly bad: number;
  readonly seconds: number;
  readonly jobs: number;
}

/** What a batch needs to know (plain data: it crosses to worker threads). */
export interface BatchOptions {
  /** Profile id (resolved with `getProfile` in each thread). */
  readonly profile?: string;
  readonly timepoint: TimepointKey;
  readonly diagnosis?: "UC" | "CD";
  readonly components: boolean;
  readonly explain: boolean;
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

/** One record through the slow path (prototype-safe parse already done): zod, then scores. */
function slowItem(item: InputItem, o: BatchOptions, acc: { out: string[]; err: string[]; written: number; bad: number }): void {
  if (item.error !== undefined) {
    acc.bad++;
    acc.err.push(`line ${item.line}: ${item.error.field}: ${item.error.reason}\n`);
    return;
  }
  const r = parseVisit(item.value);
  if (!r.success) {
    acc.bad++;
    const i = r.issues[0]!;
    const more = r.issues.length > 1 ? ` (+${r.issues.length - 1} more)` : "";
    acc.err.push(`line ${item.line}: ${formatPath(i.path)}: ${i.message}${more}\n`);
    return;
  }
  const text = JSON.stringify(r.data);
  acc.out.push(`${text.slice(0, -1)}${suffix(r.data, o)}}\n`);
  acc.written++;
}

/** One line through the string paths: `JSON.parse` + the conservative visit check, else prototype-safe parse and zod. */
function textLine(raw: string, line: number, o: BatchOptions, out: OutBuf, acc: { out: string[]; err: string[]; written: number; bad: number }): boolean {
  if (raw.charCodeAt(0) <= 32 && raw.trim() === "") return false;
  let value: unknown;
  let parsed = true;
  try {
    value = JSON.parse(raw);
  } catch {
    parsed = false;
  }
  if (parsed && isFastValidVisit(value)) {
    const body = raw.charCodeAt(raw.length - 1) === 125 ? raw : raw.trimEnd();
    out.str(body.slice(0, -1));
    out.str(suffix(value, o));
    out.str("}\n");
    acc.written++;
  } else {
    const r = parseJsonSafe(raw);
    slowItem(r.ok ? { line, value: r.value } : { line, error: { field: r.field, reason: r.reason } }, o, acc);
    for (const t of acc.out) out.str(t);
    acc.out.length = 0;
  }
  return true;
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
  const acc = { out: [] as string[], err: [] as string[], written: 0, bad: 0 };
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
      } else if (textLine(buf.toString("utf8", start, stop), line, o, out, acc)) read++;
    }
    line++;
    start = end + 1;
  }
  return { out: out.buf.subarray(0, out.pos), err: acc.err.join(""), read, written: acc.written, bad: acc.bad };
}

/** Worker-thread side: scores the batches it is sent. Started by the CLI entry when not on the main thread. */
export function scoreWorkerMain(port: { on(e: "message", f: (m: unknown) => void): void; postMessage(m: unknown): void }, o: BatchOptions): void {
  port.on("message", (m) => {
    const { seq, text, firstLine } = m as { seq: number; text: Uint8Array; firstLine: number };
    port.postMessage({ seq, ...scoreBatch(text, firstLine, o) });
  });
}

function countNewlines(s: Buffer): number {
  let c = 0;
  let i = s.indexOf(10);
  while (i !== -1) {
    c++;
    i = s.indexOf(10, i + 1);
  }
  return c;
}

/**
 * Whole-line batches of a file (without the newline that ends each batch; a last line without newline comes
 * alone), as views into two read buffers used in turn: the next read runs while a batch is scored, and each
 * batch is valid until the next is asked for.
 */
async function* fileBatches(file: string, chunkBytes: number): AsyncGenerator<Buffer> {
  const size = Math.max(16, chunkBytes);
  const fh = await open(file, "r");
  let cur: Buffer = Buffer.allocUnsafe(size);
  let spare: Buffer = Buffer.allocUnsafe(size);
  let have = 0; // bytes of a partial line at the start of `cur`
  let pending: Promise<{ bytesRead: number }> | null = fh.read(cur, 0, cur.length, null);
  try {
    for (;;) {
      const bytesRead: number = (await pending!).bytesRead;
      pending = null;
      if (bytesRead === 0) break;
      const end: number = have + bytesRead;
      const cut = cur.lastIndexOf(10, end - 1);
      if (cut === -1) {
        have = end;
        if (have === cur.length) {
          const b = Buffer.allocUnsafe(cur.length * 2);
          cur.copy(b, 0, 0, have);
          cur = b;
        }
        pending = fh.read(cur, have, cur.length - have, null);
        continue;
      }
      const tail: number = end - cut - 1;
      if (spare.length - tail < size / 2) spare = Buffer.allocUnsafe(tail + size);
      cur.copy(spare, 0, cut + 1, end);
      pending = fh.read(spare, tail, spare.length - tail, null);
      yield cur.subarray(0, cut);
      const t = cur;
      cur = spare;
      spare = t;
      have = tail;
    }
    if (have > 0) yield cur.subarray(0, have);
  } finally {
    if (pending !== null) await pending.catch(() => undefined);
    await fh.close();
  }
}

/** Runs `score`. Bad lines go to `stderr` with their line number; the rest to `--out` or stdout. */
export async function scoreFile(file: string, options: ScoreOptions, stderr: NodeJS.WritableStream & { isTTY?: boolean }): Promise<ScoreSummary> {
  const format = detectFormat(file, options.format ?? (file === "-" ? "ndjson" : undefined));
  if (format === null || format === "json") throw new UsageError(`score: ${file} must be NDJSON (.ndjson, .jsonl) or CSV; pass --format ndjson|csv`);
  if (options.profile !== undefined) {
    const r = resolveProfile(options.profile);
    if (!r.ok) throw new UsageError(`score: --profile ${r.reason}`);
  }
  const timepoint = options.timepoint ?? "w26";
  if (!(TIMEPOINT_KEYS as readonly string[]).includes(timepoint)) throw new UsageError(`score: --timepoint must be one of ${TIMEPOINT_KEYS.join(", ")}; got "${timepoint}"`);
  if (options.diagnosis !== undefined && options.diagnosis !== "UC" && options.diagnosis !== "CD") throw new UsageError(`score: --diagnosis must be UC or CD; got "${options.diagnosis}"`);
  const o: BatchOptions = {
    ...(options.profile === undefined ? {} : { profile: options.profile }),
    timepoint: timepoint as TimepointKey,
    ...(options.diagnosis === undefined ? {} : { diagnosis: options.diagnosis as "UC" | "CD" }),
    components: options.components === true,
    explain: options.explain === true,
  };
  let jobs = options.jobs ?? 0;
  if (!Number.isInteger(jobs) || jobs < 0 || jobs > 64) throw new UsageError(`score: --jobs must be an integer from 1 to 64; got ${options.jobs}`);
  if (jobs === 0) {
    let big = false;
    try {
      big = file !== "-" && statSync(file).size > 8 * 1024 * 1024;
    } catch {
      big = false;
    }
    const cpus = availableParallelism();
    jobs = big && cpus >= 4 ? Math.min(4, cpus - 1) : 1;
  }
  // Worker threads need the built CLI (dist/cli.js): TypeScript loaders such as tsx do not reach workers.
  if (format === "csv" || options.workerUrl === undefined || !options.workerUrl.pathname.endsWith(".js")) jobs = 1;

  const outStream = options.out === undefined || options.out === "-" ? process.stdout : createWriteStream(options.out);
  // `release` runs once the stream is done with the bytes (their buffer is then reused)
  const write = async (s: string | Uint8Array, release?: () => void) => {
    if (s.length === 0) {
      release?.();
      return;
    }
    const ok = release === undefined ? outStream.write(s) : outStream.write(s, () => release());
    if (!ok) await new Promise<void>((resolve) => outStream.once("drain", resolve));
  };
  const progress = options.progress ?? stderr.isTTY === true;
  const t0 = performance.now();
  let lastTick = t0;
  let read = 0;
  let written = 0;
  let bad = 0;
  const take = async (r: BatchResult, release?: () => void) => {
    read += r.read;
    written += r.written;
    bad += r.bad;
    if (r.err !== "") stderr.write(r.err);
    await write(r.out, release);
    if (progress) {
      const now = performance.now();
      if (now - lastTick > 200) {
        lastTick = now;
        stderr.write(`\r${read.toLocaleString("en-US")} lines, ${Math.round(read / ((now - t0) / 1000)).toLocaleString("en-US")}/s   `);
      }
    }
  };

  if (format === "csv") {
    const acc = { out: [] as string[], err: [] as string[], written: 0, bad: 0 };
    let n = 0;
    for await (const it of readCsv(openInput(file))) {
      n++;
      slowItem(it, o, acc);
      if (acc.out.length + acc.err.length >= 4096) {
        await take({ out: acc.out.join(""), err: acc.err.join(""), read: n, written: acc.written, bad: acc.bad });
        acc.out = [];
        acc.err = [];
        acc.written = 0;
        acc.bad = 0;
        n = 0;
      }
    }
    await take({ out: acc.out.join(""), err: acc.err.join(""), read: n, written: acc.written, bad: acc.bad });
  } else {
    // Workers (when jobs > 1): batches go out round-robin and come back in any order; results are written
    // in input order. The reader waits when 2 batches per worker are in flight.
    const workers = jobs > 1 ? Array.from({ length: jobs }, () => new Worker(options.workerUrl!, { workerData: { ibdOutcomesScoreWorker: o } })) : [];
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
    let line = 1;
    const pool: OutBuf[] = [];
    const dispatch = async (text: Buffer) => {
      const firstLine = line;
      line += countNewlines(text) + 1;
      if (workers.length === 0) {
        // output buffers are reused once written: memory stays at a few batches
        const ob = pool.pop() ?? new OutBuf(0);
        await take(scoreBatch(text, firstLine, o, ob), () => pool.push(ob));
        return;
      }
      await drainReady();
      await waitFor(() => inFlight < 2 * workers.length);
      const seq = nextSeq++;
      inFlight++;
      workers[seq % workers.length]!.postMessage({ seq, text, firstLine });
    };
    // Raw bytes, cut at the last newline of each chunk (0x0A never occurs inside a UTF-8 sequence); batches stay
    // bytes (lines of the common shape are never decoded, see scoreBatch). A file is read into two reused buffers.
    let rest: Buffer = Buffer.alloc(0);
    const raw = file === "-" ? process.stdin : fileBatches(file, options.chunkBytes ?? 1 << 20);
    try {
      let first = true;
      for await (const chunk of raw) {
        let b = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : (chunk as Buffer);
        if (first) {
          first = false;
          if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3); // UTF-8 BOM
        }
        if (file !== "-") {
          await dispatch(b); // whole lines already
          continue;
        }
        const cut = b.lastIndexOf(10);
        if (cut === -1) {
          rest = rest.length === 0 ? Buffer.from(b) : Buffer.concat([rest, b]);
          continue;
        }
        const text = rest.length === 0 ? b.subarray(0, cut) : Buffer.concat([rest, b.subarray(0, cut)]);
        rest = Buffer.from(b.subarray(cut + 1));
        await dispatch(text);
      }
      if (rest.length > 0) await dispatch(rest);
      await waitFor(() => inFlight === 0);
      await drainReady();
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }
  }
  if (progress) stderr.write(`\r${read.toLocaleString("en-US")} lines done.                    \n`);
  if (outStream !== process.stdout) await new Promise<void>((resolve) => (outStream as NodeJS.WritableStream).end(resolve));
  return { read, written, bad, seconds: (performance.now() - t0) / 1000, jobs };
}
