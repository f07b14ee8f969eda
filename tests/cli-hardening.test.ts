// The CLI on real and hostile files (issues 12 §3, 13, 19): CSV columns and booleans, no silent drops, errors
// with file, line and value, exit codes, same-file and temporary-file output, BOM/CRLF/encodings, depth limits,
// linear number typing, prototype-named commands, steroid data not invented, CSV output, progress, --jobs.
// In-process where possible; the spawned cases run one esbuild bundle of the CLI (fast start, workers work).
import { spawnSync } from "node:child_process";
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";
import * as fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { BOOLEAN_SPELLINGS_TEXT, isDecimal, kindColumns, readBoolean } from "../src/cli/columns.js";
import { createCsvParser, csvRowToRecord, parseCsvHeader, type CsvRecord } from "../src/cli/csv.js";
import { encodingProblem, IoError } from "../src/cli/io.js";
import { reportFile } from "../src/cli/report.js";
import { depthExceeded, findForbiddenKey, gotValue, parseJsonSafe } from "../src/cli/safeJson.js";
import { progressLine, scoreFile, type ScoreOptions } from "../src/cli/score.js";
import { validateFile, type Problem } from "../src/cli/validate.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dir = mkdtempSync(join(tmpdir(), "ibd-cli-hard-"));
const file = (name: string, text: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const cohort = JSON.parse(readFileSync(join(root, "examples", "data", "cohort.json"), "utf8")) as {
  patients: Record<string, unknown>[];
  courses: Record<string, unknown>[];
  visits: Record<string, unknown>[];
  adverseEvents: Record<string, unknown>[];
};
const uc = cohort.visits.find((v) => v.mayo !== undefined)!;
const cd = cohort.visits.find((v) => v.hbi !== undefined && v.sesCd !== undefined)!;

/** Runs score in-process; returns the summary, output text and stderr text. */
async function score(input: string, options: ScoreOptions & { stderrTTY?: boolean } = {}) {
  let err = "";
  const sink = Object.assign(new Writable({ write: (c, _e, cb) => ((err += String(c)), cb()) }), { isTTY: options.stderrTTY === true });
  const out = options.out ?? join(dir, `out-${Math.random().toString(36).slice(2)}.txt`);
  const s = await scoreFile(input, { progress: false, ...options, out }, sink);
  return { s, out: existsSync(out) ? readFileSync(out, "utf8") : "", err, path: out };
}
const problemsOf = async (p: string, o: Parameters<typeof validateFile>[1] = {}) => {
  const s = await validateFile(p, o);
  return { s, text: s.problems.map((x: Problem) => `${x.line}: ${x.record === undefined ? "" : `${x.record} `}${x.field}: ${x.reason}`).join("\n") };
};

// one bundle of the CLI for the spawned cases (starts in ~0.1 s; a .js entry, so worker threads run)
const bundle = join(dir, "cli.mjs");
beforeAll(() => {
  buildSync({ entryPoints: [join(root, "src", "cli", "index.ts")], bundle: true, platform: "node", format: "esm", outfile: bundle, logLevel: "silent" });
});
const cli = (args: readonly string[], opts: { input?: string; env?: Record<string, string> } = {}) => {
  const r = spawnSync(process.execPath, [bundle, ...args], { encoding: "utf8", cwd: dir, maxBuffer: 1 << 26, ...(opts.input === undefined ? {} : { input: opts.input }), ...(opts.env === undefined ? {} : { env: { ...process.env, ...opts.env } }) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const VISIT_HEAD = "patientId,date,mayo.stoolFrequency,mayo.rectalBleeding,mayo.endoscopic,mayo.friability,onCorticosteroids";

describe("CSV columns (issue 12 §3)", () => {
  it("ignores extra columns with one notice per column, whatever the number of rows", async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `P${i},2024-01-0${(i % 9) + 1},1,0,1,false,Leeds,"note, ${i}",true`);
    const p = file("extra.csv", `${VISIT_HEAD.replace(",onCorticosteroids", "")},site,comment,onCorticosteroids\n${rows.join("\n")}\n`);
    const notices: string[] = [];
    const { s } = await problemsOf(p, { onNotice: (n) => notices.push(`${n.line}: ${n.message}`) });
    expect(s).toMatchObject({ total: 50, valid: 50, invalid: 0 });
    expect(notices).toEqual(['1: column "site" is not a field of a visit: ignored', '1: column "comment" is not a field of a visit: ignored']);
    const r = await score(p);
    expect(r.s).toMatchObject({ read: 50, written: 50, bad: 0 });
    expect(r.err.match(/note: column/g)).toHaveLength(2);
    expect(JSON.parse(r.out.split("\n")[0]!)).not.toHaveProperty("site");
  });
  it("--strict makes each extra column an error, reported once at the header", async () => {
    const p = file("strict.csv", `${VISIT_HEAD},site\nP1,2024-01-01,1,0,1,false,true,Leeds\nP2,2024-01-01,1,0,1,false,true,York\n`);
    const { s, text } = await problemsOf(p, { strict: true });
    expect(text).toBe('1: (header): column "site" is not a field of a visit (--strict)');
    expect(s).toMatchObject({ total: 2, invalid: 2 });
    const r = await score(p, { strict: true });
    expect(r.s).toMatchObject({ written: 0, unread: 2 });
    expect(r.err.match(/\(--strict\)/g)).toHaveLength(1);
  });
  it("a missing required column is one header-level error, not one per row", async () => {
    const p = file("nodate.csv", `patientId,mayo.stoolFrequency,mayo.rectalBleeding\n${Array.from({ length: 30 }, (_, i) => `P${i},1,1`).join("\n")}\n`);
    const { s, text } = await problemsOf(p);
    expect(text).toBe("1: (header): missing column: date");
    expect(s).toMatchObject({ total: 30, invalid: 30 });
    expect(s.problems).toHaveLength(1);
    expect((await problemsOf(file("nopid.csv", "id,sex,birthDate,diagnosis,diagnosisDate\nA,female,1990-01-01,UC,2010-01-01\n"))).text).toBe("");
    expect((await problemsOf(file("nosex.csv", "id,birthDate,diagnosis,diagnosisDate\nA,1990-01-01,UC,2010-01-01\n"))).text).toMatch(/^1: \(header\): missing column: sex$/);
  });
  it("a header whose record kind cannot be told is one error (pass --kind)", async () => {
    const { s, text } = await problemsOf(file("what.csv", "a,b\n1,2\n3,4\n"));
    expect(text).toMatch(/^1: \(header\): cannot tell .* pass --kind$/);
    expect(s.problems).toHaveLength(1);
  });
  it("reads booleans as real exports write them (TRUE/FALSE, True/False, yes/no, 1/0, any case)", () => {
    for (const t of ["TRUE", "True", "true", "tRuE", "yes", "YES", "Yes", "1", " 1 "]) expect(readBoolean(t)).toBe(true);
    for (const f of ["FALSE", "False", "false", "no", "NO", "No", "0"]) expect(readBoolean(f)).toBe(false);
    for (const x of ["", "y", "n", "2", "-1", "on", "off", "t", "f", "truee", "null"]) expect(readBoolean(x)).toBeNull();
    const h = parseCsvHeader(VISIT_HEAD.split(","));
    if (!h.ok) throw new Error(h.reason);
    const rec = csvRowToRecord(h.columns, ["P1", "2024-01-01", "1", "0", "1", "TRUE", "no"]);
    expect(rec).toMatchObject({ ok: true });
    if (!rec.ok) return;
    expect(JSON.parse(JSON.stringify(rec.value))).toEqual({ patientId: "P1", date: "2024-01-01", mayo: { stoolFrequency: 1, rectalBleeding: 0, endoscopic: 1, friability: true }, onCorticosteroids: false });
  });
  it("a 1 in a boolean column is true, in a number column the number 1", () => {
    const h = parseCsvHeader(["patientId", "date", "mayo.friability", "mayo.endoscopic"]);
    if (!h.ok) throw new Error(h.reason);
    const r = csvRowToRecord(h.columns, ["1", "2024-01-01", "1", "1"]);
    if (!r.ok) throw new Error(r.reason);
    expect(JSON.parse(JSON.stringify(r.value))).toEqual({ patientId: "1", date: "2024-01-01", mayo: { friability: true, endoscopic: 1 } });
  });
  it("an unaccepted boolean lists the accepted spellings and shows the value; every bad cell of a row is reported", async () => {
    const p = file("bool.csv", `${VISIT_HEAD}\nP1,2024-01-01,x1,0,1,maybe,si\n`);
    const { text } = await problemsOf(p);
    expect(text.split("\n")).toEqual([
      '2: mayo.stoolFrequency: "x1" is not a number',
      `2: mayo.friability: "maybe" is not a yes/no value; accepted: ${BOOLEAN_SPELLINGS_TEXT}`,
      `2: onCorticosteroids: "si" is not a yes/no value; accepted: ${BOOLEAN_SPELLINGS_TEXT}`,
    ]);
  });
  it("empty cells and NA are not recorded (never read as false or 0)", () => {
    const h = parseCsvHeader(VISIT_HEAD.split(","));
    if (!h.ok) throw new Error(h.reason);
    const r = csvRowToRecord(h.columns, ["P1", "2024-01-01", "NA", "", "1", "NA", ""]);
    if (!r.ok) throw new Error(r.reason);
    expect(JSON.parse(JSON.stringify(r.value))).toEqual({ patientId: "P1", date: "2024-01-01", mayo: { endoscopic: 1 } });
  });
  it("an empty list cell is an empty list inside a recorded block, and never creates the block", () => {
    const h = parseCsvHeader(["patientId", "date", "mayo.stoolFrequency", "hbi.wellBeing", "hbi.abdominalPain", "hbi.liquidStools", "hbi.abdominalMass", "hbi.complications"]);
    if (!h.ok) throw new Error(h.reason);
    const ucRow = csvRowToRecord(h.columns, ["P1", "2024-01-01", "1", "", "", "", "", ""]);
    const cdRow = csvRowToRecord(h.columns, ["P2", "2024-01-01", "", "1", "1", "2", "0", ""]);
    if (!ucRow.ok || !cdRow.ok) throw new Error("row");
    expect(JSON.parse(JSON.stringify(ucRow.value))).toEqual({ patientId: "P1", date: "2024-01-01", mayo: { stoolFrequency: 1 } });
    expect(JSON.parse(JSON.stringify(cdRow.value))).toEqual({ patientId: "P2", date: "2024-01-01", hbi: { wellBeing: 1, abdominalPain: 1, liquidStools: 2, abdominalMass: 0, complications: [] } });
  });
  it("every visit field has a column type from the schema; prototype-named columns are not fields", () => {
    const v = kindColumns("visit");
    expect(v.types.get("mayo.friability")).toBe("boolean");
    expect(v.types.get("hbi.complications")).toBe("list");
    expect(v.types.get("labs.crp.value")).toBe("number");
    expect(v.types.get("labs.crp.unit")).toBe("text");
    expect(v.required).toEqual(["patientId", "date"]);
    for (const k of ["toString", "valueOf", "hasOwnProperty", "isPrototypeOf", "constructor", "__proto__"]) expect(v.types.get(k)).toBeUndefined();
    const h = parseCsvHeader(["patientId", "date", "toString", "valueOf", "hasOwnProperty"]);
    expect(h).toMatchObject({ ok: true, notices: ['column "toString" is not a field of a visit: ignored', 'column "valueOf" is not a field of a visit: ignored', 'column "hasOwnProperty" is not a field of a visit: ignored'] });
  });
});

describe("linear-time parsing of hostile cells and lines (issue 13)", () => {
  it("isDecimal agrees with the decimal grammar on generated text", () => {
    const re = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
    const piece = fc.constantFrom("0", "7", "12", ".", "-", "+", "e", "E", "x", " ", "1e5");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const t = parts.join("");
        expect(isDecimal(t)).toBe(re.test(t));
      }),
      { numRuns: 5000, seed: 13 },
    );
  });
  it("a 200,000-digit cell (with and without a bad last character) is typed without backtracking", () => {
    const h = parseCsvHeader(["patientId", "date", "mayo.endoscopic"]);
    if (!h.ok) throw new Error(h.reason);
    const digits = "1".repeat(200_000);
    expect(isDecimal(digits)).toBe(true);
    expect(isDecimal(`${digits}x`)).toBe(false);
    expect(isDecimal(`${digits}.${digits}e`)).toBe(false);
    const big = csvRowToRecord(h.columns, ["P1", "2024-01-01", digits]);
    expect(big).toMatchObject({ ok: false, reason: expect.stringMatching(/too large a number/) });
    const bad = csvRowToRecord(h.columns, ["P1", "2024-01-01", `${digits}x`]);
    expect(bad).toMatchObject({ ok: false, reason: expect.stringMatching(/"1{40}…\(200001 characters\)" is not a number/) });
    const untyped = parseCsvHeader(["a"], { kind: null });
    if (!untyped.ok) throw new Error("header");
    expect(csvRowToRecord(untyped.columns, [`${digits}x`])).toMatchObject({ ok: true });
  });
  it("rejects a 60 KB line nested 30,000 levels deep by a scan, before any recursive work", async () => {
    const deep = `${"[".repeat(30_000)}${"]".repeat(30_000)}`;
    expect(depthExceeded(deep)).toBe(64);
    expect(parseJsonSafe(deep)).toMatchObject({ ok: false, reason: expect.stringMatching(/more than 64 levels deep/) });
    const deepObj = `${'{"a":'.repeat(30_000)}1${"}".repeat(30_000)}`;
    expect(parseJsonSafe(deepObj)).toMatchObject({ ok: false });
    const p = file("deep.ndjson", `${deep}\n${deepObj}\n${JSON.stringify(uc)}\n`);
    const { s, text } = await problemsOf(p);
    expect(s).toMatchObject({ total: 3, valid: 1, invalid: 2 });
    expect(text).toMatch(/^1: \(record\): nests/);
    const r = await score(p);
    expect(r.s).toMatchObject({ read: 3, written: 1, bad: 2 });
    const j = file("deep.json", `{"patients":${deep}}`);
    expect((await problemsOf(j)).text).toMatch(/nests arrays\/objects more than/);
  });
  it("depthExceeded skips brackets inside strings and escapes", () => {
    expect(depthExceeded(JSON.stringify({ a: "[[[[[[[[[[", b: '\\"{{{{' }), 2)).toBe(-1);
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
        const text = JSON.stringify(v);
        const depth = (x: unknown): number => (x !== null && typeof x === "object" ? 1 + Math.max(0, ...Object.values(x as object).map(depth)) : 0);
        const d = depth(v);
        expect(depthExceeded(text, d)).toBe(-1);
        if (d > 0) expect(depthExceeded(text, d - 1)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 2000, seed: 5 },
    );
  });
  it("parseJsonSafe's quick check (no forbidden word, no backslash) never lets a forbidden key through", () => {
    expect(parseJsonSafe('{"a":{"\\u005f\\u005fproto__":1}}')).toMatchObject({ ok: false, field: "a.__proto__" });
    expect(parseJsonSafe('{"a":[{"constructo\\u0072":1}]}')).toMatchObject({ ok: false, field: "a[0].constructor" });
    expect(parseJsonSafe('{"prototype":1}')).toMatchObject({ ok: false });
    expect(parseJsonSafe('{"a":"prototype"}')).toMatchObject({ ok: true });
    const key = fc.constantFrom("a", "b", "__proto__", "constructor", "prototype", "\\u005f\\u005fproto__", "prot\\u006ftype", "x\\ny");
    const text = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: "small" }, fc.constantFrom("1", '"s"', '"constructor"', "null"), fc.array(tie("node"), { maxLength: 3 }).map((xs) => `[${xs.join(",")}]`), tie("obj")),
      obj: fc.array(fc.tuple(key, tie("node")), { maxLength: 3 }).map((es) => `{${es.map(([k, v]) => `"${k}":${v}`).join(",")}}`),
    })).obj;
    fc.assert(
      fc.property(text, (t) => {
        expect(parseJsonSafe(t).ok).toBe(findForbiddenKey(JSON.parse(t)) === null);
      }),
      { numRuns: 1000, seed: 7 },
    );
  });
  it("findForbiddenKey finds a key deep down and builds its path once", () => {
    let v: unknown = { __proto__x: 1 };
    v = JSON.parse(`${'{"a":'.repeat(5000)}{"constructor":1}${"}".repeat(5000)}`);
    const f = findForbiddenKey(v);
    expect(f?.key).toBe("constructor");
    expect(f?.path).toHaveLength(5001);
  });
});

describe("errors name file and line and show the value (issue 12 §3)", () => {
  it("gotValue shows values, cuts long ones, never echoes identifiers", () => {
    const rec = { patientId: "SECRET-123", mayo: { stoolFrequency: 9 }, note: "x".repeat(200) };
    expect(gotValue(rec, ["mayo", "stoolFrequency"])).toBe("; got 9");
    expect(gotValue(rec, ["patientId"])).toBe("; got an identifier of 10 characters");
    expect(gotValue(rec, ["note"])).toMatch(/^; got "x{59}…\(202 characters\)$/);
    expect(gotValue(rec, ["missing"])).toBe("");
    expect(gotValue(rec, ["toString"])).toBe("");
    expect(gotValue(rec, ["__proto__"])).toBe("");
  });
  it("score messages: file:line: field: reason; got value (NDJSON and CSV)", async () => {
    const p = file("msg.ndjson", `${JSON.stringify(uc)}\n${JSON.stringify({ ...uc, mayo: { ...(uc.mayo as object), stoolFrequency: 7 } })}\n`);
    const r = await score(p);
    expect(r.err).toMatch(new RegExp(`^${p.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}:2: mayo\\.stoolFrequency: .*; got 7$`, "m"));
    const c = file("msg.csv", `${VISIT_HEAD}\nP1,2024-02-30,1,0,1,true,false\n`);
    const rc = await score(c);
    expect(rc.err).toMatch(/msg\.csv:2: date: .*; got "2024-02-30"/);
  });
});

describe("encodings, BOM and CRLF: the same for every command and format", () => {
  const visits = [uc, cd].map((v) => JSON.stringify(v));
  const csvText = `${VISIT_HEAD}\r\nP1,2024-01-01,1,0,1,true,false\r\n`;
  const cohortText = JSON.stringify(cohort, null, 1).replace(/\n/g, "\r\n");
  it.each([
    ["ndjson", `${visits.join("\r\n")}\r\n`, 2],
    ["csv", csvText, 1],
    ["json", cohortText, cohort.patients.length + cohort.courses.length + cohort.visits.length + cohort.adverseEvents.length],
  ])("%s with a UTF-8 BOM and CRLF validates like without", async (ext, text, n) => {
    const a = await validateFile(file(`plain.${ext}`, (text as string).replace(/\r\n/g, "\n")));
    const b = await validateFile(file(`bom.${ext}`, `\ufeff${text as string}`));
    expect(b).toMatchObject({ total: n, invalid: 0 });
    expect(a).toMatchObject({ total: n, invalid: 0 });
  });
  it("score and report accept a BOM too", async () => {
    const r = await score(file("bom-s.ndjson", `\ufeff${visits.join("\n")}\n`));
    expect(r.s).toMatchObject({ read: 2, written: 2, bad: 0 });
    const rc = await score(file("bom-s.csv", `\ufeff${csvText}`));
    expect(rc.s).toMatchObject({ read: 1, written: 1, bad: 0 });
    const rep = await reportFile(file("bom-cohort.json", `\ufeff${cohortText}`), { profile: "mao2025", out: join(dir, "rep-bom") });
    expect(rep.written).toBe(true);
  });
  it("UTF-16 files are refused by every command with one line saying how to convert", async () => {
    const u16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${visits[0]}\n`, "utf16le")]);
    expect(encodingProblem(u16)).toMatch(/UTF-16/);
    for (const name of ["u16.ndjson", "u16.csv", "u16.json"]) {
      const p = file(name, u16);
      await expect(validateFile(p)).rejects.toThrow(IoError);
      await expect(validateFile(p)).rejects.toThrow(/UTF-16 .*not UTF-8; convert it/);
    }
    await expect(score(file("u16s.ndjson", u16))).rejects.toThrow(/UTF-16/);
    await expect(reportFile(file("u16r.json", u16), { profile: "mao2025", out: join(dir, "rep16") })).rejects.toThrow(/UTF-16/);
  });
  it("a line that is not UTF-8 (Latin-1 bytes) is a problem of that line in every format", async () => {
    const latin = (s: string) => Buffer.from(s, "latin1");
    const nd = file("latin.ndjson", Buffer.concat([Buffer.from(`${visits[0]}\n`), latin(`{"patientId":"Jos\xe9","date":"2024-01-01"}\n`)]));
    expect((await problemsOf(nd)).text).toMatch(/^2: \(record\): is not valid UTF-8/);
    expect((await score(nd)).err).toMatch(/latin\.ndjson:2: \(record\): is not valid UTF-8/);
    const cs = file("latin.csv", Buffer.concat([Buffer.from(`${VISIT_HEAD}\nP1,2024-01-01,1,0,1,true,false\n`), latin("Jos\xe9,2024-01-01,1,0,1,true,false\n")]));
    expect((await problemsOf(cs)).text).toMatch(/^3: \(record\): is not valid UTF-8/);
    const js = file("latin.json", Buffer.concat([Buffer.from('{"patients":[\n'), latin('{"id":"Jos\xe9"}\n'), Buffer.from("]}")]));
    expect((await problemsOf(js)).text).toMatch(/^2: \(record\): is not valid UTF-8/);
  });
  it("an empty input says so (exit 1), in every format", async () => {
    for (const [name, text] of [["e.ndjson", "\n \n"], ["e.csv", `${VISIT_HEAD}\n`], ["e.json", " "], ["e2.json", "[]"], ["e3.json", '{"patients":[]}']] as const) {
      expect((await validateFile(file(name, text))).empty).toBe(true);
    }
    expect((await score(file("e.ndjson", ""))).s.empty).toBe(true);
    expect((await score(file("e2.csv", `${VISIT_HEAD}\n`))).s.empty).toBe(true);
    const r = cli(["validate", join(dir, "e.ndjson")]);
    expect(r).toMatchObject({ code: 1 });
    expect(r.stdout).toMatch(/empty input: no records/);
    expect(cli(["score", join(dir, "e.ndjson")]).stderr).toMatch(/is empty: no records/);
  });
});

describe("outputs: never the input, never half-written (issue 13)", () => {
  const good = `${JSON.stringify(uc)}\n${JSON.stringify(cd)}\n`;
  it("refuses --out that is the input: same path, hard link, symbolic link; the input is untouched", async () => {
    const p = file("same.ndjson", good);
    linkSync(p, join(dir, "same-hard.ndjson"));
    symlinkSync(p, join(dir, "same-sym.ndjson"));
    for (const out of [p, join(dir, "same-hard.ndjson"), join(dir, "same-sym.ndjson"), join(dir, ".", "same.ndjson")]) {
      await expect(score(p, { out })).rejects.toThrow(/is the input/);
      expect(readFileSync(p, "utf8")).toBe(good);
    }
    const r = cli(["score", p, "--out", join(dir, "same-hard.ndjson")]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(readFileSync(p, "utf8")).toBe(good);
  });
  it("a failed run leaves the previous output in place and no temporary file", async () => {
    const sub = join(dir, "keep");
    mkdirSync(sub);
    const out = join(sub, "out.ndjson");
    writeFileSync(out, "previous good output\n");
    // the input is a directory: reading fails after the output was opened
    await expect(score(sub, { out, inputFormat: "ndjson" })).rejects.toThrow(/cannot read .*is a directory/);
    expect(readFileSync(out, "utf8")).toBe("previous good output\n");
    expect(readdirSync(sub)).toEqual(["out.ndjson"]);
    // a successful run replaces it
    await score(file("ok.ndjson", good), { out });
    expect(readFileSync(out, "utf8").split("\n").filter(Boolean)).toHaveLength(2);
    expect(readdirSync(sub)).toEqual(["out.ndjson"]);
  });
  it("missing output directory, unreadable input, full disk: one clear line, exit 2, no stack trace", () => {
    const p = file("io.ndjson", good);
    const cases: [string[], RegExp][] = [
      [["score", p, "--out", join(dir, "no", "such", "dir", "o.ndjson")], /^ibd-outcomes: cannot write .*o\.ndjson: the directory .* does not exist$/],
      [["score", join(dir, "missing.ndjson")], /^ibd-outcomes: cannot read .*missing\.ndjson: no such file or directory$/],
      [["validate", join(dir, "missing.csv")], /^ibd-outcomes: cannot read .*missing\.csv: no such file or directory$/],
      [["report", join(dir, "missing.json")], /^ibd-outcomes: cannot read .*missing\.json: no such file or directory$/],
      [["validate", dir, "--format", "ndjson"], /^ibd-outcomes: cannot read .*: is a directory$/],
    ];
    if (existsSync("/dev/full")) cases.push([["score", p, "--out", "/dev/full"], /^ibd-outcomes: cannot write \/dev\/full: no space left on the device$/]);
    for (const [args, re] of cases) {
      const r = cli(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr.trimEnd(), args.join(" ")).toMatch(re);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
  it("a closed output pipe ends quietly with exit 0", () => {
    const many = file("pipe.ndjson", `${Array.from({ length: 20_000 }, (_, i) => JSON.stringify({ ...uc, id: `v${i}` })).join("\n")}\n`);
    for (const cmd of [`score ${many}`, `score ${many} --format csv`, `validate ${many} --json`]) {
      const r = spawnSync("bash", ["-c", `node ${bundle} ${cmd} 2>${join(dir, "pipe.err")} | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"`], { encoding: "utf8" });
      expect(r.stdout.trim(), cmd).toBe("0");
      expect(readFileSync(join(dir, "pipe.err"), "utf8"), cmd).not.toMatch(/EPIPE|Error/);
    }
  });
});

describe("prototype-named commands and options are unknown (issue 13)", () => {
  it.each(["toString", "constructor", "__proto__", "hasOwnProperty", "valueOf", "main", "help2"])("ibd-outcomes %s f.json is an unknown command (exit 2)", (name) => {
    const r = cli([name, "f.json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command/);
  });
  it("prototype-named options are unknown options", () => {
    for (const o of ["--constructor", "--toString", "--__proto__"]) {
      const r = cli(["validate", "x.ndjson", o]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/unknown option/);
    }
  });
});

describe("report: no silent drops (issue 12 §3, 13)", () => {
  const bad = structuredClone(cohort);
  (bad.patients[0] as Record<string, unknown>).birthDate = "1980-02-30";
  (bad.visits[3] as Record<string, unknown>).date = "2024-13-01";
  bad.adverseEvents.push({ id: "AEx", patientId: "P001", onsetDate: "2024-01-01", term: "x", category: "no-such-category" });
  it("lists every problem and writes nothing without --allow-invalid", async () => {
    const p = file("bad-cohort.json", JSON.stringify(bad, null, 1));
    const out = join(dir, "rep-bad");
    const r = await reportFile(p, { profile: "mao2025", out });
    expect(r.written).toBe(false);
    expect(r.ok).toBe(false);
    expect(existsSync(out)).toBe(false);
    const fields = r.problems.map((x) => `${x.record} ${x.field}`);
    expect(fields).toEqual(expect.arrayContaining(["patients[0] birthDate", "visits[3] date", `adverseEvents[${bad.adverseEvents.length - 1}] category`]));
    expect(r.problems.every((x) => x.line > 1)).toBe(true);
    expect(r.summary).toMatch(/report not written.*--allow-invalid/);
  });
  it("with --allow-invalid writes the report and says how many records of each kind were left out", async () => {
    const p = file("bad-cohort2.json", JSON.stringify(bad, null, 1));
    const r = await reportFile(p, { profile: "mao2025", out: join(dir, "rep-allow"), allowInvalid: true });
    expect(r.written).toBe(true);
    expect(r.summary).toMatch(/left out \(--allow-invalid\): 1 patient, 1 treatment course, \d+ visits, \d+ adverse events/);
    const c = cli(["report", p, "--out", join(dir, "rep-allow-cli"), "--allow-invalid"]);
    expect(c.code).toBe(0);
    expect(c.stderr).toMatch(/bad-cohort2\.json:\d+: patients\[0\] birthDate: .*; got "1980-02-30"/);
    const d = cli(["report", p, "--out", join(dir, "rep-deny-cli")]);
    expect(d.code).toBe(1);
    expect(existsSync(join(dir, "rep-deny-cli"))).toBe(false);
  });
  it('a patient id "__proto__" (or "constructor") does not break report', async () => {
    const c = structuredClone(cohort);
    const old = c.patients[0]!.id as string;
    for (const coll of [c.courses, c.visits, c.adverseEvents]) for (const r of coll) if (r.patientId === old) r.patientId = "__proto__";
    c.patients[0]!.id = "__proto__";
    const old2 = c.patients[1]!.id as string;
    for (const coll of [c.courses, c.visits, c.adverseEvents]) for (const r of coll) if (r.patientId === old2) r.patientId = "constructor";
    c.patients[1]!.id = "constructor";
    const r = await reportFile(file("proto-cohort.json", JSON.stringify(c)), { profile: "mao2025", out: join(dir, "rep-proto") });
    expect(r.problems).toEqual([]);
    expect(r.written).toBe(true);
    expect(r.analysis!.flow.screened).toBe(cohort.patients.length);
    expect(({} as Record<string, unknown>).find).toBeUndefined();
  });
  it("validate reports a visit's own problems even when its patient is invalid", async () => {
    const c = { patients: [{ id: "P1", sex: "male", birthDate: "1980-02-30", diagnosis: "UC", diagnosisDate: "2010-01-01" }], visits: [{ patientId: "P1", date: "2024-01-01", mayo: { stoolFrequency: 9 } }, { patientId: "P1", date: "2024-01-02" }] };
    const { s, text } = await problemsOf(file("dep.json", JSON.stringify(c, null, 2)));
    expect(text).toMatch(/patients\[0\] birthDate: .*"1980-02-30"/);
    expect(text).toMatch(/visits\[0\] mayo\.stoolFrequency: .*; got 9/);
    expect(text).toMatch(/visits\[1\] patientId: refers to no valid patient/);
    expect(s).toMatchObject({ total: 3, invalid: 3 });
  });
  it("array holes in a cohort are reported records, never skipped", async () => {
    const p = file("holes.json", '{"patients":[null,,{"id":"x"}]}'.replace(",,", ",null,"));
    const { s } = await problemsOf(p);
    expect(s).toMatchObject({ total: 3, invalid: 3 });
  });
});

describe("score: steroid data is never invented (issue 12 §1, CLI part)", () => {
  const base = { patientId: "S1", date: "2024-01-01", mayo: { stoolFrequency: 0, rectalBleeding: 0, endoscopic: 0, friability: false, physicianGlobal: 0 } };
  const lines = [
    JSON.stringify(base), // byte-level path, no steroid field
    JSON.stringify({ ...base, onCorticosteroids: true }),
    JSON.stringify({ ...base, onCorticosteroids: false }),
    JSON.stringify(base).replace(/,"/g, ', "'), // JSON.parse path, no steroid field
  ];
  it.each(["w8", "w12", "w26", "w52"])("an absent onCorticosteroids gives not-evaluable for steroid-free endpoints at %s (every path)", async (timepoint) => {
    const p = file(`ster-${timepoint}.ndjson`, `${lines.join("\n")}\n`);
    for (const extra of [{}, { explain: true }]) {
      const r = await score(p, { profile: "mao2025", timepoint, ...extra });
      const out = r.out.trim().split("\n").map((l) => JSON.parse(l) as { classifications: Record<string, string | { status: string; code: string }> });
      const st = (i: number) => {
        const c = out[i]!.classifications.steroidFreeClinicalRemission!;
        return typeof c === "string" ? c : c.status;
      };
      expect(st(0)).toBe("not-evaluable");
      expect(st(3)).toBe("not-evaluable");
      expect(st(1)).toBe("not-met");
      expect(out[0]!.classifications.clinicalRemission).toEqual(out[1]!.classifications.clinicalRemission);
    }
    const c = file(`ster-${timepoint}.csv`, `${VISIT_HEAD}\nS1,2024-01-01,0,0,0,false,\nS1,2024-01-01,0,0,0,false,NA\n`);
    const rc = await score(c, { profile: "mao2025", timepoint });
    for (const l of rc.out.trim().split("\n")) expect((JSON.parse(l) as { classifications: Record<string, string> }).classifications.steroidFreeClinicalRemission).toBe("not-evaluable");
  });
});

describe("UCEIS on the fast paths", () => {
  it("a compact visit with UCEIS is read from the bytes; the fast check accepts exactly what zod accepts", async () => {
    const { byteVisitValid } = await import("../src/cli/byteVisit.js");
    const { isFastValidVisit } = await import("../src/cli/fastVisit.js");
    const { parseVisit } = await import("../src/models/index.js");
    const line = Buffer.from(JSON.stringify({ patientId: "P1", date: "2024-01-01", mayo: { stoolFrequency: 1 }, uceis: { vascularPattern: 1, bleeding: 0, erosionsUlcers: 3 } }));
    expect(byteVisitValid(line, 0, line.length)).toBe(true);
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom("vascularPattern", "bleeding", "erosionsUlcers", "other", "toString"), fc.oneof(fc.integer({ min: -1, max: 4 }), fc.constant(1.5), fc.constant(null))), (u) => {
        const v = { patientId: "P1", date: "2024-01-01", uceis: u };
        const text = Buffer.from(JSON.stringify(v));
        const zod = parseVisit(JSON.parse(text.toString())).success;
        expect(isFastValidVisit(JSON.parse(text.toString()))).toBe(zod);
        if (byteVisitValid(text, 0, text.length)) expect(zod).toBe(true);
      }),
      { numRuns: 3000, seed: 19 },
    );
  });
});

describe("score --format csv writes CSV (issue 12 §3)", () => {
  it("the same scores and statuses as NDJSON, one row per good visit, for NDJSON and CSV input", async () => {
    const p = file("fmt.ndjson", `${cohort.visits.slice(0, 60).map((v) => JSON.stringify(v)).join("\n")}\n{"bad":1}\n`);
    const nd = await score(p, { profile: "mao2025" });
    const cs = await score(p, { profile: "mao2025", format: "csv" });
    expect(cs.s).toMatchObject({ written: 60, bad: 1 });
    const rows: CsvRecord[] = [];
    const parser = createCsvParser((r) => rows.push(r));
    parser.push(cs.out);
    parser.end();
    const [head, ...body] = rows.map((r) => r.fields!);
    expect(head!.slice(0, 5)).toEqual(["id", "patientId", "date", "mayoAdapted.total", "mayoAdapted.band"]);
    expect(body).toHaveLength(60);
    const objs = nd.out.trim().split("\n").map((l) => JSON.parse(l) as { id: string; scores: Record<string, { total: number; band: string | null }>; classifications: Record<string, string> | null });
    body.forEach((row, i) => {
      const o = objs[i]!;
      const cell = (name: string) => row[head!.indexOf(name)];
      expect(cell("id")).toBe(o.id);
      for (const [k, v] of Object.entries(o.scores)) {
        expect(cell(`${k}.total`)).toBe(String(v.total));
        expect(cell(`${k}.band`)).toBe(v.band ?? "");
      }
      if (o.classifications !== null) for (const [k, v] of Object.entries(o.classifications)) expect(cell(`classifications.${k}`)).toBe(v);
    });
    const c = file("fmt.csv", `${VISIT_HEAD},site\nP1,2024-01-01,1,0,1,true,false,"Leeds, UK"\n`);
    const rc = await score(c, { format: "csv" });
    expect(rc.out.split("\n")[0]).toMatch(/^patientId,date,.*,site,mayoAdapted\.total,/);
    expect(rc.out.split("\n")[1]).toMatch(/^P1,2024-01-01,1,0,1,true,false,"Leeds, UK",2,/);
  });
  it("rejects an unknown output format", async () => {
    await expect(score(file("f.ndjson", `${JSON.stringify(uc)}\n`), { format: "xml" })).rejects.toThrow(/--format must be ndjson or csv/);
  });
});

describe("progress and --jobs (issue 12 §3)", () => {
  it("the progress line shows percent and time left when the size is known", () => {
    expect(progressLine(1000, 2, 250, 1000)).toBe(" 25% 1,000 records, 500/s, ETA 0:06");
    expect(progressLine(1000, 2, 1000, 1000)).toBe("100% 1,000 records, 500/s");
    expect(progressLine(1000, 2, 250, null)).toBe("1,000 records, 500/s");
    expect(progressLine(10, 7200, 1, 2)).toMatch(/ETA 2:00:00$/);
  });
  it("messages never overwrite the progress line: each starts on a cleared line", async () => {
    const lines = Array.from({ length: 400 }, (_, i) => (i % 50 === 7 ? '{"patientId":"P","date":"2024-02-30"}' : JSON.stringify({ ...uc, id: `p${i}` })));
    const r = await score(file("prog.ndjson", `${lines.join("\n")}\n`), { progress: true, chunkBytes: 2048 });
    expect(r.err).toMatch(/%/);
    const segments = r.err.split("\n");
    const messages = segments.filter((x) => x.includes("prog.ndjson:"));
    expect(messages).toHaveLength(8);
    for (const m of messages) {
      // what a terminal shows: the text after the last carriage return; after a progress line it must start
      // with "clear to end of line", so no progress text is left beside the message
      const piece = m.slice(m.lastIndexOf("\r") + 1);
      if (m.includes("%")) expect(piece.startsWith("\x1b[K")).toBe(true);
      expect(piece.replace(/^\x1b\[K/, "")).toMatch(/^\/.*prog\.ndjson:\d+: date: .*; got "2024-02-30"$/);
    }
    expect(segments.at(-2)).toMatch(/100% 400 records/);
  });
  it("--jobs says when it cannot help (CSV, more threads than CPUs, no built command)", async () => {
    const c = await score(file("j.csv", `${VISIT_HEAD}\nP1,2024-01-01,1,0,1,true,false\n`), { jobs: 2 });
    expect(c.err).toMatch(/--jobs 2 has no effect: CSV/);
    expect(c.s.jobs).toBe(1);
    const n = await score(file("j.ndjson", `${JSON.stringify(uc)}\n`), { jobs: 2, workerUrl: new URL("../src/cli/index.ts", import.meta.url) });
    expect(n.err).toMatch(/--jobs 2 needs the built command/);
    const many = cli(["score", join(dir, "j.ndjson"), "--jobs", "64"]);
    expect(many.stderr).toMatch(/--jobs 64: only \d+ CPUs? (is|are) available/);
    expect(many.code).toBe(0);
  });
  // a busy machine adds one note (jobs may not be faster there), and the summary's time and job count differ
  const sameMessages = (b: string, a: string) => expect(b.replace(/\(.*\)\n$/, "").replace(/score: --jobs 2: the \d+ CPUs are already busy.*\n/, "")).toBe(a.replace(/\(.*\)\n$/, ""));
  it("--jobs 2 on fewer than 4 CPUs: a file is scored by processes; stdin and IBD_OUTCOMES_JOBS=threads say threads were measured slower and run on one", async () => {
    const r = cli(["score", join(dir, "j.ndjson"), "--jobs", "2"]);
    expect(r.code).toBe(0);
    const t = cli(["score", join(dir, "j.ndjson"), "--jobs", "2"], { env: { IBD_OUTCOMES_JOBS: "threads" } });
    const s = cli(["score", "-", "--jobs", "2"], { input: `${JSON.stringify(uc)}\n` });
    expect(t.code).toBe(0);
    expect(s.code).toBe(0);
    if (availableParallelism() < 4) {
      expect(r.stderr).toMatch(/, 2 processes\)/);
      expect(r.stderr).not.toMatch(/measured slower/);
      for (const x of [t, s]) {
        expect(x.stderr).toMatch(/--jobs 2: on \d CPUs? worker threads were measured slower than one thread/);
        expect(x.stderr).toMatch(/, 1 thread\)/);
      }
    } else expect(r.stderr).not.toMatch(/measured slower/);
    const bad = cli(["score", join(dir, "j.ndjson"), "--jobs", "2"], { env: { IBD_OUTCOMES_JOBS: "fork" } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/IBD_OUTCOMES_JOBS must be "processes" or "threads"; got "fork"/);
  });
  const PROCESSES = { IBD_OUTCOMES_JOBS: "processes" };
  it("--jobs 2 with IBD_OUTCOMES_JOBS=processes: a file is scored by 2 processes (same bytes and messages); stdin runs on one", () => {
    const lines = Array.from({ length: 3000 }, (_, i) => (i % 97 === 3 ? `{"patientId":"P${i}","date":"2024-02-30"}` : JSON.stringify({ ...(i % 3 ? uc : cd), id: `w${i}` })));
    const p = file("parts.ndjson", `${lines.join("\n")}\n`);
    const a = cli(["score", p, "--profile", "mao2025", "--jobs", "1"]);
    const b = cli(["score", p, "--profile", "mao2025", "--jobs", "2"], { env: PROCESSES });
    const s = cli(["score", "-", "--jobs", "2"], { input: `${lines.slice(0, 10).join("\n")}\n`, env: PROCESSES });
    expect(b.code).toBe(a.code);
    expect(b.stdout).toBe(a.stdout);
    sameMessages(b.stderr, a.stderr);
    expect(a.stderr).toMatch(/:4: date: /);
    expect(b.stderr).toMatch(/, 2 processes\)/);
    expect(s.stderr).not.toMatch(/processes\)/);
  });
  it.each([
    ["CRLF, no final newline", (ls: string[]) => ls.join("\r\n")],
    ["a byte-order mark and blank lines", (ls: string[]) => `\ufeff${ls.join("\n\n")}\n\n`],
    ["one line", (ls: string[]) => `${ls[0]}\n`],
    ["one line, no newline", (ls: string[]) => ls[0]!],
    ["bad JSON and bad visits", (ls: string[]) => `${ls.map((l, i) => (i % 5 === 1 ? l.slice(0, 20) : i % 7 === 2 ? l.replace("2024", "2024x") : l)).join("\n")}\n`],
  ])("--jobs 2 = --jobs 1 byte for byte (IBD_OUTCOMES_JOBS=processes): %s", (_name, make) => {
    const lines = Array.from({ length: 40 }, (_, i) => JSON.stringify({ ...(i % 3 ? uc : cd), id: `x${i}` }));
    const p = file(`parts-${_name.replace(/\W+/g, "-")}.ndjson`, make(lines));
    const a = cli(["score", p, "--profile", "mao2025", "--jobs", "1"]);
    const b = cli(["score", p, "--profile", "mao2025", "--jobs", "2"], { env: PROCESSES });
    expect(b.code).toBe(a.code);
    expect(b.stdout).toBe(a.stdout);
    expect(b.stdout.length).toBeGreaterThan(0);
    sameMessages(b.stderr, a.stderr);
    expect(b.stderr).toMatch(/, 2 processes\)/);
  });
  it("splitLines: parts of whole lines covering the file", async () => {
    const { splitLines } = await import("../src/cli/io.js");
    const text = "a\nbb\r\n\nccc\ndddd\ne";
    const p = file(`split.ndjson`, text);
    for (const parts of [1, 2, 3, 4, 9]) {
      const rs = await splitLines(p, parts, 4);
      expect(rs[0]!.start).toBe(0);
      expect(rs.at(-1)!.end).toBe(text.length);
      for (let k = 0; k < rs.length; k++) {
        const r = rs[k]!;
        if (k > 0) expect(r.start).toBe(rs[k - 1]!.end);
        if (k > 0) expect(text[r.start - 1]).toBe("\n");
        expect(r.firstLine).toBe(1);
      }
      expect(rs.length).toBeLessThanOrEqual(parts);
    }
    expect((await splitLines(p, 3, 4)).length).toBe(3);
  });
  it("--jobs 2 (worker threads) writes the same bytes and messages as one thread", () => {
    const lines = Array.from({ length: 3000 }, (_, i) => (i % 97 === 3 ? `{"patientId":"P${i}","date":"2024-02-30"}` : JSON.stringify({ ...(i % 3 ? uc : cd), id: `w${i}` })));
    const p = file("jobs.ndjson", `${lines.join("\n")}\n`);
    const a = cli(["score", p, "--profile", "mao2025", "--jobs", "1"]);
    const b = cli(["score", p, "--profile", "mao2025", "--jobs", "2"], { env: { IBD_OUTCOMES_FORCE_THREADS: "1" } });
    expect(b.stdout).toBe(a.stdout);
    sameMessages(b.stderr, a.stderr);
  });
});
