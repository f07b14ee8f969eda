/**
 * The reference figures of Mao et al., "Efficacy and Safety of Upadacitinib for Refractory IBD",
 * Drug Des Devel Ther 2025, as data (clinical-definitions.md §5; paper Tables 1, 3, 4, Figures 4-6).
 * Where the paper contradicts itself (§2.4) the consistent value is the reference and the other
 * statement is kept in `PAPER_CONTRADICTIONS`, which the report prints side by side.
 */

/** Time-point keys of the rates: baseline, induction (UC w8 / CD w12), w26, w52, w78. */
export type RateTime = "w0" | "ind" | "w26" | "w52" | "w78";
/** Endpoints whose n/N the paper reports per group and time point. */
export type RateEndpoint = "steroidFreeClinicalRemission" | "clinicalResponse" | "endoscopicRemission" | "endoscopicResponse" | "crpNormal" | "fcNormal";

/** One count figure: n of N. */
export interface CountFigure {
  readonly id: string;
  readonly label: string;
  readonly group: "UC" | "CD" | "all";
  readonly n: number;
  readonly of: number;
  /** Where it is printed. */
  readonly source: string;
}

const RATES: Record<RateEndpoint, Partial<Record<RateTime, readonly [number, number]>>> = {
  // [UC /28, CD /52]
  steroidFreeClinicalRemission: { ind: [19, 31], w26: [22, 38], w52: [24, 41] },
  clinicalResponse: { ind: [20, 32], w26: [22, 35], w52: [25, 39] },
  endoscopicRemission: { ind: [13, 16], w26: [17, 30], w52: [22, 39] },
  endoscopicResponse: { ind: [17, 30], w26: [18, 35], w52: [22, 44] },
  crpNormal: { w0: [8, 21], ind: [13, 30], w26: [17, 31], w52: [19, 36], w78: [22, 41] },
  fcNormal: { w0: [8, 12], ind: [16, 27], w26: [17, 32], w52: [22, 36], w78: [23, 48] },
};
/** The "all /80" rates the paper prints (Results; §5.1 last row). */
const ALL_RATES: Partial<Record<RateEndpoint, Partial<Record<RateTime, number>>>> = {
  steroidFreeClinicalRemission: { ind: 50, w26: 60, w52: 65 },
  clinicalResponse: { ind: 52, w26: 57, w52: 64 },
  endoscopicRemission: { ind: 29, w26: 47, w52: 61 },
  endoscopicResponse: { ind: 47, w26: 53, w52: 66 },
  crpNormal: { w0: 29, ind: 43, w78: 63 },
  fcNormal: { w0: 20, ind: 43, w78: 71 },
};
export const ENDPOINT_LABELS: Record<RateEndpoint, string> = {
  steroidFreeClinicalRemission: "Steroid-free clinical remission",
  clinicalResponse: "Clinical response",
  endoscopicRemission: "Endoscopic remission",
  endoscopicResponse: "Endoscopic response",
  crpNormal: "Normal CRP (< 8 mg/L)",
  fcNormal: "Normal FC (< 150 µg/g)",
};
export const TIME_LABELS: Record<RateTime, string> = { w0: "Week 0", ind: "Induction (UC wk 8 / CD wk 12)", w26: "Week 26", w52: "Week 52", w78: "Week 78" };

/** Group sizes. */
export const GROUP_N = { UC: 28, CD: 52, all: 80 } as const;

/** §5.1: outcome rates, n of N, per group and time point (Results, Table 1). */
export const PAPER_RATES: readonly (CountFigure & { endpoint: RateEndpoint; time: RateTime })[] = Object.freeze(
  (Object.keys(RATES) as RateEndpoint[]).flatMap((endpoint) =>
    (Object.keys(RATES[endpoint]) as RateTime[]).flatMap((time) => {
      const [uc, cd] = RATES[endpoint][time]!;
      const all = ALL_RATES[endpoint]?.[time];
      const base = { endpoint, time, source: "Results; Table 1" };
      const out: (CountFigure & { endpoint: RateEndpoint; time: RateTime })[] = [
        { ...base, id: `${endpoint}.${time}.UC`, label: `${ENDPOINT_LABELS[endpoint]}, ${TIME_LABELS[time]}`, group: "UC", n: uc, of: 28 },
        { ...base, id: `${endpoint}.${time}.CD`, label: `${ENDPOINT_LABELS[endpoint]}, ${TIME_LABELS[time]}`, group: "CD", n: cd, of: 52 },
      ];
      if (all !== undefined) out.push({ ...base, id: `${endpoint}.${time}.all`, label: `${ENDPOINT_LABELS[endpoint]}, ${TIME_LABELS[time]}`, group: "all", n: all, of: 80, source: "Results" });
      return out;
    }),
  ),
);

/** Binary rows of Table 1 (UC n/28, CD n/52) and the printed p-value with its test (§5.4). */
export interface Table1BinaryRow {
  readonly id: string;
  readonly label: string;
  readonly uc: number;
  readonly cd: number;
  readonly p: string;
  readonly test: "chisq" | "fisher";
}
export const PAPER_TABLE1_BINARY: readonly Table1BinaryRow[] = Object.freeze([
  { id: "male", label: "Male (\"Gender\")", uc: 18, cd: 30, p: "0.566", test: "chisq" },
  { id: "asa", label: "5-ASA", uc: 20, cd: 30, p: "0.226", test: "chisq" },
  { id: "immunosuppressant", label: "Immunosuppressive agents", uc: 7, cd: 27, p: "0.020", test: "chisq" },
  { id: "glucocorticoid", label: "Glucocorticoid (history)", uc: 16, cd: 22, p: "0.205", test: "chisq" },
  { id: "antiTNF", label: "Anti-TNF", uc: 26, cd: 48, p: ">0.999", test: "fisher" },
  { id: "antiIntegrin", label: "Anti-integrin", uc: 23, cd: 10, p: "<0.001", test: "chisq" },
  { id: "il12_23", label: "IL-12/23 and IL-23 inhibitors", uc: 9, cd: 39, p: "<0.001", test: "chisq" },
  { id: "il17a", label: "IL-17A inhibitors", uc: 0, cd: 1, p: ">0.999", test: "fisher" },
  { id: "jak", label: "JAK inhibitors", uc: 6, cd: 3, p: "0.059", test: "fisher" },
  { id: "tripterygium", label: "Tripterygium wilfordii", uc: 0, cd: 1, p: ">0.999", test: "fisher" },
  { id: "methotrexate", label: "Methotrexate", uc: 5, cd: 7, p: "0.744", test: "fisher" },
  { id: "tacrolimus", label: "Tacrolimus", uc: 0, cd: 1, p: ">0.999", test: "fisher" },
  { id: "steroidsAtBaseline", label: "Corticosteroids at baseline (\"Hormones\")", uc: 18, cd: 20, p: "0.027", test: "chisq" },
  { id: "surgery", label: "Surgical history", uc: 3, cd: 33, p: "<0.001", test: "chisq" },
  { id: "eim", label: "Extraintestinal manifestations", uc: 6, cd: 13, p: "0.720", test: "chisq" },
  { id: "fc.w0", label: "FC normal, week 0", uc: 8, cd: 12, p: "0.588", test: "chisq" },
  { id: "fc.ind", label: "FC normal, week 8/12", uc: 16, cd: 27, p: "0.655", test: "chisq" },
  { id: "fc.w26", label: "FC normal, week 26", uc: 17, cd: 32, p: "0.942", test: "chisq" },
  { id: "fc.w52", label: "FC normal, week 52", uc: 22, cd: 36, p: "0.372", test: "chisq" },
  { id: "fc.w78", label: "FC normal, week 78", uc: 23, cd: 48, p: "0.265", test: "fisher" },
  { id: "crp.w0", label: "CRP normal, week 0", uc: 8, cd: 21, p: "0.294", test: "chisq" },
  { id: "crp.ind", label: "CRP normal, week 8/12", uc: 13, cd: 30, p: "0.335", test: "chisq" },
  { id: "crp.w26", label: "CRP normal, week 26", uc: 17, cd: 31, p: "0.924", test: "chisq" },
  { id: "crp.w52", label: "CRP normal, week 52", uc: 19, cd: 36, p: "0.899", test: "chisq" },
  { id: "crp.w78", label: "CRP normal, week 78", uc: 22, cd: 41, p: "0.977", test: "chisq" },
  { id: "er.ind", label: "Endoscopic remission, week 8/12", uc: 13, cd: 16, p: "0.165", test: "chisq" },
  { id: "er.w26", label: "Endoscopic remission, week 26", uc: 17, cd: 30, p: "0.793", test: "chisq" },
  { id: "er.w52", label: "Endoscopic remission, week 52", uc: 22, cd: 39, p: "0.720", test: "chisq" },
  { id: "eresp.ind", label: "Endoscopic response, week 8/12", uc: 17, cd: 30, p: "0.793", test: "chisq" },
  { id: "eresp.w26", label: "Endoscopic response, week 26", uc: 18, cd: 35, p: "0.785", test: "chisq" },
  { id: "eresp.w52", label: "Endoscopic response, week 52", uc: 22, cd: 44, p: "0.545", test: "fisher" },
  { id: "rem.ind", label: "Steroid-free clinical remission, week 8/12", uc: 19, cd: 31, p: "0.468", test: "chisq" },
  { id: "rem.w26", label: "Steroid-free clinical remission, week 26", uc: 22, cd: 38, p: "0.588", test: "chisq" },
  { id: "rem.w52", label: "Steroid-free clinical remission, week 52 (\"28 weeks\")", uc: 24, cd: 41, p: "0.453", test: "chisq" },
  { id: "resp.ind", label: "Clinical response, week 8/12", uc: 20, cd: 32, p: "0.376", test: "chisq" },
  { id: "resp.w26", label: "Clinical response, week 26", uc: 22, cd: 35, p: "0.288", test: "chisq" },
  { id: "resp.w52", label: "Clinical response, week 52", uc: 25, cd: 39, p: "0.128", test: "chisq" },
  { id: "ae", label: "Adverse reactions (patients)", uc: 4, cd: 12, p: "0.348", test: "chisq" },
  { id: "discontinued", label: "Discontinued medication", uc: 2, cd: 11, p: "0.125", test: "fisher" },
]);

/** Continuous rows of Table 1: median (Q1, Q3) per group, Wilcoxon p. */
export interface Table1ContinuousRow {
  readonly id: "ageYears" | "durationYears" | "ageAtDiagnosisYears";
  readonly label: string;
  readonly uc: readonly [number, number, number];
  readonly cd: readonly [number, number, number];
  readonly p: string;
}
export const PAPER_TABLE1_CONTINUOUS: readonly Table1ContinuousRow[] = Object.freeze([
  { id: "ageYears", label: "Age (years)", uc: [51, 38, 60], cd: [34, 29, 42], p: "<0.001" },
  { id: "durationYears", label: "Course of disease (years)", uc: [6, 3, 10], cd: [7, 5, 10.5], p: "0.240" },
  { id: "ageAtDiagnosisYears", label: "Age at diagnosis (years)", uc: [43, 35, 50], cd: [26, 19, 36], p: "<0.001" },
]);

/** Table 3 baseline counts (§5.3). */
export const PAPER_TABLE3: readonly CountFigure[] = Object.freeze([
  ...(
    [
      ["A1", 9], ["A2", 32], ["A3", 11], ["L1", 12], ["L2", 11], ["L3", 27], ["L4", 2], ["B1", 14], ["B2", 23], ["B3", 15], ["p", 37],
    ] as const
  ).map(([k, n]) => ({ id: `montreal.${k}`, label: `Montreal ${k}`, group: "CD" as const, n, of: 52, source: "Table 3" })),
  ...([["E1", 6], ["E2", 10], ["E3", 12]] as const).map(([k, n]) => ({ id: `montreal.${k}`, label: `Montreal ${k}`, group: "UC" as const, n, of: 28, source: "Table 3" })),
  ...(
    [
      ["eim", "EIM", 6, 13], ["eim.eye", "EIM eye", 2, 2], ["eim.skin", "EIM skin", 3, 7], ["eim.joint", "EIM arthritis", 1, 6], ["eim.other", "EIM other organs", 0, 1],
      ["een", "Prior EEN", 8, 21], ["co.thalidomide", "Co-therapy thalidomide", 1, 2], ["co.mesalazine", "Co-therapy mesalazine", 3, 2],
      ["co.infliximab", "Co-therapy infliximab", 0, 1], ["co.vedolizumab", "Co-therapy vedolizumab", 0, 1],
    ] as const
  ).flatMap(([id, label, uc, cd]) => [
    { id: `${id}.UC`, label, group: "UC" as const, n: uc, of: 28, source: "Table 3" },
    { id: `${id}.CD`, label, group: "CD" as const, n: cd, of: 52, source: "Table 3" },
  ]),
]);

/** Table 4 adverse events: patients with the event, all /80, CD /52, UC /28 (§5.2). */
export const PAPER_AE: readonly { category: string; label: string; all: number; cd: number; uc: number }[] = Object.freeze([
  { category: "acneOrSkin", label: "Skin (acne)", all: 7, cd: 5, uc: 2 },
  { category: "infection", label: "Infection", all: 3, cd: 2, uc: 1 },
  { category: "neutropenia", label: "Neutropenia", all: 3, cd: 2, uc: 1 },
  { category: "anemia", label: "Anaemia", all: 4, cd: 3, uc: 1 },
  { category: "ckElevation", label: "Creatine kinase abnormalities", all: 1, cd: 1, uc: 0 },
  { category: "dyslipidemia", label: "Dyslipidaemia", all: 9, cd: 5, uc: 4 },
  { category: "any", label: "Any adverse event (patients)", all: 16, cd: 12, uc: 4 },
  { category: "discontinued", label: "Discontinued", all: 13, cd: 11, uc: 2 },
  { category: "thromboembolism", label: "Thromboembolism", all: 0, cd: 0, uc: 0 },
  { category: "malignancy", label: "Malignancy", all: 0, cd: 0, uc: 0 },
]);

/** Patient flow (Figure 4 / Results): the paper's exclusion counts. */
export const PAPER_FLOW = Object.freeze({
  screened: 122,
  notRefractory: 8,
  under18: 1,
  incompleteData: 23,
  concomitantBiologics: 2,
  other: 10,
  included: 80,
  cd: 52,
  uc: 28,
});

/** Means the paper prints (§5.1 last paragraph, Table 3); reproduced approximately, not asserted. */
export const PAPER_MEANS: readonly { id: string; label: string; value: number; sd?: number; note?: string }[] = Object.freeze([
  { id: "ams.w0", label: "Adapted Mayo, UC baseline, mean ± SD", value: 6.95, sd: 1.78 },
  { id: "ams.w52", label: "Adapted Mayo, UC week 52, mean ± SD", value: 1.18, sd: 0.67, note: "not reachable with 3/28 non-responders scored as observed" },
  { id: "hbi.w0", label: "HBI, CD baseline, mean ± SD", value: 4.6, sd: 1.6 },
  { id: "hbi.w52", label: "HBI, CD week 52, mean ± SD", value: 2.0, sd: 0.5 },
  { id: "fc.w0", label: "FC all, baseline mean (µg/g)", value: 834.6 },
  { id: "fc.ind", label: "FC all, induction mean (µg/g)", value: 233.9 },
  { id: "fc.w78", label: "FC all, week 78 mean (µg/g)", value: 187.1 },
  { id: "crp.w0", label: "CRP all, baseline mean (mg/L)", value: 5.3, note: "incompatible with 51/80 CRP >= 8 mg/L (mean would be >= 5.1 with all normals at 0); see contradictions" },
  { id: "crp.ind", label: "CRP all, induction mean (mg/L)", value: 1.1, note: "incompatible with 37/80 CRP >= 8 mg/L (mean >= 3.7)" },
  { id: "crp.w78", label: "CRP all, week 78 mean (mg/L)", value: 3.0 },
  { id: "esr.w0", label: "ESR all, baseline mean (mm/h)", value: 19.8 },
  { id: "esr.ind", label: "ESR all, induction mean (mm/h)", value: 10.3 },
  { id: "esr.w78", label: "ESR all, week 78 mean (mm/h)", value: 11.3 },
  { id: "alb.w0", label: "Albumin all, baseline mean (g/L)", value: 41.1 },
  { id: "alb.ind", label: "Albumin all, induction mean (g/L)", value: 42.5 },
  { id: "alb.w78", label: "Albumin all, week 78 mean (g/L)", value: 44.2 },
  { id: "vitd.w0", label: "25(OH)D all, baseline mean (nmol/L)", value: 40.3, note: "below the 50 nmol/L normal limit yet 62/80 'normal'" },
  { id: "ucAge", label: "UC age, mean ± SD (Table 3)", value: 49.9, sd: 14.2 },
]);

/** The paper's self-contradictions (§2.4): what it says where, and which value the reproduction uses. */
export const PAPER_CONTRADICTIONS: readonly { topic: string; statements: readonly string[]; used: string }[] = Object.freeze([
  {
    topic: "Patient flow",
    statements: ["Results/Figure 4: 122 screened − 8 − 1 − 23 − 2 − 10 = 78", "Results/Table 1: 80 included (52 CD, 28 UC)", "Table 3: 1 infliximab + 1 vedolizumab co-therapy among the 80"],
    used: "80 included: the 2 CD patients with biologic co-therapy listed in Table 3 are kept (eligibility flags them, the report keeps them by id), so 122 − 8 − 1 − 23 − 10 = 80 and the '−2' row shows 0 excluded.",
  },
  {
    topic: "Discontinuation",
    statements: ["Table 1: UC 2 (7.1%), CD 11 (21.2%)", "Results: 7.1% vs 21.5%", "Discussion: 4 UC (7.1%), 8 CD (21.5%), overall 16.3%", "Abstract: 7.1% CD, 21.5% UC"],
    used: "2/28, 11/52, 13/80 (Table 1; 21.5% is no k/52)",
  },
  { topic: "CD adverse events", statements: ["Table 1, Abstract: 12 (23.1%)", "Results: 21.3%"], used: "12/52 (total 16/80 = 4 + 12)" },
  { topic: "AE and discontinuation p", statements: ["Text: p = 0.355 (AE), 0.108 (discontinuation)", "Table 1: 0.348, 0.125"], used: "Table 1 (reproduces from the counts)" },
  { topic: "UC rates in Discussion", statements: ["Discussion: 85.0%, 67.0%", "Results: 24/28 = 85.7%, 19/28 = 67.9%"], used: "Results" },
  { topic: "CD CRP week 78", statements: ["Results: 78.6% (41/52)", "41/52 = 78.8%"], used: "41/52" },
  { topic: "Impossible values", statements: ["baseline MES 4.0 ± 3.7 (max 3)", "SES-CD median 17 (7.1–13.0)", "mean 25(OH)D 40.3 nmol/L yet 77.5% normal (≥ 50)", "CRP means 5.3 / 1.1 mg/L with 64% / 46% of CRP ≥ 8 mg/L"], used: "not reproduced (reported as paper values only)" },
  { topic: "Table 3 vs Table 1 quartiles", statements: ["Table 3: CD age Q3 41.8, duration Q3 10.8, onset median 25.5", "Table 1: 42, 10.5, 26"], used: "Table 1" },
  { topic: "Table 3 CD percentages", statements: ["IL-12/23+IL-23 48.8%, anti-TNF 60%, JAK 3.8% (÷80)", "÷52: 75.0%, 92.3%, 5.8%"], used: "counts (39, 48, 3 of 52)" },
  { topic: "Table 4", statements: ["dyslipidaemia 9 (11.25%) > acne 7 (8.75%), acne called 'most common'", "UC events 9 > UC patients with AE 4"], used: "counts per patient and category" },
  { topic: "Timing", statements: ["Data cut 30 Mar 2025 with all 52 CD at week 78", "CD approval given as Jan 2024"], used: "synthetic courses start Jan–Jun 2023" },
]);
