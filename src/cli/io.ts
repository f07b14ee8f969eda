/**
 * Files in and out for every command, so that all of them treat paths, encodings and failures alike.
 * @remarks Input: UTF-8 with or without a byte-order mark (the mark is dropped); CRLF or LF line ends; a
 * UTF-16 or UTF-32 file (told by its byte-order mark or by NUL bytes in its first line) is refused with one line
 * saying how to convert it. Output: written to a temporary file next to the target and renamed over it at the
 * end, so a failed run never leaves a half-written file in place of a good one; an output that is the input
 * (same device and inode, through any link) is refused before anything is written. Devices and pipes
 * (`/dev/stdout`, a FIFO) are written directly. Failures become an {@link IoError}: one line, exit code 2.
 */
import { randomBytes } from "node:crypto";
import { createWriteStream, statSync, type Stats, type WriteStream } from "node:fs";
import { open, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { StringDecoder } from "node:string_decoder";

/** An input or output path that cannot be used (exit code 2). */
export class IoError extends Error {
  override name = "IoError";
}

const REASONS = new Map<string, string>([
  ["ENOENT", "no such file or directory"],
  ["EACCES", "permission denied"],
  ["EPERM", "operation not permitted"],
  ["EISDIR", "is a directory"],
  ["ENOTDIR", "a part of the path is not a directory"],
  ["ENOSPC", "no space left on the device"],
  ["EDQUOT", "disk quota exceeded"],
  ["EROFS", "read-only file system"],
  ["EMFILE", "too many open files"],
  ["EFBIG", "file too large"],
  ["EIO", "input/output error"],
  ["ENAMETOOLONG", "file name too long"],
  ["ELOOP", "too many symbolic links"],
]);

/** The system error code of an error, if any. */
export function errorCode(e: unknown): string | undefined {
  if (e === null || typeof e !== "object") return undefined;
  const c = (e as { code?: unknown }).code;
  return typeof c === "string" ? c : undefined;
}

/** Whether `e` is a system error (has an errno code such as `ENOENT`). */
export function isSystemError(e: unknown): boolean {
  const c = errorCode(e);
  return c !== undefined && /^E[A-Z0-9]+$/.test(c);
}

/** One line for a failed file operation: `cannot read f.ndjson: no such file or directory`. */
export function ioError(verb: "read" | "write", path: string, e: unknown): IoError {
  if (e instanceof IoError) return e;
  const code = errorCode(e);
  const reason = (code === undefined ? undefined : REASONS.get(code)) ?? (e instanceof Error ? e.message : String(e));
  return new IoError(`cannot ${verb} ${path}: ${reason}`);
}

/** Why a file's first bytes are not UTF-8 text, or `null` when they may be. */
export function encodingProblem(head: Uint8Array): string | null {
  const b0 = head[0];
  const b1 = head[1];
  if (b0 === 0xff && b1 === 0xfe) return head[2] === 0 && head[3] === 0 ? "UTF-32" : "UTF-16 (little-endian)";
  if (b0 === 0xfe && b1 === 0xff) return "UTF-16 (big-endian)";
  if (b0 === 0 && b1 === 0 && head[2] === 0xfe && head[3] === 0xff) return "UTF-32";
  const n = Math.min(head.length, 256);
  for (let i = 0; i < n; i++) {
    if (head[i] === 10) break;
    if (head[i] === 0) return "UTF-16 or another encoding with NUL bytes";
  }
  return null;
}

function refuseEncoding(path: string, head: Uint8Array): void {
  const enc = encodingProblem(head);
  if (enc !== null) throw new IoError(`cannot read ${path}: the file is ${enc}, not UTF-8; convert it first (e.g. iconv -f UTF-16 -t UTF-8 ${path} > out)`);
}

/** Length of a UTF-8 byte-order mark at the start of `b` (0 or 3). */
export function bomLength(b: Uint8Array): number {
  return b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
}

/** Opens a file for reading; a failure is the `IoError` every command prints as one line (exit 2). */
async function openForReading(path: string): Promise<Awaited<ReturnType<typeof open>>> {
  try {
    return await open(path, "r");
  } catch (e) {
    throw ioError("read", path, e);
  }
}

/** Reads a whole file as UTF-8 text (BOM dropped, encoding checked), with `IoError`s. */
export async function readText(path: string): Promise<{ text: string; bytes: Buffer }> {
  let bytes: Buffer;
  try {
    const fh = await open(path, "r");
    try {
      bytes = await fh.readFile();
    } finally {
      await fh.close();
    }
  } catch (e) {
    throw ioError("read", path, e);
  }
  refuseEncoding(path, bytes);
  const body = bytes.subarray(bomLength(bytes));
  return { text: body.toString("utf8"), bytes: body };
}

/**
 * Whole-line batches of a file or of stdin (`-`): UTF-8 bytes without the newline that ends each batch (a last
 * line without newline comes alone), BOM dropped, encoding checked, each with the number of its first line.
 * A file is read into two buffers used in turn (the next read runs while a batch is processed): each batch is
 * valid until the next is asked for.
 */
export async function* lineBatches(path: string, chunkBytes = 1 << 20, range?: ByteRange): AsyncGenerator<{ readonly bytes: Buffer; readonly firstLine: number }> {
  let line = range?.firstLine ?? 1;
  // a part after the start of a file: no byte-order mark or encoding check (done on the file's start)
  let first = range === undefined || range.start === 0;
  const out = (b: Buffer) => {
    let bytes = b;
    if (first) {
      first = false;
      refuseEncoding(path === "-" ? "stdin" : path, bytes);
      bytes = bytes.subarray(bomLength(bytes));
    }
    const r = { bytes, firstLine: line };
    line += countNewlines(bytes) + 1;
    return r;
  };
  if (path === "-") {
    let rest: Buffer = Buffer.alloc(0);
    for await (const chunk of process.stdin) {
      const b = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : (chunk as Buffer);
      const cut = b.lastIndexOf(10);
      if (cut === -1) {
        rest = rest.length === 0 ? Buffer.from(b) : Buffer.concat([rest, b]);
        continue;
      }
      const text = rest.length === 0 ? b.subarray(0, cut) : Buffer.concat([rest, b.subarray(0, cut)]);
      rest = Buffer.from(b.subarray(cut + 1));
      yield out(text);
    }
    if (rest.length > 0) yield out(rest);
    return;
  }
  const size = Math.max(16, chunkBytes);
  const fh = await openForReading(path);
  let cur: Buffer = Buffer.allocUnsafe(size);
  let spare: Buffer = Buffer.allocUnsafe(size);
  let have = 0; // bytes of a partial line at the start of `cur`
  // a part of a regular file: positioned reads, stopping at its end (reads are issued one after another)
  let pos = range?.start ?? 0;
  const stop = range?.end ?? 0;
  const read = (b: Buffer, at: number): Promise<{ bytesRead: number }> => {
    if (range === undefined) return fh.read(b, at, b.length - at, null).catch((e: unknown) => Promise.reject(ioError("read", path, e)));
    const len = Math.min(b.length - at, stop - pos);
    if (len <= 0) return Promise.resolve({ bytesRead: 0 });
    const from = pos;
    pos += len;
    return fh.read(b, at, len, from).catch((e: unknown) => Promise.reject(ioError("read", path, e)));
  };
  let pending: Promise<{ bytesRead: number }> | null = read(cur, 0);
  try {
    for (;;) {
      const bytesRead: number = (await pending!).bytesRead;
      pending = null;
      if (bytesRead === 0) break;
      const end: number = have + bytesRead;
      const cut = cur.lastIndexOf(10, end - 1);
      if (cut === -1 || cut < have) {
        have = end;
        if (have === cur.length) {
          const b = Buffer.allocUnsafe(cur.length * 2);
          cur.copy(b, 0, 0, have);
          cur = b;
        }
        pending = read(cur, have);
        continue;
      }
      const tail: number = end - cut - 1;
      if (spare.length - tail < size / 2) spare = Buffer.allocUnsafe(tail + size);
      cur.copy(spare, 0, cut + 1, end);
      pending = read(spare, tail);
      yield out(cur.subarray(0, cut));
      const t = cur;
      cur = spare;
      spare = t;
      have = tail;
    }
    if (have > 0) yield out(cur.subarray(0, have));
  } finally {
    if (pending !== null) await pending.catch(() => undefined);
    await fh.close();
  }
}

/** A part of a regular file: bytes [start, end), whole lines; `firstLine`: the line number its first line is given. */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
  readonly firstLine: number;
}

/**
 * Cuts a regular file into `parts` byte ranges of whole lines (each after the first starts just after a newline),
 * reading only around each cut. Fewer ranges when the file has fewer lines. Each range's `firstLine` is 1 (its
 * lines are numbered from its start). The file's encoding is checked as {@link lineBatches} checks it.
 */
export async function splitLines(path: string, parts: number, chunkBytes = 1 << 16): Promise<ByteRange[]> {
  const fh = await openForReading(path);
  try {
    const size = (await fh.stat()).size;
    const b = Buffer.allocUnsafe(Math.max(16, chunkBytes));
    const head = (await fh.read(b, 0, Math.min(b.length, size), 0)).bytesRead;
    refuseEncoding(path, b.subarray(0, head));
    const out: ByteRange[] = [];
    let start = 0;
    for (let k = 1; k < parts; k++) {
      // the cut: just after the first newline at or after the target (never inside the previous range)
      let pos = Math.max(start, Math.floor((size * k) / parts) - 1);
      let cut = -1;
      while (cut === -1 && pos < size) {
        const n = (await fh.read(b, 0, Math.min(b.length, size - pos), pos)).bytesRead;
        if (n === 0) break;
        const i = b.subarray(0, n).indexOf(10);
        if (i !== -1) cut = pos + i + 1;
        else pos += n;
      }
      if (cut === -1 || cut >= size) break;
      out.push({ start, end: cut, firstLine: 1 });
      start = cut;
    }
    out.push({ start, end: size, firstLine: 1 });
    return out;
  } catch (e) {
    throw ioError("read", path, e);
  } finally {
    await fh.close();
  }
}

/** Text chunks of a file or stdin (`-`), decoded as UTF-8 across chunk boundaries, BOM dropped, encoding checked. */
export async function* textChunks(path: string, chunkBytes = 1 << 20): AsyncGenerator<string> {
  const dec = new StringDecoder("utf8");
  let first = true;
  for await (const { bytes } of rawChunks(path, chunkBytes)) {
    let b = bytes;
    if (first) {
      first = false;
      refuseEncoding(path === "-" ? "stdin" : path, b);
      b = b.subarray(bomLength(b));
    }
    const s = dec.write(b);
    if (s !== "") yield s;
  }
  const s = dec.end();
  if (s !== "") yield s;
}

async function* rawChunks(path: string, chunkBytes: number): AsyncGenerator<{ bytes: Buffer }> {
  if (path === "-") {
    for await (const chunk of process.stdin) yield { bytes: typeof chunk === "string" ? Buffer.from(chunk, "utf8") : (chunk as Buffer) };
    return;
  }
  const fh = await openForReading(path);
  try {
    for (;;) {
      const b = Buffer.allocUnsafe(chunkBytes);
      let n: number;
      try {
        n = (await fh.read(b, 0, b.length, null)).bytesRead;
      } catch (e) {
        throw ioError("read", path, e);
      }
      if (n === 0) return;
      yield { bytes: b.subarray(0, n) };
    }
  } finally {
    await fh.close();
  }
}

/** Number of `\n` bytes in `s`. */
export function countNewlines(s: Uint8Array): number {
  const b = Buffer.isBuffer(s) ? s : Buffer.from(s.buffer, s.byteOffset, s.length);
  let c = 0;
  let i = b.indexOf(10);
  while (i !== -1) {
    c++;
    i = b.indexOf(10, i + 1);
  }
  return c;
}

/** Size in bytes of a regular input file, or `null` (stdin, a pipe, unknown). */
export function inputSize(path: string): number | null {
  if (path === "-") return null;
  try {
    const s = statSync(path);
    return s.isFile() ? s.size : null;
  } catch {
    return null;
  }
}

async function statOrNull(path: string): Promise<Stats | null> {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

/**
 * Refuses an output path that is one of the inputs (same device and inode: also through hard or symbolic links).
 * @param command - For the message.
 */
export async function refuseSameFile(command: string, output: string, inputs: readonly string[]): Promise<void> {
  const o = await statOrNull(output);
  if (o === null || !o.isFile()) return;
  for (const input of inputs) {
    if (input === "-") continue;
    const i = await statOrNull(input);
    if (i !== null && i.dev === o.dev && i.ino === o.ino) {
      throw new IoError(`${command}: the output ${output} is the input ${input}${output === input ? "" : " (the same file through a link)"}; writing it would destroy the input. Choose another --out`);
    }
  }
}

/** An output being written: a stream, then `commit()` (rename into place) or `abort()` (remove the partial file). */
export interface Output {
  readonly stream: NodeJS.WritableStream;
  /** Where the bytes end up. */
  readonly path: string;
  /** Finishes writing and moves the file into place. Throws an {@link IoError} when the data could not be written. */
  commit(): Promise<void>;
  /** Removes what was written (nothing is left in place of the target). */
  abort(): Promise<void>;
}

/**
 * Opens an output file through a temporary file in the same directory (renamed over `path` by `commit`).
 * Devices, FIFOs and sockets are opened directly. A write error is kept and thrown by `commit`.
 */
export async function openOutput(path: string): Promise<Output> {
  const existing = await statOrNull(path);
  const direct = existing !== null && !existing.isFile() && !existing.isDirectory();
  if (existing !== null && existing.isDirectory()) throw new IoError(`cannot write ${path}: is a directory`);
  const dir = dirname(path);
  if (!direct) {
    const d = await statOrNull(dir);
    if (d === null) throw new IoError(`cannot write ${path}: the directory ${dir} does not exist`);
    if (!d.isDirectory()) throw new IoError(`cannot write ${path}: ${dir} is not a directory`);
  }
  const target = direct ? path : join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  const stream: WriteStream = createWriteStream(target, direct ? { flags: "w" } : { flags: "wx", mode: existing?.mode ?? 0o666 });
  let failure: unknown = null;
  stream.on("error", (e) => {
    failure ??= ioError("write", path, e);
  });
  await new Promise<void>((resolve) => {
    if (failure !== null) return resolve();
    stream.once("open", () => resolve());
    stream.once("error", () => resolve());
  });
  if (failure !== null) {
    if (!direct) await unlink(target).catch(() => undefined);
    throw ioError("write", path, failure);
  }
  let done = false;
  // resolves on 'close', which comes after any 'error' (a destroyed stream has not necessarily emitted it yet)
  const finish = () =>
    new Promise<void>((resolve) => {
      if (stream.closed) return resolve();
      stream.once("close", () => resolve());
      if (!stream.destroyed) stream.end();
    });
  return {
    stream,
    path,
    async commit() {
      if (done) return;
      done = true;
      await finish();
      if (failure !== null) {
        if (!direct) await unlink(target).catch(() => undefined);
        throw ioError("write", path, failure);
      }
      if (!direct) {
        try {
          await rename(target, path);
        } catch (e) {
          await unlink(target).catch(() => undefined);
          throw ioError("write", path, e);
        }
      }
    },
    async abort() {
      if (done) return;
      done = true;
      stream.destroy();
      await new Promise<void>((resolve) => (stream.closed ? resolve() : stream.once("close", () => resolve())));
      if (!direct) await unlink(target).catch(() => undefined);
    },
  };
}

/**
 * Writes a whole file through a temporary file renamed into place (see {@link openOutput}).
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const o = await openOutput(path);
  try {
    await new Promise<void>((resolve) => {
      if (!o.stream.write(data)) o.stream.once("drain", resolve);
      else resolve();
      o.stream.once("error", () => resolve());
    });
  } catch (e) {
    await o.abort();
    throw ioError("write", path, e);
  }
  await o.commit();
}
