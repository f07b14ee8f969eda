// The byte-level CSV reader and the visit transcoder (src/cli/csvBytes.ts) against the text reader they replace
// (readCsvText: UTF-8 decoding, createCsvParser, csvRowToRecord): same items, lines, messages, and for every row the
// fast path takes, the very bytes JSON.stringify writes for the record the text reader builds (issue 12 §3, 19).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCsv, readCsvFast, readCsvText, type InputItem, type ReadCsvOptions } from "../src/cli/records.js";
import { scoreFile } from "../src/cli/score.js";
import { validateFile } from "../src/cli/validate.js";
import { visitIssues } from "../src/cli/visitIssues.js";
import { parseVisit } from "../src/models/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dir = mkdtempSync(join(tmpdir(), "ibd-cli-csv-"));
let seq = 0;
const file = (text: string | Buffer, ext = "csv") => {
  const p = join(dir, `f${seq++}.${ext}`);
  writeFileSync(p, text);
  return p;
};

interface Read {
  items: InputItem[];
  notices: string[];
  unread: number;
  /** Transcoded rows: line → JSON text. */
  fast: Map<number, string>;
}
async function read(p: string, how: "text" | "bytes" | "fast", o: ReadCsvOptions = {}): Promise<Read> {
  const notices: string[] = [];
  const unread = { rows: 0 };
  const fast = new Map<number, string>();
  const opts: ReadCsvOptions = { ...o, unread, onNotice: (line, m) => notices.push(`${line}: ${m}`) };
  const items: InputItem[] = [];
  if (how === "text") for await (const it of readCsvText(p, opts)) items.push(it);
  else if (how === "bytes") for await (const it of readCsv(p, opts)) items.push(it);
  else {
    for await (const it of readCsvFast(p, { ...opts, fastVisit: (json, len, line) => (fast.set(line, json.toString("latin1", 0, len)), true) })) {
      if (it !== null) items.push(it);
    }
  }
  return { items, notices, unread: unread.rows, fast };
}

/** The byte readers give the text reader's items; every transcoded row is JSON.stringify of the text reader's record. */
async function expectSame(text: string | Buffer, o: ReadCsvOptions = {}): Promise<Read> {
  const p = file(text);
  const ref = await read(p, "text", o);
  for (const chunkBytes of [undefined, 16, 37]) {
    const b = await read(p, "bytes", { ...o, chunkBytes });
    expect(b.items).toEqual(ref.items);
    expect(b.notices).toEqual(ref.notices);
    expect(b.unread).toBe(ref.unread);
    const f = await read(p, "fast", { ...o, chunkBytes });
    expect(f.notices).toEqual(ref.notices);
    expect(f.unread).toBe(ref.unread);
    // rows the fast path did not take come out as items, the same as the text reader's
    expect(f.items).toEqual(ref.items.filter((it) => !f.fast.has(it.line)));
    for (const [line, json] of f.fast) {
      const it = ref.items.find((x) => x.line === line);
      expect(it?.error).toBeUndefined();
      expect(json).toBe(JSON.stringify(it !== undefined && it.error === undefined ? it.value : null));
    }
  }
  return ref;
}

const HEAD = "id,patientId,date,onCorticosteroids,mayo.stoolFrequency,mayo.rectalBleeding,mayo.endoscopic,mayo.friability,labs.crp.value,labs.crp.unit,hbi.wellBeing,hbi.complications,hbi.liquidStools,sesCd.ileum.ulcerSize,rutgeerts";

describe("byte-level CSV reader = text reader (messy files)", () => {
  it.each([
    ["plain rows, LF", `${HEAD}\nv1,P1,2024-01-01,true,1,0,2,false,5.8,mg/L,,,,,\nv2,P2,2024-02-01,,3,3,3,TRUE,12,mg/dL,,,,,\n`],
    ["CRLF, no final newline", `${HEAD}\r\nv1,P1,2024-01-01,yes,1,0,2,No,5.8,mg/L,,,,,\r\nv2,P2,2024-02-01,0,3,3,3,1,,,,,,,`],
    ["lone CR line ends", `${HEAD}\rv1,P1,2024-01-01,yes,1,0,2,No,5.8,mg/L,,,,,\rv2,P2,2024-02-01,0,3,3,3,1,,,,,,,\r`],
    ["BOM and a second BOM", `\ufeff\ufeff${HEAD}\nv1,P1,2024-01-01,true,1,0,2,false,,,,,,,\n`],
    ["U+FEFF starting a later record", `${HEAD}\n\ufeffv1,P1,2024-01-01,true,1,0,2,false,,,,,,,\n`],
    ["quoted fields with commas, quotes, LF, CRLF and CR", `${HEAD}\n"v,1",P1,2024-01-01,true,1,0,2,false,,,,,,,\n"v""2",P2,2024-01-01,true,1,0,2,false,,,,,,,\n"v\n3",P3,2024-01-01,true,1,0,2,false,,,,,,,\r\n"v\r\n4","P4",2024-01-01,true,1,0,2,false,,,,,,,\n"v\r5",P5,2024-01-01,true,1,0,2,false,,,,,,,\nv6,P6,2024-01-01,true,1,0,2,false,,,,,,,\n`],
    ["quote errors", `${HEAD}\nv"1,P1,2024-01-01,true,1,0,2,false,,,,,,,\n"v2"x,P2,2024-01-01,true,1,0,2,false,,,,,,,\n"v3""",P3,2024-01-01,true,1,0,2,false,,,,,,,\nv4,P4,2024-01-01,true,1,0,2,false,,,,,,,\n`],
    ["unterminated quote at the end", `${HEAD}\nv1,P1,2024-01-01,true,1,0,2,false,,,,,,,\n"v2,P2,2024-01-01\nv3,P3\n`],
    ["too few and too many fields, blank lines", `${HEAD}\n\nv1,P1,2024-01-01\n\r\nv2,P2,2024-01-01,true,1,0,2,false,,,,,,,,extra\n   \nv3,P3,2024-01-01,true,1,0,2,false,,,,,,,\n\n`],
    ["bad booleans, NA, N/A, na, null", `${HEAD}\nv1,P1,2024-01-01,maybe,NA,N/A,2,na,NA,mg/L,,,,,\nv2,P2,2024-01-01,NA,1,0,2,N/A,,,,,,null,\nv3,P3,2024-01-01,,1,0,2,false,,,,,,NA,NA\n`],
    ["numbers: canonical and not", `${HEAD}\nv1,P1,2024-01-01,,1,0,2,,3.50,mg/L,,,,,\nv2,P2,2024-01-01,,+1,0,2,,.5,mg/L,,,,,\nv3,P3,2024-01-01,,1e0,0,2,,1e3,mg/L,,,,,\nv4,P4,2024-01-01,,01,0,2,,0.0000001,mg/L,,,,,\nv5,P5,2024-01-01,,1,0,2,,0.000001,mg/L,,,,,\nv6,P6,2024-01-01,,1,0,2,,1234567890123456,mg/L,,,,,\nv7,P7,2024-01-01,,1,0,2,,123456789012345,mg/L,,,,,\nv8,P8,2024-01-01,,-1,0,2,,-0,mg/L,,,,,\nv9,P9,2024-01-01,,1,0,2,,0.10,mg/L,,,,,\nv10,P10,2024-01-01,,1,0,2,,1.,mg/L,,,,,\nv11,P11,2024-01-01,, 1,0,2,,5 ,mg/L,,,,,\n`],
    ["list cells and empty lists", `${HEAD}\nv1,P1,2024-01-01,,,,,,,,2,fistula;abscess,3,,\nv2,P2,2024-01-01,,,,,,,,2,,3,,\nv3,P3,2024-01-01,,,,,,,,,,,,\nv4,P4,2024-01-01,,,,,,,,2,fistula; abscess,3,,\nv5,P5,2024-01-01,,,,,,,,2, ,3,,\nv6,P6,2024-01-01,,,,,,,,2,;,3,,\nv7,P7,2024-01-01,,,,,,,,2,NA,3,,\n`],
    ["unicode and invalid UTF-8", Buffer.concat([Buffer.from(`${HEAD}\nvé,P1,2024-01-01,true,1,0,2,false,,,,,,,\nv2,P\u{1F600},2024-01-01,true,1,0,2,false,,,,,,,\nv3,P`), Buffer.from([0xe9]), Buffer.from(`,2024-01-01,true,1,0,2,false,,,,,,,\nv4,P4,2024-01-01,true,1,0,2,false,,,,,,,\n`)])],
    ["escapes needed in text", `${HEAD}\nv\\1,P1,2024-01-01,true,1,0,2,false,,,,,,,\nv\t2,P2,2024-01-01,true,1,0,2,false,,,,,,,\n v3 ,P3,2024-01-01,true,1,0,2,false,,,,,,,\n`],
    ["header only", `${HEAD}\n`],
    ["empty file", ``],
    ["blank lines only", `\n\r\n\n`],
  ])("%s", async (_name, text) => {
    await expectSame(text);
  });
  it("extra columns: ignored with a notice, or rejected with --strict (rows then unread)", async () => {
    const text = `${HEAD},note,extra.path\nv1,P1,2024-01-01,true,1,0,2,false,,,,,,,,"a,b",\u00e9\nv2,P2,2024-01-01,true,1,0,2,false,,,,,,,,x,y\n`;
    const r = await expectSame(text);
    expect(r.notices).toHaveLength(2);
    const s = await expectSame(text, { strict: true });
    expect(s.unread).toBe(2);
  });
  it("missing required column and a bad header: one header error, rows counted as unread", async () => {
    const r = await expectSame(`id,date,mayo.stoolFrequency\nv1,2024-01-01,1\nv2,2024-01-01,2\n`);
    expect(r.items[0]!.error?.field).toBe("(header)");
    expect(r.unread).toBe(2);
    await expectSame(`id,"pat\nientId",date\nv1,P1,2024-01-01\n`);
    await expectSame(`"id,patientId,date\nv1,P1,2024-01-01\n`);
  });
  it("headers the transcoder does not take: a column inside another's path, a block split by another", async () => {
    await expectSame(`patientId,date,sesCd.ileum,sesCd.ileum.ulcerSize,sesCd.ileum.ulceratedSurface,sesCd.ileum.affectedSurface,sesCd.ileum.narrowing\nP1,2024-01-01,,1,1,1,1\nP2,2024-01-01,null,,,,\nP3,2024-01-01,null,1,1,1,1\n`);
    const split = await expectSame(`patientId,mayo.stoolFrequency,date,mayo.rectalBleeding\nP1,1,2024-01-01,2\nP2,,2024-01-01,2\n`);
    expect(split.items).toHaveLength(2);
  });
  it("a block's key order follows the header whatever cells are empty", async () => {
    const r = await expectSame(`patientId,date,labs.date,labs.crp.value,labs.crp.unit,labs.fecalCalprotectin.value,labs.fecalCalprotectin.unit,hbi.wellBeing,hbi.abdominalPain,hbi.liquidStools,hbi.abdominalMass,hbi.complications\nP1,2024-01-01,,5,mg/L,,,1,1,1,1,\nP2,2024-01-01,2024-01-01,,,100,ug/g,,,,,\nP3,2024-01-01,,,,,,,,,,fistula\n`);
    expect(r.items).toHaveLength(3);
  });
  it("random files of awkward cells and line ends (property)", async () => {
    const cell = fc.constantFrom("", "1", "0", "3", "2.5", "03", "NA", "N/A", "null", "true", "No", "x", "2024-01-01", "mg/L", "fistula;abscess", '"a,b"', '"q""q"', '"l\nm"', '"c\r\nd"', "é", " 1", "a\"b", '"x"y', "\ufeff");
    const eol = fc.constantFrom("\n", "\r\n", "\r", "\n\n");
    const head = "patientId,date,mayo.stoolFrequency,mayo.friability,labs.crp.value,labs.crp.unit,hbi.complications,hbi.wellBeing";
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.array(cell, { minLength: 6, maxLength: 10 }), eol), { maxLength: 12 }), fc.boolean(), async (rows, last) => {
        const text = `${head}\n${rows.map(([cells, e], i) => `P${i},2024-01-0${(i % 9) + 1},${cells.join(",")}${i < rows.length - 1 || last ? e : ""}`).join("")}`;
        await expectSame(text);
      }),
      { numRuns: 60 },
    );
  });
});

describe("validate and score: byte paths = text paths", () => {
  const gen = join(root, "bench", "cli-gen-realistic.mjs");
  const nd = join(dir, "real.ndjson");
  const cs = join(dir, "real.csv");
  spawnSync(process.execPath, [gen, "2000", nd, cs]);
  const messy = file(
    `\ufeff${HEAD},extra\r\nv1,P1,2024-01-01,true,1,0,2,false,5.8,mg/L,,,,,,x\r\nv2,P2,2024-02-30,true,1,0,2,false,5.8,mg/L,,,,,,x\r\n"v,3",P3,2024-01-01,maybe,1,0,2,false,5.8,mg/L,,,,,,x\r\nv4,P4,2024-01-01,true,7,0,2,false,<5,mg/L,,,,,,x\r\nv5,P5,2024-01-01,true,1,0\r\nv6,P6,2024-01-01,,,,,,,,2,fistula;abscess,3,,i2b,\r\nv7,P7,2024-01-01,,,,,,,,2,,3,1,i9,\r\nv8,P8,2024-01-01,,,,,,,,2,,3,,,"unterminated\r\n`,
  );
  it.each([
    ["realistic CSV (5% bad rows)", cs],
    ["realistic NDJSON (5% bad lines)", nd],
    ["messy CSV", messy],
  ])("validate: %s", async (_n, p) => {
    const a = await validateFile(p);
    const b = await validateFile(p, { textOnly: true });
    expect(a).toEqual(b);
    expect(a.total).toBeGreaterThan(0);
  });
  it("validate: the realistic file's bad rows are all reported", async () => {
    const s = await validateFile(cs);
    expect(s).toMatchObject({ total: 2000, invalid: 100 });
  });
  const scored = async (p: string, textOnly: boolean, profile?: string) => {
    let err = "";
    const sink = Object.assign(new Writable({ write: (c, _e, cb) => ((err += String(c)), cb()) }), { isTTY: false });
    const out = join(dir, `s${seq++}.out`);
    const s = await scoreFile(p, { ...(profile === undefined ? {} : { profile }), out, progress: false, textOnly }, sink);
    return { s: { ...s, seconds: 0 }, out: readFileSync(out, "utf8"), err };
  };
  it.each([
    ["realistic CSV", cs, "mao2025"],
    ["realistic CSV, scores only", cs, undefined],
    ["messy CSV", messy, "mao2025"],
  ])("score: %s", async (_n, p, profile) => {
    const a = await scored(p, false, profile);
    const b = await scored(p, true, profile);
    expect(a.out).toBe(b.out);
    expect(a.err).toBe(b.err);
    expect(a.s).toEqual(b.s);
    expect(a.s.written).toBeGreaterThan(0);
  });
});

describe("a CSV row reports every problem, as the same record in NDJSON does", () => {
  // each row has an unreadable cell (a bad yes/no, text in a number column) and other problems beside it
  const head = "id,patientId,date,onCorticosteroids,mayo.stoolFrequency,mayo.rectalBleeding,mayo.endoscopic,labs.crp.value,labs.crp.unit";
  const rows: [string, Record<string, unknown>][] = [
    ["v1,P1,2024-02-30,maybe,4,0,2,,", { id: "v1", patientId: "P1", date: "2024-02-30", onCorticosteroids: "maybe", mayo: { stoolFrequency: 4, rectalBleeding: 0, endoscopic: 2 } }],
    ["v2,P2,2024-01-01,maybe,1,0,2,<5,mg/L", { id: "v2", patientId: "P2", date: "2024-01-01", onCorticosteroids: "maybe", mayo: { stoolFrequency: 1, rectalBleeding: 0, endoscopic: 2 }, labs: { crp: { value: "<5", unit: "mg/L" } } }],
    ["v3,P3,unknown,yes,x,0,9,5,", { id: "v3", patientId: "P3", date: "unknown", onCorticosteroids: true, mayo: { stoolFrequency: "x", rectalBleeding: 0, endoscopic: 9 }, labs: { crp: { value: 5 } } }],
    ["v4,,2024-01-01,perhaps,,,,,", { id: "v4", date: "2024-01-01", onCorticosteroids: "perhaps" }],
  ];
  it("the same fields as NDJSON, each cell's own reason kept (validate, both readers)", async () => {
    const csv = file(`${head}\n${rows.map((r) => r[0]).join("\n")}\n`);
    const nd = file(`${rows.map((r) => JSON.stringify(r[1])).join("\n")}\n`, "ndjson");
    const want = await validateFile(nd, { kind: "visit" });
    for (const textOnly of [false, true]) {
      const got = await validateFile(csv, { textOnly });
      expect(got.invalid).toBe(rows.length);
      for (let i = 0; i < rows.length; i++) {
        const fields = (s: typeof got, line: number) => s.problems.filter((p) => p.line === line).map((p) => p.field).sort();
        expect(fields(got, i + 2)).toEqual(fields(want, i + 1));
      }
      // the unreadable cell's own message stays first
      expect(got.problems.find((p) => p.line === 2)).toMatchObject({ field: "onCorticosteroids", reason: expect.stringContaining('"maybe" is not a yes/no value') });
      expect(got.problems.filter((p) => p.line === 2).map((p) => p.field)).toEqual(["onCorticosteroids", "date", "mayo.stoolFrequency"]);
    }
  });
  it("score prints the same problem lines", async () => {
    const csv = file(`${head}\n${rows.map((r) => r[0]).join("\n")}\n`);
    let err = "";
    const sink = Object.assign(new Writable({ write: (c, _e, cb) => ((err += String(c)), cb()) }), { isTTY: false });
    await scoreFile(csv, { out: join(dir, `s${seq++}.out`), progress: false }, sink);
    expect(err).toContain(`${csv}:2: onCorticosteroids: "maybe" is not a yes/no value`);
    expect(err).toContain(`${csv}:2: date:`);
    expect(err).toContain(`${csv}:2: mayo.stoolFrequency:`);
    expect(err).toContain(`${csv}:5: patientId:`);
  });
});

describe("visitIssues (the bad-visit path) = parseVisit", () => {
  const same = (x: unknown) => {
    const want = parseVisit(x);
    const got = visitIssues(x);
    if (got === null) return false;
    expect(got).toEqual(want.success ? [] : want.issues);
    return true;
  };
  it("on every line of the realistic generator (5% bad lines of every kind)", () => {
    const nd = join(dir, "issues.ndjson");
    spawnSync(process.execPath, [join(root, "bench", "cli-gen-realistic.mjs"), "3000", nd]);
    let taken = 0;
    let bad = 0;
    for (const line of readFileSync(nd, "utf8").split("\n")) {
      if (line === "") continue;
      let v: unknown;
      try {
        v = JSON.parse(line);
      } catch {
        continue;
      }
      if (!parseVisit(v).success) bad++;
      if (same(v)) taken++;
    }
    expect(bad).toBeGreaterThan(100);
    expect(taken).toBeGreaterThan(2800);
  });
  it("on hand-made messy visits", () => {
    const cases: unknown[] = [
      {},
      { patientId: "" },
      { date: "2024-01-01", extra: 1 },
      { patientId: "P", date: "2024-02-30", visitType: "x", zzz: null, mayo: { stoolFrequency: 9, rectalBleeding: -1, extra: true }, labs: { crp: { value: "<5", unit: "mg/L" }, date: "x" } },
      { patientId: "P", date: "2024-01-01", hbi: { wellBeing: 1 }, sesCd: { ileum: { ulcerSize: 4 } }, uceis: { bleeding: 9 }, rutgeerts: "i9", onCorticosteroids: "yes" },
      { patientId: "P", date: "2024-01-01", cdai: { x: 1 }, pro2: null, id: 7 },
      { patientId: "P", date: "2024-01-01", labs: { crp: { value: 1e8, unit: "mg/L" }, fecalCalprotectin: { value: 1, unit: "kg" } } },
      { patientId: "P".repeat(200), date: "2024-1-01", mayo: [], hbi: "x", sesCd: { ileum: null, rectum: { ulcerSize: 3, ulceratedSurface: 3, affectedSurface: 3, narrowing: 3 }, leftColon: { ulcerSize: 3, ulceratedSurface: 3, affectedSurface: 3, narrowing: 3 } } },
      { "1": 1, patientId: "P", date: "2024-01-01", b: 2, a: 3 },
      [],
      null,
      "visit",
    ];
    for (const c of cases) if (!same(c)) expect(c === null || typeof c !== "object" || Array.isArray(c)).toBe(true);
  });
  it("on random broken visits (property)", () => {
    const junk = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer({ min: -2, max: 9 }), fc.double({ noNaN: false }), fc.constantFrom("", "x", "2024-02-30", "2024-01-01", "mg/L", "i2a", "true"), fc.boolean(), fc.constant([]), fc.constant({}));
    const base = { id: "v1", patientId: "P1", date: "2024-01-01", mayo: { stoolFrequency: 1, rectalBleeding: 0, endoscopic: 2, friability: false }, hbi: { wellBeing: 1, abdominalPain: 1, liquidStools: 2, abdominalMass: 0, complications: ["abscess"] }, onCorticosteroids: true, labs: { crp: { value: 5, unit: "mg/L" }, fecalCalprotectin: { value: 120, unit: "ug/g" } } };
    const paths = ["id", "patientId", "date", "mayo", "mayo.stoolFrequency", "mayo.friability", "mayo.extra", "hbi", "hbi.complications", "hbi.liquidStools", "onCorticosteroids", "labs", "labs.crp", "labs.crp.value", "labs.crp.unit", "labs.date", "labs.nope", "rutgeerts", "uceis", "sesCd", "cdai", "pro2", "visitType"];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...paths), junk), { maxLength: 5 }), (edits) => {
        const v = structuredClone(base) as Record<string, unknown>;
        for (const [p, x] of edits) {
          const ks = p.split(".");
          let o: Record<string, unknown> = v;
          for (const k of ks.slice(0, -1)) {
            const next = o[k];
            if (next === null || typeof next !== "object" || Array.isArray(next)) o[k] = {};
            o = o[k] as Record<string, unknown>;
          }
          if (x === undefined) delete o[ks.at(-1)!];
          else o[ks.at(-1)!] = x;
        }
        expect(same(v)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
