import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCsvParser, csvRowToRecord, parseCsvHeader, type CsvRecord } from "../src/cli/csv.js";
import { isFastValidVisit } from "../src/cli/fastVisit.js";
import { classifyVisit, resolveProfile, visitClassifier } from "../src/cli/classifyVisit.js";
import { elementLines } from "../src/cli/records.js";
import { findForbiddenKey, parseJsonSafe } from "../src/cli/safeJson.js";
import { scoreFile } from "../src/cli/score.js";
import { validateFile } from "../src/cli/validate.js";
import { parseVisit } from "../src/models/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tsx = join(root, "node_modules", "tsx", "dist", "cli.mjs");
const cliSrc = join(root, "src", "cli", "index.ts");
const dir = mkdtempSync(join(tmpdir(), "ibd-cli-"));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [tsx, cliSrc, ...args], { encoding: "utf8", cwd: dir });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const cohort = JSON.parse(readFileSync(join(root, "examples", "data", "cohort.json"), "utf8")) as { visits: Record<string, unknown>[] };
const uc = cohort.visits.find((v) => v.mayo !== undefined)!;
const cd = cohort.visits.find((v) => v.hbi !== undefined && v.sesCd !== undefined)!;
const nullSink = () => Object.assign(new Writable({ write: (_c, _e, cb) => cb() }), { isTTY: false });

function csv(text: string, chunk = Infinity): CsvRecord[] {
  const out: CsvRecord[] = [];
  const p = createCsvParser((r) => out.push(r));
  for (let i = 0; i < text.length; i += chunk === Infinity ? text.length : chunk) p.push(text.slice(i, i + (chunk === Infinity ? text.length : chunk)));
  p.end();
  return out;
}

describe("createCsvParser (RFC 4180)", () => {
  const text = 'a,"b ""q""",c\r\n1,"x,\r\ny",3\r\n\r\n4,,"6"\n';
  it("parses quoted fields, doubled quotes, CRLF and line breaks inside quotes", () => {
    expect(csv(text).map((r) => r.fields)).toEqual([
      ["a", 'b "q"', "c"],
      ["1", "x,\r\ny", "3"],
      ["4", "", "6"],
    ]);
  });
  it("gives the same records whatever the chunking (1 character at a time)", () => {
    expect(csv(text, 1)).toEqual(csv(text));
    expect(csv(text, 3)).toEqual(csv(text));
  });
  it("is chunking-invariant on random CSV-like text (quotes, CR, LF, CRLF split anywhere)", () => {
    const piece = fc.constantFrom("a", '"', '""', ",", "\r\n", "\n", "\r", "x");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), fc.integer({ min: 1, max: 4 }), (parts, chunk) => {
        const t = parts.join("");
        expect(csv(t, chunk)).toEqual(csv(t));
      }),
      { numRuns: 3000, seed: 7 },
    );
  });
  it("reports the line each record starts on", () => {
    expect(csv(text).map((r) => r.line)).toEqual([1, 2, 5]);
  });
  it("reports a stray quote and an unterminated quoted field, and resumes", () => {
    const r = csv('a,b"c\n1,2\n"open,3');
    expect(r[0]).toMatchObject({ line: 1, error: expect.stringMatching(/quote/) });
    expect(r[1]).toMatchObject({ line: 2, fields: ["1", "2"] });
    expect(r[2]).toMatchObject({ line: 3, error: expect.stringMatching(/not terminated/) });
  });
  it("drops a UTF-8 byte-order mark", () => {
    expect(csv("\uFEFFa,b\n")[0]!.fields).toEqual(["a", "b"]);
  });
});

describe("CSV rows to records", () => {
  it("builds nested null-prototype objects with typed values; ids and dates stay text", () => {
    const h = parseCsvHeader(["patientId", "date", "mayo.stoolFrequency", "mayo.friability", "hbi.complications"]);
    expect(h.ok).toBe(true);
    if (!h.ok) return;
    const r = csvRowToRecord(h.columns, ["007", "2024-01-02", "2", "true", "arthralgia;uveitis"]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.getPrototypeOf(r.value)).toBeNull();
    expect(JSON.parse(JSON.stringify(r.value))).toEqual({ patientId: "007", date: "2024-01-02", mayo: { stoolFrequency: 2, friability: true }, hbi: { complications: ["arthralgia", "uveitis"] } });
  });
  it.each(["__proto__", "a.constructor", "x.prototype.y"])("rejects the header %s", (h) => {
    expect(parseCsvHeader(["patientId", h])).toMatchObject({ ok: false, reason: expect.stringMatching(/not allowed/) });
  });
  it("rejects a row with the wrong number of fields", () => {
    const h = parseCsvHeader(["a", "b"]);
    if (!h.ok) throw new Error("header");
    expect(csvRowToRecord(h.columns, ["1"])).toMatchObject({ ok: false });
  });
});

describe("prototype-safe JSON", () => {
  it.each([
    ['{"__proto__":{"polluted":1}}', "__proto__"],
    ['{"a":{"constructor":{"prototype":{"polluted":1}}}}', "a.constructor"],
    ['{"a":[{"prototype":1}]}', "a[0].prototype"],
    ['{"\\u005f\\u005fproto__":{"polluted":1}}', "__proto__"],
  ])("rejects %s", (text, field) => {
    expect(parseJsonSafe(text)).toMatchObject({ ok: false, field });
  });
  it("accepts ordinary JSON and finds nothing", () => {
    expect(parseJsonSafe('{"a":[1,{"b":null}]}')).toEqual({ ok: true, value: { a: [1, { b: null }] } });
    expect(findForbiddenKey({ a: 1 })).toBeNull();
  });
  it("leaves Object.prototype clean after validate and score read hostile files", async () => {
    const hostile = [
      '{"__proto__":{"polluted":"yes"},"patientId":"P1","date":"2024-01-01"}',
      '{"patientId":"P1","date":"2024-01-01","mayo":{"constructor":{"prototype":{"polluted":"yes"}}}}',
    ].join("\n");
    const p = file("hostile.ndjson", `${hostile}\n`);
    const v = await validateFile(p, { kind: "visit" });
    expect(v.invalid).toBe(2);
    const s = await scoreFile(p, { out: join(dir, "hostile.out.ndjson") }, nullSink());
    expect(s.bad).toBe(2);
    const h = file("hostile.csv", "patientId,date,__proto__.polluted\nP1,2024-01-01,yes\n");
    expect((await validateFile(h, { kind: "visit" })).problems[0]).toMatchObject({ line: 1, field: "(header)" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")).toBe(false);
  });
});

describe("elementLines", () => {
  it("finds the line each record of a cohort's arrays starts on", () => {
    const text = '{\n "patients": [\n  {"id": "a"},\n  {"id": "b,\\"]"}\n ],\n "visits": [{"x": [1,\n2]}, {"y": 1}]\n}';
    const m = elementLines(text);
    expect(m.get("patients")).toEqual([3, 4]);
    expect(m.get("visits")).toEqual([6, 7]);
  });
});

describe("score fast path", () => {
  it("never accepts what parseVisit rejects (generated variants of real visits)", () => {
    const base = [uc, cd];
    const mutate = fc.record({
      which: fc.integer({ min: 0, max: 1 }),
      path: fc.constantFrom("mayo.stoolFrequency", "mayo.friability", "hbi.liquidStools", "hbi.complications", "sesCd.ileum.narrowing", "sesCd.rectum", "labs.crp.unit", "labs.crp.value", "labs.date", "date", "patientId", "rutgeerts", "extra", "onCorticosteroids"),
      value: fc.oneof(fc.integer({ min: -2, max: 6 }), fc.double(), fc.constant(null), fc.string({ maxLength: 4 }), fc.boolean(), fc.constant(["uveitis", "uveitis"]), fc.constant("2024-02-30"), fc.constant("i2b"), fc.constant("mg/dL")),
    });
    fc.assert(
      fc.property(mutate, ({ which, path, value }) => {
        const v = structuredClone(base[which]!) as Record<string, unknown>;
        const keys = path.split(".");
        let o = v;
        for (const k of keys.slice(0, -1)) {
          if (o[k] === null || typeof o[k] !== "object") o[k] = {};
          o = o[k] as Record<string, unknown>;
        }
        o[keys.at(-1)!] = value;
        const x = JSON.parse(JSON.stringify(v));
        if (isFastValidVisit(x)) expect(parseVisit(x).success).toBe(true);
      }),
      { numRuns: 2000, seed: 42 },
    );
  });
  it("accepts the cohort's visits (they take the fast path)", () => {
    for (const v of cohort.visits) expect(isFastValidVisit(JSON.parse(JSON.stringify(v)))).toBe(true);
  });
});

describe("visit-level classification memo", () => {
  it.each(["mao2025", "uAchieve", "uExcel", "stride2", "classic", "mao2025+A4=classic", "mao2025+A7=referenceRange"])(
    "%s: memoised results equal the library's classifyAssessment for every visit",
    (id) => {
      const r = resolveProfile(id);
      if (!r.ok) throw new Error(r.reason);
      for (const tp of ["w12", "w26"] as const) {
        const memo = visitClassifier(r.profile, tp, 50);
        const visits = [...cohort.visits, ...cohort.visits.slice(0, 60).map((v, i) => ({ ...v, onCorticosteroids: i % 2 === 0 }))];
        for (const raw of [...visits, ...visits]) {
          const v = parseVisit(raw);
          if (!v.success) throw new Error("cohort visit invalid");
          expect(memo.classify(v.data)).toEqual(classifyVisit(v.data, r.profile, tp));
        }
      }
    },
  );
});

describe("scoreFile batches and worker threads", () => {
  const lines = Array.from({ length: 300 }, (_, i) => (i % 37 === 5 ? `{"patientId":"P${i}","date":"2024-02-30"}` : JSON.stringify({ ...(i % 2 ? uc : cd), id: `v${i}` })));
  const p = file("many.ndjson", `${lines.join("\r\n")}\r\n`);
  const badLines = lines.flatMap((l, i) => (l.includes("2024-02-30") ? [i + 1] : []));
  const runScore = async (jobs: number, chunkBytes: number) => {
    let err = "";
    const sink = Object.assign(new Writable({ write: (c, _e, cb) => ((err += String(c)), cb()) }), { isTTY: false });
    const out = join(dir, `many-${jobs}-${chunkBytes}.out`);
    const s = await scoreFile(p, { profile: "mao2025", out, jobs, chunkBytes, workerUrl: new URL("../src/cli/index.ts", import.meta.url) }, sink);
    return { s, out: readFileSync(out, "utf8"), err };
  };
  it("numbers bad lines right across small batches (CRLF input), output in input order", async () => {
    const one = await runScore(1, 1 << 20);
    const small = await runScore(1, 700);
    expect(small.out).toBe(one.out);
    expect(small.err).toBe(one.err);
    expect([...one.err.matchAll(/^line (\d+): date/gm)].map((m) => Number(m[1]))).toEqual(badLines);
    expect(one.s).toMatchObject({ read: 300, bad: badLines.length, written: 300 - badLines.length });
    expect(one.out.split("\n").filter(Boolean).map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(lines.flatMap((l, i) => (l.includes("2024-02-30") ? [] : [`v${i}`])));
  });
});

describe("ibd-outcomes (spawned)", () => {
  it.skipIf(!existsSync(join(root, "dist", "cli.js")))("score --jobs 2 (worker threads, built CLI) writes the same bytes as one thread", () => {
    const lines = Array.from({ length: 2000 }, (_, i) => JSON.stringify({ ...(i % 3 ? uc : cd), id: `w${i}` }));
    const p = file("jobs.ndjson", `${lines.join("\n")}\n`);
    const dist = (...args: string[]) => {
      const r = spawnSync(process.execPath, [join(root, "dist", "cli.js"), ...args], { encoding: "utf8", cwd: dir, maxBuffer: 1 << 26 });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const a = dist("score", p, "--profile", "mao2025", "--jobs", "1");
    const b = dist("score", p, "--profile", "mao2025", "--jobs", "2");
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(b.stderr).toMatch(/2 threads/);
    expect(b.stdout).toBe(a.stdout);
  });

  it.each(["--help", "validate --help", "score --help", "report --help"])("%s prints help and exits 0", (args) => {
    const r = run(...args.split(" "));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: ibd-outcomes/);
  });

  it("exits 2 on a bad command line", () => {
    expect(run("score").code).toBe(2);
    expect(run("frobnicate").code).toBe(2);
    expect(run("validate", "x.ndjson", "--bogus").code).toBe(2);
  });

  it("validate: NDJSON with bad lines reports each with line, field and reason; exit 1", () => {
    const bad = { ...uc, mayo: { ...(uc.mayo as object), stoolFrequency: 7 } };
    const p = file("v.ndjson", [JSON.stringify(uc), JSON.stringify(bad), "", "{not json", JSON.stringify(cd)].join("\n") + "\n");
    const r = run("validate", p);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/v\.ndjson:2: mayo\.stoolFrequency: /);
    expect(r.stdout).toMatch(/v\.ndjson:4: \(record\): is not valid JSON/);
    expect(r.stdout).toMatch(/4 records: 2 valid, 2 invalid/);
  });

  it("validate: a clean file exits 0", () => {
    const p = file("ok.ndjson", `${JSON.stringify(uc)}\n${JSON.stringify(cd)}\n`);
    const r = run("validate", p);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2 records: 2 valid, 0 invalid/);
  });

  it("validate: CSV with CRLF, quotes and a multi-line field keeps physical line numbers", () => {
    const p = file(
      "v.csv",
      'patientId,date,mayo.stoolFrequency,mayo.rectalBleeding,mayo.endoscopic,onCorticosteroids\r\n"P1",2024-01-01,1,0,1,false\r\n"P ""2""\r\nx",2024-01-02,1,0,1,false\r\nP3,2024-02-30,1,0,1,false\r\nP4,2024-01-03,9,0,1,false\r\n',
    );
    const r = run("validate", p, "--kind", "visit");
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/v\.csv:5: date: /);
    expect(r.stdout).toMatch(/v\.csv:6: mayo\.stoolFrequency: /);
    expect(r.stdout).toMatch(/4 records: 2 valid, 2 invalid/);
  });

  it("validate: a JSON cohort reports the bad record's line and collection index", () => {
    const c = { patients: [{ id: "P1", sex: "male", birthDate: "1980-01-01", diagnosis: "UC", diagnosisDate: "2010-01-01" }], visits: [{ patientId: "P1", date: "2024-01-01" }, { patientId: "P9", date: "2024-01-01" }] };
    const p = file("c.json", JSON.stringify(c, null, 2));
    const r = run("validate", p);
    expect(r.code).toBe(1);
    const line = JSON.stringify(c, null, 2).split("\n").findIndex((l) => l.includes('"P9"')) ;
    expect(r.stdout).toContain(`c.json:${line}: visits[1] patientId: refers to no valid patient`);
  });

  it("score: NDJSON in, NDJSON out with scores and statuses; bad lines on stderr with their number, exit 1", () => {
    const p = file("s.ndjson", [JSON.stringify(uc), JSON.stringify(cd), '{"patientId":"P1","date":"2024-13-01"}', JSON.stringify({ ...cd, __proto__x: 1 })].join("\n") + "\n");
    const r = run("score", p, "--profile", "mao2025", "--no-progress");
    expect(r.code).toBe(1);
    const out = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, any>);
    expect(out).toHaveLength(2);
    expect(out[0]!.scores.mayoAdapted.total).toBeTypeOf("number");
    expect(out[1]!.scores.harveyBradshawIndex.total).toBeTypeOf("number");
    expect(out[1]!.classifications.clinicalRemission).toMatch(/^(met|not-met|not-evaluable)$/);
    expect(r.stderr).toMatch(/line 3: date: /);
    expect(r.stderr).toMatch(/line 4: \(record\): /);
    expect(r.stderr).toMatch(/4 lines read, 2 visits written, 2 bad lines skipped/);
    expect(r.stderr).not.toMatch(/\r/); // no progress indicator when stderr is not a terminal
  });

  it("score --profile takes any library profile; unknown profiles exit 2", () => {
    const p = file("prof.ndjson", `${JSON.stringify(cd)}\n`);
    const a = JSON.parse(run("score", p, "--profile", "mao2025+A4=classic").stdout) as Record<string, any>;
    expect(Object.keys(a.classifications)).toContain("steroidFreeClinicalRemission");
    expect(a.classifications.clinicalResponse).toBe("not-evaluable"); // no baseline in one visit
    expect(run("score", p, "--profile", "nope").code).toBe(2);
  });

  it("score --explain gives { status, reason }; fast and slow paths agree", () => {
    const p = file("e.ndjson", `${JSON.stringify(cd)}\n`);
    const fast = JSON.parse(run("score", p, "--profile", "mao2025", "--explain").stdout) as Record<string, any>;
    expect(fast.classifications.endoscopicRemission).toMatchObject({ status: expect.any(String), code: expect.any(String), reason: expect.stringMatching(/ses-?cd/i) });
    const c = file("e.csv", "patientId,date,hbi.wellBeing,hbi.abdominalPain,hbi.liquidStools,hbi.abdominalMass,hbi.complications\nP1,2024-01-01,1,1,2,0,\n");
    const slow = JSON.parse(run("score", c).stdout) as Record<string, any>;
    expect(slow.scores.harveyBradshawIndex.total).toBe(4);
  });

  it("report writes Markdown, HTML with SVG figures", () => {
    const r = run("report", join(root, "examples", "data", "cohort.json"), "--out", join(dir, "rep"));
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, "rep", "report.html"), "utf8");
    expect(html).toMatch(/<svg /);
    expect(readFileSync(join(dir, "rep", "report.md"), "utf8")).toMatch(/Table 1/);
  });
});
