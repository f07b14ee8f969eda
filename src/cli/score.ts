/**
 * `ibd-outcomes score <file>`: NDJSON (or CSV) visits in, NDJSON out, one line per good visit with its
 * scores and (with `--profile`) visit-level classifications. Streams: memory does not grow with the file.
 */
import { createWriteStream } from "node:fs";
import { parseVisit, type Visit } from "../models/index.js";
import { CLI_PROFILES, classifyVisit, scoreVisit, type CliProfile } from "./classifyVisit.js";
import { isFastValidVisit } from "./fastVisit.js";
import { detectFormat, openInput, readCsv, type InputItem } from "./records.js";
import { parseJsonSafe } from "./safeJson.js";
import { formatPath } from "./safeJson.js";
import { UsageError } from "./validate.js";

/** Options of `score`. */
export interface ScoreOptions {
  readonly profile?: string;
  readonly out?: string;
  readonly format?: string;
  readonly components?: boolean;
  /** Classifications as `{ status, reason }` instead of the status alone. */
  readonly explain?: boolean;
  readonly progress?: boolean;
}

/** Counts reported at the end of `score`. */
export interface ScoreSummary {
  readonly read: number;
  readonly written: number;
  readonly bad: number;
  readonly seconds: number;
}

/** Writes with backpressure, batching small strings into ~256 KB chunks. */
function batchedWriter(stream: NodeJS.WritableStream) {
  let buf: string[] = [];
  let size = 0;
  return {
    /** True when enough text is queued to flush. */
    due(): boolean {
      return size >= 1 << 18;
    },
    /** Queues text; true when a flush is due. */
    push(s: string): boolean {
      buf.push(s);
      size += s.length;
      return size >= 1 << 18;
    },
    async flush() {
      if (buf.length === 0) return;
      const chunk = buf.join("");
      buf = [];
      size = 0;
      if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once("drain", resolve));
    },
  };
}

/** Runs `score`. Bad lines go to `stderr` with their line number; the rest to `--out` or stdout. */
export async function scoreFile(file: string, options: ScoreOptions, stderr: NodeJS.WritableStream & { isTTY?: boolean }): Promise<ScoreSummary> {
  const format = detectFormat(file, options.format ?? (file === "-" ? "ndjson" : undefined));
  if (format === null || format === "json") throw new UsageError(`score: ${file} must be NDJSON (.ndjson, .jsonl) or CSV; pass --format ndjson|csv`);
  let profile: CliProfile | undefined;
  if (options.profile !== undefined) {
    if (!(CLI_PROFILES as readonly string[]).includes(options.profile)) throw new UsageError(`score: --profile must be one of ${CLI_PROFILES.join(", ")}; got "${options.profile}"`);
    profile = options.profile as CliProfile;
  }
  const outStream = options.out === undefined || options.out === "-" ? process.stdout : createWriteStream(options.out);
  const out = batchedWriter(outStream);
  const progress = options.progress ?? stderr.isTTY === true;
  const t0 = performance.now();
  let lastTick = t0;
  let read = 0;
  let written = 0;
  let bad = 0;
  const tick = () => {
    if (progress && (read & 0x3fff) === 0) {
      const now = performance.now();
      if (now - lastTick > 200) {
        lastTick = now;
        stderr.write(`\r${read.toLocaleString("en-US")} lines, ${Math.round(read / ((now - t0) / 1000)).toLocaleString("en-US")}/s   `);
      }
    }
  };
  const suffix = (v: Visit): string => {
    const scores = scoreVisit(v, options.components === true);
    let s = `,"scores":${JSON.stringify(scores)}`;
    if (profile !== undefined) {
      const c = classifyVisit(v, scores, profile, options.explain === true);
      if (options.explain === true) s += `,"classifications":${JSON.stringify(c)}`;
      else {
        let t = "";
        for (const k in c) t += `${t === "" ? "" : ","}"${k}":"${c[k]!.status}"`;
        s += `,"classifications":{${t}}`;
      }
    }
    return s;
  };
  /** The slow path: prototype-safe parse, then zod, reporting the first issue with its line. */
  const slow = (item: InputItem): void => {
    if (item.error !== undefined) {
      bad++;
      stderr.write(`line ${item.line}: ${item.error.field}: ${item.error.reason}\n`);
      return;
    }
    const r = parseVisit(item.value);
    if (!r.success) {
      bad++;
      const i = r.issues[0]!;
      const more = r.issues.length > 1 ? ` (+${r.issues.length - 1} more)` : "";
      stderr.write(`line ${item.line}: ${formatPath(i.path)}: ${i.message}${more}\n`);
      return;
    }
    const text = JSON.stringify(r.data);
    out.push(`${text.slice(0, -1)}${suffix(r.data)}}\n`);
    written++;
  };
  if (format === "csv") {
    for await (const it of readCsv(openInput(file))) {
      read++;
      slow(it);
      tick();
      if (out.due()) await out.flush();
    }
  } else {
    // NDJSON: split lines by hand (cheaper than readline); the fast path keeps the input text and appends.
    let rest = "";
    let line = 0;
    const handle = (raw: string): void => {
      line++;
      const text = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
      if (text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim() === "")) return;
      read++;
      let value: unknown;
      let parsed = true;
      try {
        value = JSON.parse(text);
      } catch {
        parsed = false;
      }
      if (parsed && isFastValidVisit(value)) {
        const body = text.trimEnd();
        out.push(`${body.slice(0, -1)}${suffix(value)}}\n`);
        written++;
      } else {
        const r = parseJsonSafe(text);
        slow(r.ok ? { line, value: r.value } : { line, error: { field: r.field, reason: r.reason } });
      }
      tick();
    };
    for await (const chunk of openInput(file)) {
      const s = rest + (typeof chunk === "string" ? chunk : (chunk as Buffer).toString("utf8"));
      let start = 0;
      let nl = s.indexOf("\n", start);
      while (nl !== -1) {
        handle(s.slice(start, nl));
        start = nl + 1;
        nl = s.indexOf("\n", start);
      }
      rest = s.slice(start);
      if (out.due()) await out.flush();
    }
    if (rest !== "") handle(rest);
  }
  await out.flush();
  if (progress) stderr.write(`\r${read.toLocaleString("en-US")} lines done.                    \n`);
  if (outStream !== process.stdout) await new Promise<void>((resolve) => (outStream as NodeJS.WritableStream).end(resolve));
  return { read, written, bad, seconds: (performance.now() - t0) / 1000 };
}
