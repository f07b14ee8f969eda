/**
 * Byte-level CSV reading for the CLI: records are found and split into fields on the bytes (RFC 4180 quotes,
 * CRLF or LF, BOM), and a visit row of the common shape is written straight to compact JSON bytes, which the
 * NDJSON fast path ({@link byteVisitValid}, {@link byteVisitWrite}) then reads. No cell is decoded to a string
 * on that path.
 * @remarks Equivalence with the text reader ({@link createCsvParser} on decoded text, then
 * {@link csvRowToRecord}) is by construction: a record with a quote character is cut at the same place (the
 * same state machine) and then decoded and parsed by `createCsvParser` itself; a row is transcoded only when
 * every cell is of a plain form whose meaning is certain (printable ASCII, no leading or trailing blanks,
 * numbers already in the form `JSON.stringify` writes, booleans in an accepted spelling, `NA` and empty cells
 * left out), and the JSON written is byte for byte `JSON.stringify` of the record `csvRowToRecord` builds (keys
 * in the same order). Any other row takes the text path, which gives the exact reasons. tests/cli-csv.test.ts
 * compares the two readers on messy files.
 */
import { createCsvParser, type CsvColumn, type CsvRecord } from "./csv.js";

/** A record found in the bytes. */
export interface ByteRecord {
  /** Physical line the record starts on (1-based). */
  line: number;
  /** Number of fields (simple records). */
  nf: number;
  /** Start and end offsets of each field in the batch bytes (simple records). */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Whether some byte is not ASCII (the fields are then decoded and checked for U+FFFD). */
  nonAscii: boolean;
  /** A record with a quote: fields or error from `createCsvParser` on its decoded text (`null` for simple records). */
  parsed: CsvRecord | null;
}

const enc = (s: string) => new Uint8Array(Buffer.from(s, "latin1"));

/**
 * Cuts records out of CSV bytes, batch after batch (each batch is whole lines without the newline that ends it;
 * a newline is implied after each batch, as `lineBatches` delivers them). A record whose quoted field runs past
 * the batch is carried over to the next one.
 */
export class CsvRecordCutter {
  private buf: Buffer = Buffer.alloc(0);
  private n = 0;
  private p = 0;
  private carry: Buffer | null = null;
  /** The physical line of the next record. */
  private line = 1;
  private first = true;
  readonly rec: ByteRecord;
  constructor(maxFields = 4096) {
    this.rec = { line: 1, nf: 0, starts: new Int32Array(maxFields), ends: new Int32Array(maxFields), nonAscii: false, parsed: null };
  }
  /** The bytes of the current batch (field offsets of {@link rec} point into them). */
  get bytes(): Buffer {
    return this.buf;
  }
  /** Starts a batch (a carried-over record is put in front of it). */
  batch(bytes: Buffer): void {
    let b = bytes;
    if (this.first) {
      this.first = false;
      // the text reader drops a byte-order mark after the one the file reader drops
      if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
    }
    if (this.carry !== null) {
      b = Buffer.concat([this.carry, b]);
      this.carry = null;
    }
    this.buf = b;
    this.n = b.length;
    this.p = 0;
  }
  /**
   * The next record of the batch into {@link rec}: true, or false when the batch is used up (the rest, if any, is
   * carried over). `final`: this is the last batch (a quoted field still open runs to the end of the file).
   */
  next(final: boolean): boolean {
    const b = this.buf;
    const n = this.n;
    const r = this.rec;
    const starts = r.starts;
    const ends = r.ends;
    for (;;) {
      let p = this.p;
      if (p > n) return false;
      const recStart = p;
      let nf = 0;
      let fs = p;
      let nonAscii = false;
      let quoted = false;
      let recEnd = -1;
      for (;;) {
        if (p === n) {
          recEnd = p;
          p = n + 1; // the implied newline
          break;
        }
        const c = b[p]!;
        if (c <= 44) {
          if (c === 44) {
            if (nf < starts.length) {
              starts[nf] = fs;
              ends[nf] = p;
            }
            nf++;
            fs = ++p;
            continue;
          }
          if (c === 10) {
            recEnd = p;
            p++;
            break;
          }
          if (c === 13) {
            recEnd = p;
            p++;
            if (p === n) p = n + 1;
            else if (b[p] === 10) p++;
            break;
          }
          if (c === 34) {
            quoted = true;
            break;
          }
        } else if (c >= 128) nonAscii = true;
        p++;
      }
      if (quoted) {
        const end = this.quotedEnd(recStart, final);
        if (end === -1) {
          this.carry = Buffer.from(b.subarray(recStart, n));
          // the newline implied after the batch is part of the record
          this.carry = Buffer.concat([this.carry, Buffer.from([10])]);
          this.p = n + 1;
          return false;
        }
        return this.emitQuoted(recStart, end);
      }
      this.p = p;
      const line = this.line;
      this.line++;
      if (recEnd === recStart) continue; // blank line
      if (nf < starts.length) {
        starts[nf] = fs;
        ends[nf] = recEnd;
      }
      nf++;
      r.line = line;
      r.nf = nf;
      r.nonAscii = nonAscii;
      r.parsed = null;
      if (nf > starts.length) {
        // more fields than the offsets hold: the text parser reads it
        r.parsed = this.parseText(recStart, recEnd);
      }
      return true;
    }
  }
  /** End of a record with quotes (the terminator's start), or -1 when it runs past the batch (not final). */
  private quotedEnd(recStart: number, final: boolean): number {
    const b = this.buf;
    const n = this.n;
    let p = recStart;
    let atFieldStart = true;
    while (p < n) {
      const c = b[p]!;
      if (atFieldStart && c === 34) {
        p++;
        for (;;) {
          if (p >= n) return final ? n : -1;
          if (b[p] === 34) {
            if (p + 1 < n && b[p + 1] === 34) {
              p += 2;
              continue;
            }
            p++;
            break;
          }
          p++;
        }
        atFieldStart = false;
        continue;
      }
      if (c === 44) atFieldStart = true;
      else if (c === 10 || c === 13) return p;
      else atFieldStart = false;
      p++;
    }
    return n;
  }
  private emitQuoted(recStart: number, recEnd: number): boolean {
    const b = this.buf;
    const n = this.n;
    const r = this.rec;
    r.line = this.line;
    // line breaks inside the record: LF, and CR not followed by LF
    for (let i = recStart; i < recEnd; i++) {
      const c = b[i];
      if (c === 10 || (c === 13 && b[i + 1] !== 10)) this.line++;
    }
    let p = recEnd;
    if (p === n) p = n + 1;
    else if (b[p] === 13) {
      p++;
      if (p === n) p = n + 1;
      else if (b[p] === 10) p++;
    } else p++;
    this.line++;
    this.p = p;
    r.parsed = this.parseText(recStart, recEnd);
    r.nf = r.parsed.fields?.length ?? 0;
    r.nonAscii = true;
    return true;
  }
  private parseText(a: number, b: number): CsvRecord {
    let out: CsvRecord | null = null;
    const parser = createCsvParser((x) => (out ??= x));
    parser.push(""); // a U+FEFF at the start of a record is text, not a byte-order mark
    parser.push(this.buf.toString("utf8", a, b));
    parser.end();
    const res = out as CsvRecord | null;
    if (res === null) return { line: this.rec.line, fields: [""] };
    return res.error !== undefined ? { line: this.rec.line, error: res.error } : { line: this.rec.line, fields: res.fields };
  }
  /** The fields of the current record as text (as the text reader gives them). */
  fields(): readonly string[] {
    const r = this.rec;
    if (r.parsed !== null) return r.parsed.fields ?? [];
    const out: string[] = new Array<string>(r.nf);
    const enc = r.nonAscii ? "utf8" : "latin1";
    for (let k = 0; k < r.nf; k++) out[k] = this.buf.toString(enc, r.starts[k]!, r.ends[k]!);
    return out;
  }
}

// cell kinds of the transcoder
const SKIP = 0;
const DEFER = 1; // an empty list cell: [] at the end of its block if the block exists
const NUM = 2;
const STR = 3;
const TRUE = 4;
const FALSE = 5;
const LIST = 6;
const FAIL = 7;

const T_TEXT = 0;
const T_NUMBER = 1;
const T_BOOLEAN = 2;
const T_LIST = 3;
const T_OTHER = 4; // null-only or JSON columns: only empty or NA cells are transcoded
const T_IGNORE = 5;

const OP_OPEN = 0;
const OP_LEAF = 1;
const OP_CLOSE = 2;

/** `true`, `yes`, `1` / `false`, `no`, `0` in any case: 1 true, 0 false, -1 neither. */
function boolOf(b: Uint8Array, a: number, e: number): number {
  const len = e - a;
  const l = (i: number) => b[a + i]! | 32;
  if (len === 1) return b[a] === 49 ? 1 : b[a] === 48 ? 0 : -1;
  if (len === 2) return l(0) === 110 && l(1) === 111 ? 0 : -1; // no
  if (len === 3) return l(0) === 121 && l(1) === 101 && l(2) === 115 ? 1 : -1; // yes
  if (len === 4) return l(0) === 116 && l(1) === 114 && l(2) === 117 && l(3) === 101 ? 1 : -1; // true
  if (len === 5) return l(0) === 102 && l(1) === 97 && l(2) === 108 && l(3) === 115 && l(4) === 101 ? 0 : -1; // false
  return -1;
}

/** `NA` or `N/A` (as the text reader's missing words, case as written). */
function isNa(b: Uint8Array, a: number, e: number): boolean {
  const len = e - a;
  return (len === 2 && b[a] === 78 && b[a + 1] === 65) || (len === 3 && b[a] === 78 && b[a + 1] === 47 && b[a + 2] === 65);
}

/**
 * Whether bytes [a, e) are a decimal that `JSON.stringify(Number(text))` writes back unchanged: no sign, no
 * exponent, no leading zero, no trailing zero after the point, at most 15 digits, not below 1e-6.
 */
function canonicalNumber(b: Uint8Array, a: number, e: number): boolean {
  let i = a;
  const c0 = b[i]!;
  if (c0 === 48) {
    i++;
  } else if (c0 >= 49 && c0 <= 57) {
    while (i < e && b[i]! >= 48 && b[i]! <= 57) i++;
  } else return false;
  const intDigits = i - a;
  if (i === e) return intDigits <= 15;
  if (b[i] !== 46) return false;
  i++;
  const f = i;
  while (i < e && b[i]! >= 48 && b[i]! <= 57) i++;
  if (i !== e || i === f || b[e - 1] === 48) return false;
  if (intDigits + (e - f) > 15) return false;
  if (c0 === 48) {
    let z = 0;
    while (b[f + z] === 48) z++;
    if (z > 5) return false;
  }
  return true;
}

/** Printable ASCII without `"` and `\` (written inside a JSON string as is). */
function plainText(b: Uint8Array, a: number, e: number): boolean {
  for (let i = a; i < e; i++) {
    const c = b[i]!;
    if (c < 32 || c > 126 || c === 34 || c === 92) return false;
  }
  return true;
}

/**
 * Writes CSV visit rows as the compact JSON of the record the text reader builds. Made once per header by
 * {@link VisitTranscoder.create} (null when the header is not of a shape it handles: a column inside another
 * column's path, a block whose columns are not next to each other).
 */
export class VisitTranscoder {
  /** The JSON of the last row written by {@link row}: bytes [0, len). */
  out: Buffer = Buffer.allocUnsafe(1 << 16);
  len = 0;
  private readonly kind: Uint8Array;
  private readonly nullable: Uint8Array;
  private readonly deep: Uint8Array;
  private readonly anc: Int32Array[];
  private readonly count: Int32Array;
  private readonly vk: Uint8Array;
  private readonly ops: Uint8Array;
  private readonly arg: Int32Array;
  private readonly skip: Int32Array;
  private readonly keys: Uint8Array[];
  private readonly lists: Int32Array[];
  private readonly staticBytes: number;

  private constructor(columns: readonly CsvColumn[], ops: number[], arg: number[], skip: number[], keys: Uint8Array[], anc: Int32Array[], lists: Int32Array[], nodes: number, staticBytes: number) {
    const n = columns.length;
    this.kind = new Uint8Array(n);
    this.nullable = new Uint8Array(n);
    this.deep = new Uint8Array(n);
    for (let c = 0; c < n; c++) {
      const col = columns[c]!;
      const t = col.type;
      this.kind[c] = col.ignore === true ? T_IGNORE : t === "text" ? T_TEXT : t === "number" ? T_NUMBER : t === "boolean" ? T_BOOLEAN : t === "list" ? T_LIST : T_OTHER;
      this.nullable[c] = col.nullable === true ? 1 : 0;
      this.deep[c] = col.path.length > 1 ? 1 : 0;
    }
    this.anc = anc;
    this.count = new Int32Array(nodes);
    this.vk = new Uint8Array(n);
    this.ops = Uint8Array.from(ops);
    this.arg = Int32Array.from(arg);
    this.skip = Int32Array.from(skip);
    this.keys = keys;
    this.lists = lists;
    this.staticBytes = staticBytes;
  }

  /** A transcoder for a visit header's columns, or null when the header is not of a shape it handles. */
  static create(columns: readonly CsvColumn[]): VisitTranscoder | null {
    interface Node {
      readonly name: string;
      readonly id: number;
      readonly children: Map<string, Node | number>;
      first: number;
      last: number;
    }
    const nodes: Node[] = [];
    const root: Node = { name: "", id: 0, children: new Map(), first: -1, last: -1 };
    nodes.push(root);
    const anc: Int32Array[] = [];
    let order = 0; // position among the columns that are read
    for (let c = 0; c < columns.length; c++) {
      const col = columns[c]!;
      anc.push(new Int32Array(0));
      if (col.ignore === true) continue;
      if (col.type === undefined) return null;
      let node = root;
      const chain: number[] = [];
      for (let k = 0; k < col.path.length - 1; k++) {
        const seg = col.path[k]!;
        let next = node.children.get(seg);
        if (typeof next === "number") return null; // a column inside another column's path
        if (next === undefined) {
          next = { name: seg, id: nodes.length, children: new Map(), first: order, last: order };
          nodes.push(next);
          node.children.set(seg, next);
        }
        // a block's columns must be next to each other (key order is then the header's, whatever is empty)
        if (next.last !== order - 1 && next.last !== order) return null;
        next.last = order;
        chain.push(next.id);
        node = next;
      }
      const leaf = col.path[col.path.length - 1]!;
      if (node.children.has(leaf)) return null;
      node.children.set(leaf, c);
      anc[c] = Int32Array.from(chain);
      order++;
    }
    const ops: number[] = [];
    const arg: number[] = [];
    const skip: number[] = [];
    const keys: Uint8Array[] = [];
    const lists: Int32Array[] = nodes.map(() => new Int32Array(0));
    let staticBytes = 2;
    const emit = (node: Node) => {
      const listCols: number[] = [];
      for (const [name, child] of node.children) {
        const key = enc(`"${name}":`);
        staticBytes += key.length + 3;
        if (typeof child === "number") {
          ops.push(OP_LEAF);
          arg.push(child);
          skip.push(0);
          keys.push(key);
          if (columns[child]!.type === "list") listCols.push(child);
          continue;
        }
        const at = ops.length;
        ops.push(OP_OPEN);
        arg.push(child.id);
        skip.push(0);
        keys.push(key);
        emit(child);
        ops.push(OP_CLOSE);
        arg.push(child.id);
        skip.push(0);
        keys.push(key);
        skip[at] = ops.length - 1;
      }
      lists[node.id] = Int32Array.from(listCols);
    };
    emit(root);
    // keys of the list columns by column (for the deferred empty lists)
    const t = new VisitTranscoder(columns, ops, arg, skip, keys, anc, lists, nodes.length, staticBytes);
    t.listKeys = new Map<number, Uint8Array>();
    for (let k = 0; k < ops.length; k++) if (ops[k] === OP_LEAF && columns[arg[k]!]!.type === "list") t.listKeys.set(arg[k]!, keys[k]!);
    return t;
  }
  private listKeys = new Map<number, Uint8Array>();

  /**
   * Writes the JSON of a simple record's row to {@link out} (bytes [0, {@link len})); false when a cell is not of
   * a plain form (the text path then reads the row).
   */
  row(b: Uint8Array, r: ByteRecord): boolean {
    const n = this.kind.length;
    if (r.nf !== n || r.nonAscii || r.parsed !== null) return false;
    const vk = this.vk;
    const count = this.count;
    count.fill(0);
    const starts = r.starts;
    const ends = r.ends;
    let bytes = 0;
    for (let c = 0; c < n; c++) {
      const kind = this.kind[c]!;
      if (kind === T_IGNORE) continue;
      const a = starts[c]!;
      const e = ends[c]!;
      let v: number;
      if (a === e) v = kind === T_LIST && this.deep[c] === 1 ? DEFER : SKIP;
      else if (b[a]! <= 32 || b[e - 1]! <= 32) v = FAIL;
      else if (this.nullable[c] === 1 && e - a === 4 && b[a] === 110 && b[a + 1] === 117 && b[a + 2] === 108 && b[a + 3] === 108) v = FAIL;
      else if (kind === T_NUMBER) v = isNa(b, a, e) ? SKIP : canonicalNumber(b, a, e) ? NUM : FAIL;
      else if (kind === T_TEXT) v = plainText(b, a, e) ? STR : FAIL;
      else if (kind === T_BOOLEAN) {
        const x = isNa(b, a, e) ? 2 : boolOf(b, a, e);
        v = x === 2 ? SKIP : x === 1 ? TRUE : x === 0 ? FALSE : FAIL;
      } else if (kind === T_LIST) v = this.listOk(b, a, e) ? LIST : FAIL;
      else v = isNa(b, a, e) ? SKIP : FAIL;
      if (v === FAIL) return false;
      vk[c] = v;
      if (v >= NUM) {
        bytes += e - a;
        const an = this.anc[c]!;
        for (let k = 0; k < an.length; k++) count[an[k]!]!++;
      }
    }
    const need = this.staticBytes + 3 * bytes + 64;
    if (this.out.length < need) this.out = Buffer.allocUnsafe(need * 2);
    const o = this.out;
    let pos = 0;
    o[pos++] = 123;
    let first = true; // first member of the innermost open object
    const ops = this.ops;
    const arg = this.arg;
    const keys = this.keys;
    for (let k = 0; k < ops.length; k++) {
      const op = ops[k]!;
      if (op === OP_LEAF) {
        const c = arg[k]!;
        const v = vk[c]!;
        if (v < NUM) continue;
        if (!first) o[pos++] = 44;
        first = false;
        const key = keys[k]!;
        for (let i = 0; i < key.length; i++) o[pos++] = key[i]!;
        const a = starts[c]!;
        const e = ends[c]!;
        if (v === NUM) {
          for (let i = a; i < e; i++) o[pos++] = b[i]!;
        } else if (v === STR) {
          o[pos++] = 34;
          for (let i = a; i < e; i++) o[pos++] = b[i]!;
          o[pos++] = 34;
        } else if (v === TRUE) {
          o[pos++] = 116;
          o[pos++] = 114;
          o[pos++] = 117;
          o[pos++] = 101;
        } else if (v === FALSE) {
          o[pos++] = 102;
          o[pos++] = 97;
          o[pos++] = 108;
          o[pos++] = 115;
          o[pos++] = 101;
        } else {
          o[pos++] = 91;
          o[pos++] = 34;
          for (let i = a; i < e; i++) {
            const x = b[i]!;
            if (x === 59) {
              o[pos++] = 34;
              o[pos++] = 44;
              o[pos++] = 34;
            } else o[pos++] = x;
          }
          o[pos++] = 34;
          o[pos++] = 93;
        }
      } else if (op === OP_OPEN) {
        if (count[arg[k]!] === 0) {
          k = this.skip[k]!;
          continue;
        }
        if (!first) o[pos++] = 44;
        const key = keys[k]!;
        for (let i = 0; i < key.length; i++) o[pos++] = key[i]!;
        o[pos++] = 123;
        first = true;
      } else {
        // empty list cells of this block: [] after its other members
        const ls = this.lists[arg[k]!]!;
        for (let j = 0; j < ls.length; j++) {
          const c = ls[j]!;
          if (vk[c] !== DEFER) continue;
          if (!first) o[pos++] = 44;
          first = false;
          const key = this.listKeys.get(c)!;
          for (let i = 0; i < key.length; i++) o[pos++] = key[i]!;
          o[pos++] = 91;
          o[pos++] = 93;
        }
        o[pos++] = 125;
        first = false;
      }
    }
    o[pos++] = 125;
    this.len = pos;
    return true;
  }
  /** A `;`-separated list cell whose items need no trimming and no escaping. */
  private listOk(b: Uint8Array, a: number, e: number): boolean {
    let itemStart = true;
    for (let i = a; i < e; i++) {
      const c = b[i]!;
      if (c === 59) {
        // a blank before or after ";" would be trimmed: the text path reads it
        if (i > a && b[i - 1]! <= 32) return false;
        itemStart = true;
        continue;
      }
      if (c < 32 || c > 126 || c === 34 || c === 92) return false;
      if (itemStart && c === 32) return false;
      itemStart = false;
    }
    return true;
  }
}
