import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analyseCohort, ruleText } from "./analyse.js";
import { comparePaper, comparisonConsole, contradictionsConsole, MATCH_MARK, type Comparison } from "./compare.js";
import { DEFINITIONS_URL, renderReport } from "./render.js";
import { stride2, mao2025, PROFILES } from "../../endpoints/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
interface RawCohort {
  patients: { id: string; diagnosis: string }[];
  courses: { patientId: string }[];
  visits: { patientId: string; labs?: { fecalCalprotectin?: { value: number } } }[];
  adverseEvents: { patientId: string }[];
}
const example = JSON.parse(readFileSync(join(root, "examples", "data", "cohort.json"), "utf8")) as RawCohort;

/** A cohort that is not the paper's: every third patient dropped, FC values raised by 10%. */
function modifiedCohort(keep: (p: RawCohort["patients"][number], i: number) => boolean = (_p, i) => i % 3 !== 0): RawCohort {
  const c = structuredClone(example);
  const ids = new Set(c.patients.filter(keep).map((p) => p.id));
  const fc = (v: RawCohort["visits"][number]) =>
    v.labs?.fecalCalprotectin === undefined ? v : { ...v, labs: { ...v.labs, fecalCalprotectin: { ...v.labs.fecalCalprotectin, value: Math.round(v.labs.fecalCalprotectin.value * 1.1) } } };
  return {
    patients: c.patients.filter((p) => ids.has(p.id)),
    courses: c.courses.filter((x) => ids.has(x.patientId)),
    visits: c.visits.filter((x) => ids.has(x.patientId)).map(fc),
    adverseEvents: c.adverseEvents.filter((x) => ids.has(x.patientId)),
  };
}

/** Every text a reader sees: Markdown, HTML and the SVG figures. */
const allText = (r: ReturnType<typeof renderReport>) => [r.markdown, r.html, ...r.figures.map((f) => `${f.name} ${f.title} ${f.svg}`)].join("\n");
/** The paper's numbering and wording. */
const PAPER_WORDING = /Mao|paper|Figure \d|Table \d|Gender|Hormones|Drug Des|2025|week 8\/12|Week 8\/12|Adverse reactions/;

describe("report on a cohort that is not the paper's (stride2)", () => {
  const a = analyseCohort(modifiedCohort(), { profile: "stride2" });
  const r = renderReport(a);
  const text = allText(r);

  it("describes that cohort: no paper numbers, numbering or wording", () => {
    expect(a.compare).toBeNull();
    expect(a.flow.comparison).toBeUndefined();
    expect(text).not.toMatch(PAPER_WORDING);
  });

  it("takes thresholds from the profile (stride2: FC < 250 µg/g, not the paper's 150)", () => {
    expect(stride2.rules.CD.fcNormalisation).toMatchObject({ threshold: 250 });
    expect(r.markdown).toContain("Normal FC (FC < 250 µg/g)");
    expect(r.figures.find((f) => f.name === "rates-fcNormalisation")?.svg).toContain("FC &lt; 250 µg/g");
    expect(text).not.toMatch(/150 µg\/g/);
    expect(r.markdown).toContain("Profile: stride2");
    // the endoscopic remission rule is stride2's (SES-CD ≤ 2 and no ulcers), not the paper's SES-CD ≤ 3
    expect(a.endpoints.find((e) => e.id === "endoscopicRemission")?.definition).toBe("UC: Mayo endoscopic subscore = 0; CD: SES-CD ≤ 2 and SES-CD ulcers (1 = present) = 0");
  });

  it("labels time points as people write them", () => {
    expect(a.times.map((t) => t.label)).toEqual(["Week 0", "Induction (UC wk 8 / CD wk 12)", "Week 26", "Week 52", "Week 78"]);
    expect(r.markdown).toContain("| Induction (UC wk 8 / CD wk 12) |");
    expect(r.markdown).toContain("| Week 26 |");
    expect(text).not.toMatch(/\|\s*(w0|w8|w12|w26|w52|w78|ind)\s*\|/);
  });

  it("uses one p-value style in every table and figure", () => {
    // gtsummary style: <0.001, >0.999 or three decimals; never GraphPad's "P<0.0001" or "P=0.0313"
    expect(text).not.toMatch(/P[<=]\d/);
    const ps = [...r.markdown.matchAll(/\| (<0\.001|>0\.999|0\.\d+|1\.000)<sup>/g)].map((m) => m[1]!);
    expect(ps.length).toBeGreaterThan(20);
    for (const p of ps) expect(p).toMatch(/^(<0\.001|>0\.999|\d\.\d{3})$/);
  });

  it("uses one percentage precision per table", () => {
    for (const block of r.markdown.split("\n\n**").slice(1)) {
      const digits = new Set([...block.matchAll(/\((\d+(?:\.(\d+))?)%\)/g)].map((m) => (m[2] ?? "").length));
      expect(digits.size, block.slice(0, 60)).toBeLessThanOrEqual(1);
    }
  });

  it("shows — where a row does not apply to a group (Montreal classes are disease-specific)", () => {
    const row = (label: string) => r.markdown.split("\n").find((l) => l.startsWith(`| ${label} |`));
    // columns: Variable | All | UC | CD
    expect(row("Montreal L3 (location)")).toMatch(/^\| Montreal L3 \(location\) \| — \| — \| \d+ \(\d+\.\d%\) \|$/);
    expect(row("Montreal E3 (extent)")).toMatch(/^\| Montreal E3 \(extent\) \| — \| \d+ \(\d+\.\d%\) \| — \|$/);
    // lab tables name the baseline as people write it
    expect(r.markdown).toContain("p vs Week 0");
    expect(r.markdown).not.toMatch(/vs w0|against w0/);
  });

  it("lab figures show n and are split by diagnosis by default", () => {
    const fc = r.figures.find((f) => f.name === "lab-fc")!;
    expect(fc.title).toBe("FC by diagnosis");
    expect(fc.svg).toMatch(/n: UC \d+ · CD \d+/);
    const pooled = renderReport(analyseCohort(modifiedCohort(), { profile: "stride2", labsBy: "all" })).figures.find((f) => f.name === "lab-fc")!;
    expect(pooled.svg).toMatch(/n = \d+/);
  });

  it("says how many patients were not evaluable, and why that counts as not met", () => {
    // stride2's CD response reads PRO2, which this cohort does not record
    expect(r.markdown).toMatch(/Not evaluable \(an input was not recorded; counted as not met\): .*CD Induction \(UC wk 8 \/ CD wk 12\) \d+\/\d+/);
  });

  it("links the definitions page by the package's URL, never a private path", () => {
    expect(r.markdown).toContain(DEFINITIONS_URL);
    expect(text).not.toMatch(/shared\//);
  });
});

describe("report on one diagnosis and on a profile that defines an endpoint for one disease only", () => {
  it("a CD-only cohort: no UC column, induction = week 12", () => {
    const a = analyseCohort(modifiedCohort((p) => p.diagnosis === "CD"), { profile: "mao2025" });
    const r = renderReport(a);
    expect(a.included.UC).toEqual([]);
    expect(a.times.find((t) => t.key === "ind")?.label).toBe("Induction (week 12)");
    expect(r.markdown).not.toMatch(/UC<br>N = /);
    expect(r.markdown).toContain("Characteristics at upadacitinib start (CD)");
    // the user chose the mao2025 profile, whose id and title name the paper; nothing else may
    expect(allText(r).replaceAll(a.profile.title, "").replaceAll("mao2025", "")).not.toMatch(PAPER_WORDING);
  });

  it("uExcel (CD only): UC cells are —, not 0/N", () => {
    const a = analyseCohort(modifiedCohort(), { profile: "uExcel" });
    const info = a.endpoints.find((e) => e.id === "endoscopicRemission")!;
    expect(info.applies.UC).toEqual([]);
    const md = renderReport(a).markdown;
    const table = md.split("\n\n**").find((b) => b.startsWith("Endoscopic remission"))!;
    const induction = table.split("\n").find((l) => l.startsWith("| Induction"))!;
    const cells = induction.split(" | ");
    expect(cells[1]).toBe("—"); // UC
    expect(cells[2]).toMatch(/^\d+\/\d+ /); // CD
    expect(a.rates.some((x) => x.endpoint === "endoscopicRemission" && x.group === "UC")).toBe(false);
  });
});

describe("every shipped profile", () => {
  it.each(Object.keys(PROFILES))("%s: a complete report, no paper wording beyond the profile's own name, no NaN", (id) => {
    const a = analyseCohort(modifiedCohort(), { profile: id });
    const r = renderReport(a);
    const text = allText(r).replaceAll(a.profile.title, "").replaceAll(a.profile.id, "");
    expect(text).not.toMatch(/NaN|undefined|Infinity/);
    expect(text).not.toMatch(PAPER_WORDING);
    expect(a.endpoints.length).toBeGreaterThan(0);
    for (const e of a.endpoints) {
      // a rule defined for one disease only is prefixed by that disease and says the other has none
      if (e.applies.UC.length === 0 || e.applies.CD.length === 0) expect(e.definition).toMatch(/^(UC|CD): .*; (UC|CD): not defined by /);
    }
  });
});

describe("--compare mao2025", () => {
  const cohort = modifiedCohort(() => true);
  const a = analyseCohort(cohort, { profile: "mao2025", compare: "mao2025", labsBy: "all" });
  const r = renderReport(a);

  it("adds the paper's numbering and reported flow only when asked", () => {
    expect(r.markdown).toContain("Table 1 Patient demographics and baseline characteristics");
    expect(r.figures.map((f) => f.name)).toContain("figure4-flow");
    expect(a.flow.comparison?.reportedArithmetic.statedIncluded).toBe(80);
  });

  it("rejects unknown comparisons and options", () => {
    expect(() => analyseCohort(cohort, { compare: "nope" as never })).toThrow(/options\.compare must be "mao2025"/);
    expect(() => analyseCohort(cohort, { profil: "mao2025" } as never)).toThrow(/options\.profil is not an option/);
    expect(() => analyseCohort(cohort, { labsBy: "site" as never })).toThrow(TypeError);
  });

  it("prints the comparison readable at 100 columns, labels wrapped not cut, matches marked", () => {
    const rows = comparePaper(a);
    const text = comparisonConsole(rows, 100);
    for (const line of text.split("\n")) expect(line.length, line).toBeLessThanOrEqual(100);
    for (const line of contradictionsConsole(100).split("\n")) expect(line.length, line).toBeLessThanOrEqual(100);
    expect(text).not.toContain("…");
    // every label appears whole (its words in order, across wrapped lines)
    const flat = text.replace(/\s+/g, " ");
    for (const row of rows.slice(0, 40)) for (const w of row.label.split(" ")) expect(flat).toContain(w);
    const matched = text.split("\n").filter((l) => l.endsWith(MATCH_MARK.yes));
    expect(matched.length).toBe(rows.filter((x) => x.match === true).length);
  });

  it("marks a differing value as such", () => {
    const row: Comparison = { section: "S", id: "x", label: "A label long enough to need wrapping when the console is narrow, as here", reproduced: "1", paper: "2", match: false };
    const text = comparisonConsole([row], 60);
    expect(text).toContain(MATCH_MARK.no);
    for (const line of text.split("\n")) expect(line.length).toBeLessThanOrEqual(60);
  });
});

describe("ruleText", () => {
  it("reads the profiles' rules in words", () => {
    expect(ruleText(stride2.rules.CD.fcNormalisation!)).toBe("FC < 250 µg/g");
    expect(ruleText(mao2025.rules.CD.clinicalResponse!)).toBe("HBI drop from baseline ≥ 3 or HBI drop from baseline ≥ 50%");
    expect(ruleText(mao2025.rules.UC.steroidFreeClinicalRemission!)).toBe("(adapted Mayo score ≤ 2 and every adapted Mayo subscore ≤ 1) and free of systemic corticosteroids");
  });
});

describe("report sensitivity analyses (estimands)", () => {
  it("every report endpoint has its rates under each estimand, non-responder imputation first, with a figure", async () => {
    const { analyseCohort } = await import("./analyse.js");
    const { renderReport } = await import("./render.js");
    const { readFileSync } = await import("node:fs");
    const input = JSON.parse(readFileSync(new URL("../../../examples/data/cohort.json", import.meta.url), "utf8")) as unknown;
    const a = analyseCohort(input, {});
    const ids = Object.keys(a.library.sensitivity);
    expect(ids.length).toBe(a.endpoints.length);
    for (const id of ids) {
      const r = a.library.sensitivity[id as keyof typeof a.library.sensitivity]!;
      expect(r.estimands[0]).toBe("nri");
      // the primary estimand reproduces the report's own rates (the profile's non-responder imputation)
      for (const rate of r.rates.filter((x) => x.estimand === "nri")) {
        const own = a.library.rates[id as keyof typeof a.library.rates]!.rates.find((x) => x.group === rate.group && x.timepoint === rate.timepoint)!;
        expect(`${rate.events}/${rate.denominator}`).toBe(`${own.events}/${own.denominator}`);
      }
    }
    const rendered = renderReport(a);
    expect(rendered.markdown).toContain("Sensitivity analysis:");
    expect(rendered.figures.some((f) => f.name.startsWith("sensitivity-"))).toBe(true);
  });
});

describe("report adverse events by system organ class with exposure-adjusted rates", () => {
  it("counts the same patients as the category table, and rates per 100 patient-years from exposureTime", async () => {
    const { analyseCohort } = await import("./analyse.js");
    const { readFileSync } = await import("node:fs");
    const a = analyseCohort(JSON.parse(readFileSync(new URL("../../../examples/data/cohort.json", import.meta.url), "utf8")) as unknown, {});
    const h = a.library.aeHierarchy;
    const any = h.lines.find((l) => l.label === "Any adverse event")!;
    const anyCat = a.library.ae.lines.find((l) => l.category === null || l.category === undefined || l.label.toLowerCase().startsWith("any"))!;
    expect(any.overall?.patients).toBe(anyCat.overall);
    expect(a.library.exposure).not.toBeNull();
    const py = a.library.exposure!.totalPersonYears;
    expect(h.groups.reduce((s, g) => s + (g.exposureYears ?? 0), 0)).toBeCloseTo(py, 9);
    // rate = events / person-years x 100
    expect(any.overall?.ratePer100PatientYears).toBeCloseTo((100 * any.overall!.events) / py, 9);
  });
});

describe("Table 1: a history that was not recorded is unknown, never 'no'", () => {
  it("an absent priorConventionalTherapies list counts as unknown for the 5-ASA row; an empty list as no", () => {
    const base = analyseCohort(modifiedCohort(() => true), { profile: "mao2025" });
    const c = modifiedCohort(() => true) as Omit<RawCohort, "patients"> & { patients: (RawCohort["patients"][number] & { priorConventionalTherapies?: unknown[]; extraintestinalManifestations?: unknown[] })[] };
    const firstUc = c.patients.findIndex((p) => p.diagnosis === "UC" && Array.isArray(p.priorConventionalTherapies) && p.priorConventionalTherapies.length === 0);
    expect(firstUc).toBeGreaterThanOrEqual(0);
    delete c.patients[firstUc]!.priorConventionalTherapies;
    const a = analyseCohort(c, { profile: "mao2025" });
    const row = (x: typeof a) => x.library.table1!.rows.find((r) => r.variable === "asa")!;
    // the count is unchanged (the patient had none), the denominator loses that patient, who is counted missing
    expect(a.table1.binary.find((r) => r.id === "asa")!.uc).toBe(base.table1.binary.find((r) => r.id === "asa")!.uc);
    expect(row(base).missing).toEqual([0, 0]);
    expect(row(a).missing).toEqual([1, 0]);
    expect(row(a).n).toEqual([row(base).n[0]! - 1, row(base).n[1]]);
  });
  it("Table 3: an absent extraintestinalManifestations list is not counted and is named in a note", () => {
    const c = modifiedCohort(() => true) as Omit<RawCohort, "patients"> & { patients: (RawCohort["patients"][number] & { extraintestinalManifestations?: unknown[] })[] };
    const withEim = c.patients.findIndex((p) => p.diagnosis === "CD" && (p.extraintestinalManifestations?.length ?? 0) > 0);
    expect(withEim).toBeGreaterThanOrEqual(0);
    const base = analyseCohort(c, { profile: "mao2025" });
    expect(base.notes.some((n) => /Extraintestinal manifestations: not recorded/.test(n))).toBe(false);
    delete c.patients[withEim]!.extraintestinalManifestations;
    const a = analyseCohort(c, { profile: "mao2025" });
    expect(a.table3["eim"]!.CD).toBe(base.table3["eim"]!.CD - 1);
    expect(a.notes.filter((n) => /Extraintestinal manifestations: not recorded for 1 included patient/.test(n))).toHaveLength(1);
  });
});

describe("one footnote letter per test across the report", () => {
  it("every table of a report on another cohort letters a test the same way", () => {
    const md = renderReport(analyseCohort(modifiedCohort(), { profile: "stride2" })).markdown;
    const notes = [...md.matchAll(/^([a-h]) (Wilcoxon rank sum test|Welch Two Sample t-test|Pearson's Chi-squared test|Fisher's exact test|[A-Z][^\n]* test)$/gm)];
    expect(notes.length).toBeGreaterThan(3);
    const letterOf = new Map<string, Set<string>>();
    for (const [, letter, label] of notes) letterOf.set(label!, (letterOf.get(label!) ?? new Set()).add(letter!));
    for (const [label, letters] of letterOf) expect([label, [...letters]]).toEqual([label, [[...letters][0]]]);
  });
});
