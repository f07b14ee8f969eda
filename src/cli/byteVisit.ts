/**
 * Byte-level fast path of `score`: reads one NDJSON line straight from the input bytes (no UTF-8 decode, no
 * `JSON.parse`) when it is a compact visit of the common shape, and writes the line with its scores (and
 * classifications) to the batch's output bytes.
 * @remarks Accepts a strict subset of what {@link isFastValidVisit} accepts after `JSON.parse`: no whitespace,
 * strings of printable ASCII without escapes (units also as their exact UTF-8 bytes), no duplicate keys,
 * integers without sign, fraction or exponent, lab values as plain decimals of at most 15 digits. Anything else
 * returns `false` and the line takes the string paths (`JSON.parse` + {@link isFastValidVisit}, or zod), so
 * verdicts and output never change, only speed. Nothing read from the input becomes an object key.
 * Scores come from the library, memoised per block (the Mayo, HBI, SES-CD and Rutgeerts items fully determine
 * their scores); classifications from the run's {@link VisitClassifier} on the visit's measures, which are
 * `measuresFromVisit` of each block (memoised) plus the converted CRP and calprotectin. Output text is kept as
 * bytes per block and per combination of statuses. tests/cli.test.ts checks this path against the
 * `JSON.parse` path on generated visits and the output bytes against golden hashes.
 */
import { isIsoDate } from "../_lib/dates.js";
import { measuresFromVisit, type VisitMeasures } from "../endpoints/index.js";
import { convertLab, LAB_UNITS, type LabUnit, type Visit } from "../models/index.js";
import { scoreVisit, type SteroidState, type VisitClassifier, type VisitScores } from "./classifyVisit.js";
import { HBI_COMPLICATION_KEYS, HBI_KEYS, MAYO_KEYS, RUTGEERTS_GRADES, SES_SEGMENT_KEYS, SES_SEGMENT_VAR_KEYS, TOP_KEYS, UCEIS_KEYS, UCEIS_MAX } from "./visitKeys.js";

/** `"total":..,"band":..` entries of a score object, as `score` writes them without `--components`. */
export function formatScoreEntries(scores: VisitScores): string {
  let s = "";
  let first = true;
  for (const k in scores) {
    const r = scores[k]!;
    s += `${first ? "" : ","}"${k}":{"total":${r.total},"band":${r.band === null ? "null" : `"${r.band}"`}}`;
    first = false;
  }
  return s;
}

const enc = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));
interface Name {
  readonly bytes: Uint8Array;
  /** `"name":` */
  readonly quoted: Uint8Array;
  readonly index: number;
  readonly text: string;
}
/** Names with a slot table on (length, first byte, last byte); `null` slots when two names share a slot. */
interface Names extends ReadonlyArray<Name> {
  slots: Int16Array | null;
  /** The key seen last after key i − 1 (at 0: first key). */
  readonly next: Int8Array;
}
const slotOf = (len: number, first: number, last: number) => (len * 17 + first * 5 + last) & 1023;
const names = (list: readonly string[]): Names => {
  const t = list.map((text, index) => ({ bytes: enc(text), quoted: enc(`"${text}":`), index, text })) as Name[] & { slots: Int16Array | null; next: Int8Array };
  t.next = new Int8Array(list.length + 1);
  let slots: Int16Array | null = new Int16Array(1024).fill(-1);
  for (const n of t) {
    const h = slotOf(n.bytes.length, n.bytes[0] ?? 0, n.bytes[n.bytes.length - 1] ?? 0);
    if (slots[h] !== -1) {
      slots = null;
      break;
    }
    slots[h] = n.index;
  }
  t.slots = slots;
  return t;
};

const TOP = names(TOP_KEYS);
const MAYO = names(MAYO_KEYS);
const UCEIS = names(UCEIS_KEYS);
const HBI = names(HBI_KEYS);
const HBI_COMPLICATIONS = names(HBI_COMPLICATION_KEYS);
const SEGMENTS = names(SES_SEGMENT_KEYS);
const SEGMENT_VARS = names(SES_SEGMENT_VAR_KEYS);
const RUTGEERTS = names(RUTGEERTS_GRADES);
const VALUE_UNIT = names(["value", "unit"]);
const LABS_KEYS = names(["date", ...Object.keys(LAB_UNITS)]);
const LAB_UNIT_NAMES: Names[] = LABS_KEYS.map((k) => names(k.index === 0 ? [] : Object.keys((LAB_UNITS as unknown as Record<string, { factors: Record<string, number> }>)[k.text]!.factors)));
const CRP = LABS_KEYS.findIndex((k) => k.text === "crp");
const FC = LABS_KEYS.findIndex((k) => k.text === "fecalCalprotectin");

/** Index of the name spelled by bytes [a, b), or -1. */
function lookup(buf: Uint8Array, a: number, b: number, table: Names): number {
  const len = b - a;
  const slots = table.slots;
  if (slots !== null && len > 0) {
    const t = slots[slotOf(len, buf[a]!, buf[b - 1]!)]!;
    if (t < 0) return -1;
    const nb = table[t]!.bytes;
    if (nb.length !== len) return -1;
    for (let i = 0; i < len; i++) if (nb[i] !== buf[a + i]) return -1;
    return t;
  }
  for (let t = 0; t < table.length; t++) {
    const nb = table[t]!.bytes;
    if (nb.length !== len) continue;
    let i = 0;
    while (i < len && nb[i] === buf[a + i]) i++;
    if (i === len) return t;
  }
  return -1;
}

/** Place of each segment in the SES-CD key (base 258, ileum most significant). */
const SEG_SCALE = [258 ** 4, 258 ** 3, 258 ** 2, 258, 1];

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16];

/** Dates (as yyyymmdd) already checked with `isIsoDate`; bounded. */
const dateOk = new Map<number, boolean>();

/** Entries per memo keyed by HBI or SES-CD items (a few MB at most: memory does not grow with the file). */
const MEMO_MAX = 20_000;
const mayoObj: (NonNullable<Visit["mayo"]> | undefined)[] = [];
const hbiObj = new Map<number, NonNullable<Visit["hbi"]>>();
const sesObj = new Map<number, NonNullable<Visit["sesCd"]>>();
const BLANK = { patientId: "-", date: "2000-01-01" } as const;

/** What one line holds (reused across lines). */
class Scan {
  buf: Uint8Array = new Uint8Array(0);
  p = 0;
  end = 0;
  // top-level presence bits (TOP index)
  seen = 0;
  mayoKey = 0; // base-5 digits (0 absent, v+1) of the 4 integer items, times 3 for friability (0 absent, 1 false, 2 true)
  hbiWb = 0;
  hbiAp = 0;
  hbiLs = 0;
  hbiAm = 0;
  hbiMask = 0;
  sesKey = 0; // per segment, base 258: 0 absent, 1 null, 2 + packed items
  rut = 0;
  /** UCEIS items packed base 4 (vascular pattern, bleeding, erosions/ulcers). */
  uceisKey = 0;
  /** `onCorticosteroids`: 0 not recorded, 1 false, 2 true. */
  steroids: SteroidState = 0;
  crp = -1;
  crpUnit = "";
  fc = -1;
  fcUnit = "";
  num = 0;

  /** Bytes [a, b) of a string starting at `p` (at its quote); advances past the closing quote. -1 on anything unusual. */
  str(): number {
    const buf = this.buf;
    let i = this.p;
    if (buf[i] !== 34) return -1;
    i++;
    const a = i;
    for (;;) {
      if (i >= this.end) return -1;
      const c = buf[i]!;
      if (c === 34) break;
      if (c < 32 || c === 92 || c > 126) return -1;
      i++;
    }
    this.p = i + 1;
    return a;
  }
  /** A key (quoted, then `:`) looked up in `table`; -1 when unknown or unusual. `prev`: the member's previous key, or -1. */
  key(table: Names, prev: number): number {
    const k = this.keyOf(table, prev);
    if (k >= 0) table.next[prev + 1] = k;
    return k;
  }
  private keyOf(table: Names, prev: number): number {
    const buf = this.buf;
    let i = this.p;
    // the key that followed `prev` last time first (files keep one key order): one pass over `"name":`
    const hint = table.next[prev + 1]!;
    const h = table[hint];
    if (h !== undefined) {
      const q = h.quoted;
      let j = 0;
      while (j < q.length && buf[i + j] === q[j]) j++;
      if (j === q.length) {
        this.p = i + j;
        return hint;
      }
    }
    if (buf[i] !== 34) return -1;
    i++;
    const a = i;
    while (i < this.end && buf[i] !== 34) {
      if (buf[i] === 92) return -1;
      i++;
    }
    if (i + 1 >= this.end || buf[i + 1] !== 58) return -1;
    this.p = i + 2;
    return lookup(buf, a, i, table);
  }
  /** A one-digit integer 0..max followed by a delimiter. */
  digit(max: number): number {
    const c = this.buf[this.p]! - 48;
    if (c < 0 || c > max) return -1;
    const d = this.buf[this.p + 1];
    if (d !== 44 && d !== 125 && d !== 93) return -1;
    this.p++;
    return c;
  }
  /** A plain non-negative decimal into `num` (exact: at most 15 significant digits, no exponent). */
  number(): boolean {
    const buf = this.buf;
    let i = this.p;
    let m = 0;
    let digits = 0;
    const first = buf[i]!;
    if (first < 48 || first > 57) return false;
    if (first === 48 && buf[i + 1]! >= 48 && buf[i + 1]! <= 57) return false;
    while (buf[i]! >= 48 && buf[i]! <= 57) {
      m = m * 10 + (buf[i]! - 48);
      digits++;
      i++;
    }
    let frac = 0;
    if (buf[i] === 46) {
      i++;
      if (!(buf[i]! >= 48 && buf[i]! <= 57)) return false;
      while (buf[i]! >= 48 && buf[i]! <= 57) {
        m = m * 10 + (buf[i]! - 48);
        digits++;
        frac++;
        i++;
      }
    }
    if (digits > 15) return false;
    const d = buf[i];
    if (d !== 44 && d !== 125 && d !== 93) return false;
    this.num = frac === 0 ? m : m / POW10[frac]!;
    this.p = i;
    return true;
  }
  bool(): number {
    const buf = this.buf;
    const i = this.p;
    if (buf[i] === 116 && buf[i + 1] === 114 && buf[i + 2] === 117 && buf[i + 3] === 101) {
      this.p = i + 4;
      return 1;
    }
    if (buf[i] === 102 && buf[i + 1] === 97 && buf[i + 2] === 108 && buf[i + 3] === 115 && buf[i + 4] === 101) {
      this.p = i + 5;
      return 0;
    }
    return -1;
  }
  /** After a member: `,` (more, returns true) or `}` (done, returns false); `null` when neither. */
  next(close: number): boolean | null {
    const c = this.buf[this.p];
    this.p++;
    if (c === 44) return true;
    if (c === close) return false;
    return null;
  }
  id(): boolean {
    const a = this.str();
    if (a < 0) return false;
    const len = this.p - 1 - a;
    return len >= 1 && len <= 128;
  }
  date(): boolean {
    const a = this.str();
    if (a < 0 || this.p - 1 - a !== 10) return false;
    const b = this.buf;
    let n = 0;
    for (let i = 0; i < 10; i++) {
      const c = b[a + i]!;
      if (i === 4 || i === 7) {
        if (c !== 45) return false;
      } else {
        if (c < 48 || c > 57) return false;
        n = n * 10 + (c - 48);
      }
    }
    let ok = dateOk.get(n);
    if (ok === undefined) {
      ok = isIsoDate(Buffer.from(b.buffer, b.byteOffset + a, 10).toString("latin1"));
      if (dateOk.size > 50_000) dateOk.clear();
      dateOk.set(n, ok);
    }
    return ok;
  }
  mayo(): boolean {
    if (this.buf[this.p++] !== 123) return false;
    // base-5 digit per item (0 absent, value + 1), friability 0 absent, 1 false, 2 true
    let v0 = 0;
    let v1 = 0;
    let v2 = 0;
    let v3 = 0;
    let fr = 0;
    let k = -1;
    if (this.buf[this.p] === 125) this.p++;
    else
      for (;;) {
        k = this.key(MAYO, k);
        if (k === 4) {
          const b = this.bool();
          if (b < 0 || fr !== 0) return false;
          fr = b + 1;
        } else {
          const d = this.digit(3) + 1;
          if (d <= 0) return false;
          if (k === 0 && v0 === 0) v0 = d;
          else if (k === 1 && v1 === 0) v1 = d;
          else if (k === 2 && v2 === 0) v2 = d;
          else if (k === 3 && v3 === 0) v3 = d;
          else return false; // unknown or repeated key
        }
        const more = this.next(125);
        if (more === null) return false;
        if (!more) break;
      }
    this.mayoKey = (((v0 * 5 + v1) * 5 + v2) * 5 + v3) * 3 + fr;
    return true;
  }
  uceis(): boolean {
    if (this.buf[this.p++] !== 123) return false;
    let mask = 0;
    let key = 0;
    let k = -1;
    for (;;) {
      k = this.key(UCEIS, k);
      if (k < 0 || mask & (1 << k)) return false;
      const d = this.digit(UCEIS_MAX[k]!);
      if (d < 0) return false;
      mask |= 1 << k;
      key += d * 4 ** (2 - k);
      const more = this.next(125);
      if (more === null) return false;
      if (!more) break;
    }
    this.uceisKey = key;
    return mask === 7;
  }
  hbi(): boolean {
    if (this.buf[this.p++] !== 123) return false;
    let seen = 0;
    let k = -1;
    for (;;) {
      k = this.key(HBI, k);
      if (k < 0 || seen & (1 << k)) return false;
      seen |= 1 << k;
      if (k === 0) {
        if ((this.hbiWb = this.digit(4)) < 0) return false;
      } else if (k === 1) {
        if ((this.hbiAp = this.digit(3)) < 0) return false;
      } else if (k === 3) {
        if ((this.hbiAm = this.digit(3)) < 0) return false;
      } else if (k === 2) {
        const buf = this.buf;
        let i = this.p;
        let n = 0;
        let digits = 0;
        while (buf[i]! >= 48 && buf[i]! <= 57) {
          n = n * 10 + (buf[i]! - 48);
          digits++;
          i++;
        }
        if (digits === 0 || digits > 9 || (digits > 1 && buf[this.p] === 48)) return false;
        const d = buf[i];
        if (d !== 44 && d !== 125) return false;
        this.hbiLs = n;
        this.p = i;
      } else {
        if (this.buf[this.p++] !== 91) return false;
        let mask = 0;
        if (this.buf[this.p] === 93) this.p++;
        else
          for (;;) {
            const a = this.str();
            if (a < 0) return false;
            const c = lookup(this.buf, a, this.p - 1, HBI_COMPLICATIONS);
            if (c < 0 || mask & (1 << c)) return false;
            mask |= 1 << c;
            const more = this.next(93);
            if (more === null) return false;
            if (!more) break;
          }
        this.hbiMask = mask;
      }
      const more = this.next(125);
      if (more === null) return false;
      if (!more) break;
    }
    return seen === 31;
  }
  ses(): boolean {
    if (this.buf[this.p++] !== 123) return false;
    let key = 0; // per segment, base 258: 0 absent, 1 null, 2 + packed items
    let k = -1;
    let present = 0;
    let blocked = 0;
    if (this.buf[this.p] === 125) this.p++;
    else
      for (;;) {
        k = this.key(SEGMENTS, k);
        if (k < 0 || present & (1 << k)) return false;
        present |= 1 << k;
        const buf = this.buf;
        let x: number;
        if (buf[this.p] === 110 && buf[this.p + 1] === 117 && buf[this.p + 2] === 108 && buf[this.p + 3] === 108) {
          this.p += 4;
          x = 1;
        } else {
          if (buf[this.p++] !== 123) return false;
          let items = 0; // 3 bits per variable: 0 absent, value + 1
          let j = -1;
          for (;;) {
            j = this.key(SEGMENT_VARS, j);
            if (j < 0 || (items >> (3 * j)) & 7) return false;
            const d = this.digit(3);
            if (d < 0) return false;
            items |= (d + 1) << (3 * j);
            const more = this.next(125);
            if (more === null) return false;
            if (!more) break;
          }
          const us = items & 7;
          const usf = (items >> 3) & 7;
          const af = (items >> 6) & 7;
          const nr = (items >> 9) & 7;
          if (us === 0 || usf === 0 || af === 0 || nr === 0) return false;
          if (nr === 4) blocked++;
          x = 2 + (((us - 1) * 4 + (usf - 1)) * 4 + (af - 1)) * 4 + (nr - 1);
        }
        key += x * SEG_SCALE[k]!;
        const more = this.next(125);
        if (more === null) return false;
        if (!more) break;
      }
    if (blocked > 1) return false;
    this.sesKey = key;
    return true;
  }
  labs(): boolean {
    if (this.buf[this.p++] !== 123) return false;
    let seen = 0;
    let k = -1;
    if (this.buf[this.p] === 125) {
      this.p++;
      return true;
    }
    for (;;) {
      k = this.key(LABS_KEYS, k);
      if (k < 0 || seen & (1 << k)) return false;
      seen |= 1 << k;
      if (k === 0) {
        if (!this.date()) return false;
      } else {
        if (this.buf[this.p++] !== 123) return false;
        let unit = -1;
        let value = -1;
        let f = -1;
        for (;;) {
          f = this.key(VALUE_UNIT, f);
          if (f === 0) {
            if (value !== -1 || !this.number() || this.num > 1e7) return false;
            value = this.num;
          } else if (f === 1) {
            if (unit !== -1) return false;
            const buf = this.buf;
            let i = this.p;
            if (buf[i] !== 34) return false;
            const a = ++i;
            while (i < this.end && buf[i] !== 34 && buf[i] !== 92) i++;
            if (buf[i] !== 34) return false;
            unit = lookup(buf, a, i, LAB_UNIT_NAMES[k]!);
            if (unit < 0) return false;
            this.p = i + 1;
          } else return false;
          const more = this.next(125);
          if (more === null) return false;
          if (!more) break;
        }
        if (unit === -1 || value === -1) return false;
        if (k === CRP) {
          this.crp = value;
          this.crpUnit = LAB_UNIT_NAMES[k]![unit]!.text;
        } else if (k === FC) {
          this.fc = value;
          this.fcUnit = LAB_UNIT_NAMES[k]![unit]!.text;
        }
      }
      const more = this.next(125);
      if (more === null) return false;
      if (!more) break;
    }
    return true;
  }
  /** Reads bytes [start, end) as a visit; false when the line is not of the fast shape. */
  visit(buf: Uint8Array, start: number, end: number, lineMode = false): boolean {
    this.buf = buf;
    this.p = start;
    this.end = end;
    this.seen = 0;
    this.crp = -1;
    this.fc = -1;
    this.steroids = 0;
    if (buf[this.p++] !== 123 || (!lineMode && buf[end - 1] !== 125)) return false;
    let k = -1;
    for (;;) {
      k = this.key(TOP, k);
      if (k < 0 || this.seen & (1 << k)) return false;
      this.seen |= 1 << k;
      let ok: boolean;
      switch (k) {
        case 0:
        case 1:
          ok = this.id();
          break;
        case 2:
          ok = this.date();
          break;
        case 3:
          ok = this.mayo();
          break;
        case 4:
          ok = this.hbi();
          break;
        case 5:
          ok = this.ses();
          break;
        case 6: {
          const a = this.str();
          ok = a >= 0 && (this.rut = lookup(buf, a, this.p - 1, RUTGEERTS)) >= 0;
          break;
        }
        case 7: {
          const b = this.bool();
          ok = b >= 0;
          this.steroids = b === 1 ? 2 : 1;
          break;
        }
        case 8:
          ok = this.labs();
          break;
        default:
          ok = this.uceis();
      }
      if (!ok || this.p >= end) return false;
      const more = this.next(125);
      if (more === null) return false;
      if (!more) break;
    }
    if ((this.seen & 6) !== 6) return false;
    if (this.p === end) return true;
    if (!lineMode) return false;
    // line mode: the line ends here (LF, or CR then LF or the end of the bytes)
    const c = buf[this.p];
    return c === 10 || (c === 13 && (this.p + 1 === end || buf[this.p + 1] === 10));
  }
}

const MAYO_ITEMS = ["stoolFrequency", "rectalBleeding", "endoscopic", "physicianGlobal"] as const;
function uceisOf(key: number): NonNullable<Visit["uceis"]> {
  return { vascularPattern: Math.floor(key / 16), bleeding: Math.floor(key / 4) % 4, erosionsUlcers: key % 4 };
}

function mayoOf(key: number): NonNullable<Visit["mayo"]> {
  let m = mayoObj[key];
  if (m === undefined) {
    const o: Record<string, number | boolean> = {};
    const fr = key % 3;
    let rest = (key - fr) / 3;
    const v: number[] = [];
    for (let i = 3; i >= 0; i--) {
      v[i] = rest % 5;
      rest = (rest - v[i]!) / 5;
    }
    for (let i = 0; i < 4; i++) if (v[i]! > 0) o[MAYO_ITEMS[i]!] = v[i]! - 1;
    if (fr > 0) o.friability = fr === 2;
    mayoObj[key] = m = o as NonNullable<Visit["mayo"]>;
  }
  return m;
}
function hbiOf(s: Scan): NonNullable<Visit["hbi"]> {
  const key = ((((s.hbiLs * 5 + s.hbiWb) * 4 + s.hbiAp) * 4 + s.hbiAm) * 256 + s.hbiMask);
  let h = hbiObj.get(key);
  if (h === undefined) {
    const complications = HBI_COMPLICATIONS.filter((c) => s.hbiMask & (1 << c.index)).map((c) => c.text);
    h = { wellBeing: s.hbiWb, abdominalPain: s.hbiAp, liquidStools: s.hbiLs, abdominalMass: s.hbiAm, complications } as NonNullable<Visit["hbi"]>;
    if (hbiObj.size >= MEMO_MAX) hbiObj.clear();
    hbiObj.set(key, h);
  }
  return h;
}
const SEG_VAR_NAMES = ["ulcerSize", "ulceratedSurface", "affectedSurface", "narrowing"] as const;
function sesOf(key: number): NonNullable<Visit["sesCd"]> {
  let s = sesObj.get(key);
  if (s === undefined) {
    const o: Record<string, Record<string, number> | null> = {};
    let rest = key;
    const seg: number[] = [];
    for (let i = 4; i >= 0; i--) {
      seg[i] = rest % 258;
      rest = (rest - seg[i]!) / 258;
    }
    for (let i = 0; i < 5; i++) {
      const x = seg[i]!;
      if (x === 0) continue;
      if (x === 1) {
        o[SEGMENTS[i]!.text] = null;
        continue;
      }
      let p = x - 2;
      const items: Record<string, number> = {};
      for (let j = 3; j >= 0; j--) {
        items[SEG_VAR_NAMES[j]!] = p % 4;
        p = (p - (p % 4)) / 4;
      }
      o[SEGMENTS[i]!.text] = items;
    }
    s = o as NonNullable<Visit["sesCd"]>;
    if (sesObj.size >= MEMO_MAX) sesObj.clear();
    sesObj.set(key, s);
  }
  return s;
}

const scan = new Scan();

/** Output bytes of a batch, grown as needed. */
export class OutBuf {
  buf: Buffer;
  pos = 0;
  constructor(size: number) {
    this.buf = Buffer.allocUnsafe(size);
  }
  room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const b = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(b, 0, 0, this.pos);
    this.buf = b;
  }
  str(s: string): void {
    this.room(s.length * 3);
    this.pos += this.buf.write(s, this.pos, "utf8");
  }
  bytes(b: Uint8Array): void {
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }
}

const EMPTY: Uint8Array = new Uint8Array(0);
const SCORES_OPEN = enc(',"scores":{');
const CLASS_NULL = enc(',"classifications":null');
const bytesOf = (entries: string) => (entries === "" ? EMPTY : enc(entries));

// Score text as bytes per block key; measures (`measuresFromVisit` of the block alone) per block key.
const mayoBytes: (Uint8Array | undefined)[] = [];
const hbiBytes = new Map<number, Uint8Array>();
const sesBytes = new Map<number, Uint8Array>();
const rutBytes: (Uint8Array | undefined)[] = [];
const uceisBytes: (Uint8Array | undefined)[] = [];
type Measures = VisitMeasures;
const mayoMeasures: (Measures | undefined)[] = [];
const hbiMeasures = new Map<number, Measures>();
const sesMeasures = new Map<number, Measures>();
const rutMeasures: (Measures | undefined)[] = [];
const uceisMeasures: (Measures | undefined)[] = [];
const bounded = <K, V>(m: Map<K, V>, k: K, v: V): V => {
  if (m.size >= MEMO_MAX) m.clear();
  m.set(k, v);
  return v;
};
const VALIDATED = { validated: true, rutgeertsApplicable: true } as const;

// Classification text as bytes per combination of statuses (each status numbered as first seen).
const statusIndex = new Map<string, number>();
const classBytes = new Map<number, Uint8Array>();

/**
 * Whether bytes [start, end) are a compact visit of the common shape (then `parseVisit` certainly accepts it).
 * `false` means "not this fast shape", not "invalid".
 */
export function byteVisitValid(buf: Uint8Array, start: number, end: number): boolean {
  return scan.visit(buf, start, end);
}

/**
 * {@link byteVisitValid} for a line that starts at `start` and ends at the next newline (not yet found): the
 * bytes [start, end) of a batch are read up to the visit's closing brace, which must be followed by LF, CR LF or
 * the end (a lone CR then the end). No byte of a fast-shape visit is a newline, so the line is never overrun.
 * @returns The index of the line's end (its LF, or `end`), or -1 when the line is not of the fast shape.
 */
export function byteVisitLine(buf: Uint8Array, start: number, end: number): number {
  if (!scan.visit(buf, start, end, true)) return -1;
  const p = scan.p;
  return p === end || buf[p] === 10 ? p : p + 1 === end ? end : p + 1;
}

/**
 * Writes a fast-shape line to `out` with what `score` appends to it (`,"scores":{...}` and, with a classifier,
 * `,"classifications":{...}`); returns false, writing nothing, when the line is not of the fast shape (see the
 * module note).
 * @param buf - The batch bytes; the line is [start, end) without its newline or carriage return.
 * @param classifier - The run's classifier (`--profile`), or null for scores only.
 * @param forced - `--diagnosis`.
 */
export function byteVisitWrite(buf: Buffer, start: number, end: number, classifier: VisitClassifier | null, forced: "UC" | "CD" | undefined, out: OutBuf): boolean {
  const s = scan;
  if (!s.visit(buf, start, end)) return false;
  const seen = s.seen;
  let a: Uint8Array = EMPTY;
  let b: Uint8Array = EMPTY;
  let c: Uint8Array = EMPTY;
  let d: Uint8Array = EMPTY;
  let e: Uint8Array = EMPTY;
  const hbiKey = seen & 16 ? (((s.hbiLs * 5 + s.hbiWb) * 4 + s.hbiAp) * 4 + s.hbiAm) * 256 + s.hbiMask : 0;
  if (seen & 8) a = mayoBytes[s.mayoKey] ??= bytesOf(formatScoreEntries(scoreVisit({ ...BLANK, mayo: mayoOf(s.mayoKey) })));
  if (seen & 16) b = hbiBytes.get(hbiKey) ?? bounded(hbiBytes, hbiKey, bytesOf(formatScoreEntries(scoreVisit({ ...BLANK, hbi: hbiOf(s) }))));
  if (seen & 32) c = sesBytes.get(s.sesKey) ?? bounded(sesBytes, s.sesKey, bytesOf(formatScoreEntries(scoreVisit({ ...BLANK, sesCd: sesOf(s.sesKey) }))));
  if (seen & 64) d = rutBytes[s.rut] ??= bytesOf(formatScoreEntries(scoreVisit({ ...BLANK, rutgeerts: RUTGEERTS[s.rut]!.text as NonNullable<Visit["rutgeerts"]> })));
  if (seen & 512) e = uceisBytes[s.uceisKey] ??= bytesOf(formatScoreEntries(scoreVisit({ ...BLANK, uceis: uceisOf(s.uceisKey) })));
  let cls: Uint8Array = EMPTY;
  if (classifier !== null) {
    const disease = forced ?? (seen & (8 | 512) ? "UC" : seen & (16 | 32 | 64) ? "CD" : null);
    if (disease === null) cls = CLASS_NULL;
    else {
      // measuresFromVisit is a union over the visit's blocks: the measures of each block are memoised alone
      const f: { -readonly [K in keyof Measures]: Measures[K] } = {};
      if (seen & 8) Object.assign(f, (mayoMeasures[s.mayoKey] ??= measuresFromVisit({ ...BLANK, mayo: mayoOf(s.mayoKey) }, VALIDATED)));
      if (seen & 16) Object.assign(f, hbiMeasures.get(hbiKey) ?? bounded(hbiMeasures, hbiKey, measuresFromVisit({ ...BLANK, hbi: hbiOf(s) }, VALIDATED)));
      if (seen & 32) Object.assign(f, sesMeasures.get(s.sesKey) ?? bounded(sesMeasures, s.sesKey, measuresFromVisit({ ...BLANK, sesCd: sesOf(s.sesKey) }, VALIDATED)));
      if (seen & 64) Object.assign(f, (rutMeasures[s.rut] ??= measuresFromVisit({ ...BLANK, rutgeerts: RUTGEERTS[s.rut]!.text as NonNullable<Visit["rutgeerts"]> }, VALIDATED)));
      if (seen & 512) Object.assign(f, (uceisMeasures[s.uceisKey] ??= measuresFromVisit({ ...BLANK, uceis: uceisOf(s.uceisKey) }, VALIDATED)));
      if (s.crp >= 0) f.crpMgPerL = convertLab("crp", s.crp, s.crpUnit as LabUnit<"crp">);
      if (s.fc >= 0) f.fcUgPerG = convertLab("fecalCalprotectin", s.fc, s.fcUnit as LabUnit<"fecalCalprotectin">);
      const r = classifier.classifyMeasures(disease, f, s.steroids);
      let code = disease === "UC" ? 1 : 2;
      let scale = 4;
      for (const k in r) {
        const st = r[k as keyof typeof r].status;
        let i = statusIndex.get(st);
        if (i === undefined) statusIndex.set(st, (i = statusIndex.size));
        code += i * scale;
        scale *= 16;
      }
      const cached = scale <= 2 ** 52 && statusIndex.size <= 16 ? classBytes.get(code) : undefined;
      if (cached !== undefined) cls = cached;
      else {
        let u = "";
        for (const k in r) u += `${u === "" ? "" : ","}"${k}":"${r[k as keyof typeof r].status}"`;
        cls = enc(`,"classifications":{${u}}`);
        if (scale <= 2 ** 52 && statusIndex.size <= 16) bounded(classBytes, code, cls);
      }
    }
  }
  out.room(end - start + SCORES_OPEN.length + a.length + b.length + c.length + d.length + e.length + cls.length + 8);
  out.pos += buf.copy(out.buf, out.pos, start, end - 1);
  out.bytes(SCORES_OPEN);
  const ob = out.buf;
  const start0 = out.pos;
  if (a.length > 0) out.bytes(a);
  if (b.length > 0) {
    if (out.pos > start0) ob[out.pos++] = 44;
    out.bytes(b);
  }
  if (c.length > 0) {
    if (out.pos > start0) ob[out.pos++] = 44;
    out.bytes(c);
  }
  if (d.length > 0) {
    if (out.pos > start0) ob[out.pos++] = 44;
    out.bytes(d);
  }
  if (e.length > 0) {
    if (out.pos > start0) ob[out.pos++] = 44;
    out.bytes(e);
  }
  ob[out.pos++] = 125;
  if (cls.length > 0) out.bytes(cls);
  ob[out.pos++] = 125;
  ob[out.pos++] = 10;
  return true;
}
