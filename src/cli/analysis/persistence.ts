/**
 * The report's drug-persistence section: time on upadacitinib until discontinuation, Kaplan–Meier
 * by diagnosis with the log-rank test, a Cox model, and the cumulative incidence of failure with
 * surgery as a competing event.
 */
import { addDaysIso, ageInYears } from "../../_lib/dates.js";
import { coxRegressionTable, cumulativeIncidenceSvg, forestPlotSvg, kaplanMeierSvg, survivalTable } from "../../cohort/index.js";
import type { DisplayTable } from "../../cohort/index.js";
import { drugPersistence, type PersistenceTime } from "../../endpoints/index.js";
import { parseCohort } from "../../models/index.js";
import { coxRegression, cumulativeIncidence, proportionalHazardsTest } from "../../stats/index.js";
import { lastVisitDates, type Analysis } from "./analyse.js";
import type { ReportSection } from "./render.js";

/** The numbers behind the section (for the demo's console output and tests). */
export interface PersistenceSummary {
  readonly cutoffDate: string;
  readonly evaluable: number;
  readonly notEvaluable: readonly { readonly patientId: string; readonly why: string }[];
  /** Discontinuations (events under "any") by diagnosis and reason. */
  readonly byReason: Readonly<Record<"UC" | "CD", Readonly<Record<string, number>>>>;
  /** Discontinuations within the first 12 months of maintenance, by diagnosis. */
  readonly withinYear: Readonly<Record<"UC" | "CD", number>>;
  readonly table: DisplayTable;
  readonly coxTable: DisplayTable;
  readonly logRankP: number | null;
}

/**
 * Builds the persistence section from the raw cohort and its analysis: the included patients'
 * courses, censored at each patient's last visit (the data cut-off is the last visit in the cohort).
 */
export function persistenceSection(input: unknown, a: Analysis): { section: ReportSection; summary: PersistenceSummary } {
  const cohort = parseCohort(input).cohort;
  const dx = new Map<string, "UC" | "CD">();
  for (const id of a.included.UC) dx.set(id, "UC");
  for (const id of a.included.CD) dx.set(id, "CD");
  const { byPatient: lastVisit, last: cutoff } = lastVisitDates(cohort.visits);
  const courses = cohort.courses.filter((c) => dx.has(c.patientId));
  const patients = new Map(cohort.patients.map((p) => [p.id, p]));
  const any = drugPersistence(courses, { cutoffDate: cutoff, lastFollowUp: lastVisit });
  const failure = drugPersistence(courses, { cutoffDate: cutoff, lastFollowUp: lastVisit, event: "failure" });
  const ok = any.filter((r): r is PersistenceTime => r.evaluable);
  const okFailure = failure.filter((r): r is PersistenceTime => r.evaluable);
  const notEvaluable = any.filter((r) => !r.evaluable).map((r) => ({ patientId: r.patientId, why: r.evaluable ? "" : r.why }));
  const group = ok.map((r) => dx.get(r.patientId)!);
  const data = { time: ok.map((r) => r.time), status: ok.map((r) => r.status), group };
  const byReason: Record<"UC" | "CD", Record<string, number>> = { UC: Object.create(null) as Record<string, number>, CD: Object.create(null) as Record<string, number> };
  const withinYear = { UC: 0, CD: 0 };
  ok.forEach((r, i) => {
    if (r.status === 1 && r.reason !== null) {
      const g = group[i]!;
      byReason[g][r.reason] = (byReason[g][r.reason] ?? 0) + 1;
      const c = courses.find((x) => x.patientId === r.patientId && (x.id ?? null) === r.courseId)!;
      const maintenance = c.dosePeriods.find((d) => d.phase === "maintenance")?.startDate ?? null;
      if (maintenance !== null && r.derivation.end <= addDaysIso(maintenance, 365)) withinYear[g]++;
    }
  });
  const labels = { UC: "Ulcerative colitis", CD: "Crohn's disease" };
  const st = survivalTable(data, { times: [182, 365, 456], groupLabels: labels, caption: "Drug persistence on upadacitinib by diagnosis (Kaplan–Meier)", groupTitle: "Diagnosis" });
  // Cox: Crohn's disease vs UC, age at start (per 10 years)
  const X = ok.map((r) => {
    const p = patients.get(r.patientId);
    const start = courses.find((c) => c.patientId === r.patientId)!.startDate;
    return [dx.get(r.patientId) === "CD" ? 1 : 0, p === undefined ? Number.NaN : ageInYears(p.birthDate, start) / 10];
  });
  const rows = X.map((x, i) => ({ x, t: data.time[i]!, s: data.status[i]! })).filter((r) => r.x.every(Number.isFinite));
  const names = ["crohns", "age10"];
  const Xc = rows.map((r) => r.x);
  const fit = coxRegression(Xc, rows.map((r) => r.t), rows.map((r) => r.s), { names });
  const zph = proportionalHazardsTest(Xc, rows.map((r) => r.t), rows.map((r) => r.s), { names });
  const cox = coxRegressionTable(fit, {
    terms: [
      { name: "crohns", label: "Diagnosis", type: "binary", levels: ["UC", "CD"] },
      { name: "age10", label: "Age at start (per 10 years)" },
    ],
    data: { X: Xc, status: rows.map((r) => r.s), names },
    phTest: zph,
    caption: "Cox regression of discontinuation (any reason)",
  });
  const ciData = { time: okFailure.map((r) => r.time), status: okFailure.map((r) => r.cause), group: okFailure.map((r) => dx.get(r.patientId)!) };
  const hasCompeting = ciData.status.some((s) => s === 2);
  const ci = ciData.status.some((s) => s !== 0) ? cumulativeIncidence(ciData.time, ciData.status, { group: ciData.group, times: [456] }) : null;
  const breaks = [0, 91, 182, 273, 365, 456, 547];
  const figures = [
    {
      name: "persistence-km",
      title: "Drug persistence by diagnosis",
      svg: kaplanMeierSvg(data, { title: "Persistence on upadacitinib", xLabel: "Days since start", yLabel: "Still on drug", breaks, groupLabels: labels }),
    },
    {
      name: "persistence-cox-forest",
      title: "Hazard ratios of discontinuation",
      svg: forestPlotSvg(cox.forest, { title: "Discontinuation: hazard ratios", xLabel: "Hazard ratio (log scale)", estimateLabel: "HR" }),
    },
  ];
  if (ci !== null) {
    figures.push({
      name: "persistence-cuminc",
      title: "Cumulative incidence of treatment failure and surgery",
      svg: cumulativeIncidenceSvg(ciData, {
        title: "Failure (lack of efficacy) and surgery",
        xLabel: "Days since start",
        breaks,
        groupLabels: labels,
        causeLabels: { "1": "lack of efficacy", "2": "surgery" },
      }),
    });
  }
  const reasonText = (g: "UC" | "CD"): string =>
    Object.entries(byReason[g])
      .map(([k, v]) => `${k} ${v}`)
      .join(", ") || "none";
  const text = [
    `Time from upadacitinib start to discontinuation (any reason but loss to follow-up), censored at each patient's last visit; data cut-off ${cutoff} (the last visit in the cohort). ${ok.length} courses evaluable${notEvaluable.length > 0 ? `, ${notEvaluable.length} not (${notEvaluable.map((r) => `${r.patientId}: ${r.why}`).join("; ")})` : ""}.`,
    `Discontinuations: UC ${withinYear.UC} and CD ${withinYear.CD} within the first 12 months of maintenance; by reason, UC: ${reasonText("UC")}; CD: ${reasonText("CD")}.`,
    ...(ci !== null
      ? [
          `Cumulative incidence at day 456 (Aalen–Johansen${hasCompeting ? ", surgery competing with failure" : ""}): ${ci.curves
            .map((c) => `${c.group} ${c.cause === 1 ? "failure" : "surgery"} ${c.atTimes?.[0]?.estimate === null || c.atTimes?.[0]?.estimate === undefined ? "n/a" : `${(100 * c.atTimes[0].estimate).toFixed(1)}%`}`)
            .join(", ")}${
            ci.tests !== undefined
              ? `; Gray's test between diagnoses: ${ci.tests.map((t) => `${t.cause === 1 ? "failure" : "surgery"} ${t.warning?.startsWith("no test") === true ? `not computable (${t.warning.replace(/^no test: /, "").replace(/; cmprsk.*$/, "")})` : `p ${t.pValue < 0.001 ? "< 0.001" : `= ${t.pValue.toFixed(3)}`}${t.warning !== undefined ? " (variance estimate not positive definite)" : ""}`}`).join(", ")}`
              : ""
          }.`,
        ]
      : []),
  ];
  return {
    section: { title: "Drug persistence", text, tables: [st.table, cox.table], figures },
    summary: { cutoffDate: cutoff, evaluable: ok.length, notEvaluable, byReason, withinYear, table: st.table, coxTable: cox.table, logRankP: st.logRank?.pValue ?? null },
  };
}
