/**
 * `ibd-outcomes score <file>`: NDJSON (or CSV) visits in, NDJSON out, one line per good visit with its
 * scores and (with `--profile`) visit-level classifications. Streams: memory does not grow with the file.
 */
import { createWriteStream } from "node:fs";
import { parseVisit } from "../models/index.js";
import { CLI_PROFILES, classifyVisit, scoreVisit, type CliProfile } from "./classifyVisit.js";
import { detectFormat, openInput, readCsv, readNdjson } from "./records.js";
import { formatPath } from "./safeJson.js";
import { UsageError } from "./validate.js";

/** Options of `score`. */
export interface ScoreOptions {
  readonly profile?: string;
  readonly out?: string;
  readonly format?: string;
  readonly components?: boolean;
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
    async write(s: string) {
      buf.push(s);
      size += s.length;
      if (size >= 1 << 18) await this.flush();
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
  const gen = format === "ndjson" ? readNdjson(openInput(file)) : readCsv(openInput(file));
  for await (const it of gen) {
    read++;
    if (it.error !== undefined) {
      bad++;
      stderr.write(`line ${it.line}: ${it.error.field}: ${it.error.reason}\n`);
      continue;
    }
    const r = parseVisit(it.value);
    if (!r.success) {
      bad++;
      const i = r.issues[0]!;
      const more = r.issues.length > 1 ? ` (+${r.issues.length - 1} more)` : "";
      stderr.write(`line ${it.line}: ${formatPath(i.path)}: ${i.message}${more}\n`);
      continue;
    }
    const v = r.data;
    const scores = scoreVisit(v, options.components === true);
    const rec: Record<string, unknown> = { ...v, scores };
    if (profile !== undefined) rec.classifications = classifyVisit(v, scores, profile);
    await out.write(`${JSON.stringify(rec)}\n`);
    written++;
    if (progress && (read & 0x3fff) === 0) {
      const now = performance.now();
      if (now - lastTick > 200) {
        lastTick = now;
        stderr.write(`\r${read.toLocaleString("en-US")} lines, ${Math.round(read / ((now - t0) / 1000)).toLocaleString("en-US")}/s   `);
      }
    }
  }
  await out.flush();
  if (progress) stderr.write(`\r${read.toLocaleString("en-US")} lines done.                    \n`);
  if (outStream !== process.stdout) await new Promise<void>((resolve) => (outStream as NodeJS.WritableStream).end(resolve));
  return { read, written, bad, seconds: (performance.now() - t0) / 1000 };
}
