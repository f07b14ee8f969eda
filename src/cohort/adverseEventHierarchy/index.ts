import { describeValue } from "../../_lib/errors.js";
import { isArray } from "../_lib/check.js";
import { fixed } from "../_lib/round.js";
import { poissonConfInt } from "../_lib/stats.js";
import { assertKnownKeys } from "../_lib/summary.js";
import { percentText } from "../formatPercent/index.js";
import type { DisplayCell, DisplayRow, DisplaySpanner, DisplayTable } from "../renderTable/index.js";

const FN = "adverseEventHierarchyTable";

/** A patient at risk: group and, for rates, the time on treatment in years. */
export interface AdverseEventPatient {
  readonly patientId: string;
  readonly group: string;
  /** Exposure (time at risk) in years; required by `rates`. */
  readonly exposureYears?: number;
}

/** An adverse event coded to a system organ class and a preferred term (e.g. MedDRA). */
export interface CodedAdverseEvent {
  readonly patientId: string;
  /** System organ class, e.g. "Blood and lymphatic system disorders". */
  readonly systemOrganClass: string;
  /** Preferred term, e.g. "Neutropenia". */
  readonly preferredTerm: string;
  /** Serious (regulatory definition); absent = not recorded (never read as "not serious"). */
  readonly serious?: boolean;
  /** Led to discontinuation of the treatment; absent = not recorded. */
  readonly ledToDiscontinuation?: boolean;
}

/** Options of {@link adverseEventHierarchyTable}. */
export interface AdverseEventHierarchyTableOptions {
  /** Group order. Default first appearance in `patients`. */
  readonly groups?: readonly string[];
  /** Add an overall column (`null` = none). Default `"Overall"`. */
  readonly overallLabel?: string | null;
  /** Exposure-adjusted rates per 100 patient-years with exact Poisson CIs. Default false. */
  readonly rates?: boolean;
  /** Numerator of the rate: `"events"` (event rate, default) or `"patients"` (patients with at least one event). */
  readonly rateBasis?: "events" | "patients";
  /** Confidence level of the rate intervals. Default 0.95. */
  readonly confLevel?: number;
  /** Percentage decimals. Default 1. */
  readonly percentDigits?: number;
  /** Rate decimals. Default 1. */
  readonly rateDigits?: number;
  readonly caption?: string;
}

/** Counts of one column (a group or overall) on one line. */
export interface AdverseEventCell {
  /** Patients with at least one event. */
  readonly patients: number;
  /** Events. */
  readonly events: number;
  /** Patients in the column (denominator). */
  readonly n: number;
  /** Rate per 100 patient-years and its exact Poisson interval (with `rates`). */
  readonly ratePer100PatientYears?: number;
  readonly rateConfInt?: [number, number];
}

/** One line: a summary line, a system organ class, or a preferred term under it. */
export interface AdverseEventHierarchyLine {
  readonly level: "summary" | "systemOrganClass" | "preferredTerm";
  readonly label: string;
  /** The system organ class a preferred term belongs to. */
  readonly systemOrganClass?: string;
  /** Per group, in group order. */
  readonly cells: AdverseEventCell[];
  readonly overall?: AdverseEventCell;
}

/** Result of {@link adverseEventHierarchyTable}. */
export interface AdverseEventHierarchyTableResult {
  readonly groups: { readonly group: string; readonly n: number; readonly exposureYears?: number }[];
  readonly lines: AdverseEventHierarchyLine[];
  /** Events whose seriousness / discontinuation was not recorded (kept out of those lines, not read as "no"). */
  readonly notRecorded: { readonly serious: number; readonly ledToDiscontinuation: number };
  readonly table: DisplayTable;
}

const OPTION_KEYS = ["groups", "overallLabel", "rates", "rateBasis", "confLevel", "percentDigits", "rateDigits", "caption"];

/**
 * The adverse-event table regulators and journals ask for: system organ class → preferred term, each with
 * the patients with at least one event n (%) and the number of events, sorted by frequency; summary lines
 * for any, serious and discontinuation-leading events; optional exposure-adjusted rates per 100
 * patient-years with exact Poisson confidence intervals.
 * @remarks
 * - A patient counts once per line however many events they had; events are counted as they are.
 * - Sorting: classes by the patients with an event (overall, all groups), descending, then by name; terms
 *   the same within their class.
 * - Rates: events (or patients with an event, `rateBasis: "patients"`) divided by the column's total
 *   exposure, times 100; the interval is the exact (Garwood) Poisson interval of the count divided by the
 *   exposure, as `poisson.test(x, T)`. With `"patients"` the exposure is the whole treatment time, not the
 *   time to the first event (a common approximation; say so in the methods).
 * - Seriousness and discontinuation are read only where recorded: an event without the field is counted in
 *   `notRecorded` and a table note, never as "not serious".
 * @param patients - Every patient at risk with their group (and `exposureYears` for rates).
 * @param events - Coded adverse events.
 * @param options - Groups, overall column, rates, digits, caption.
 * @returns The lines (counts and rates per column) and the display table.
 * @throws {TypeError} If an argument or field has the wrong type or an option is unknown.
 * @throws {RangeError} If an event's patient is unknown, a patient id repeats, a listed group has no
 * patients, or `rates` is asked and a patient's `exposureYears` is missing, negative or not finite.
 * @example
 * const t = adverseEventHierarchyTable(
 *   [{ patientId: "1", group: "UC" }, { patientId: "2", group: "CD" }],
 *   [{ patientId: "2", systemOrganClass: "Skin", preferredTerm: "Acne", serious: false }],
 * );
 * t.lines.map((l) => `${l.label}: ${l.overall?.patients}`);
 * //=> ["Any adverse event: 1", "Serious adverse events: 0", "Adverse events leading to discontinuation: 0", "Skin: 1", "Acne: 1"]
 * @see ICH E3 Structure and content of clinical study reports, section 12.2 (1995); FDA. Guidance on
 *   safety reporting (exposure-adjusted incidence rates). R `stats::poisson.test` for the intervals.
 */
export function adverseEventHierarchyTable(
  patients: readonly AdverseEventPatient[],
  events: readonly CodedAdverseEvent[],
  options: AdverseEventHierarchyTableOptions = {},
): AdverseEventHierarchyTableResult {
  if (!isArray(patients)) throw new TypeError(`${FN}: patients must be an array; got ${describeValue(patients)}.`);
  if (!isArray(events)) throw new TypeError(`${FN}: events must be an array; got ${describeValue(events)}.`);
  if (options === null || typeof options !== "object") throw new TypeError(`${FN}: options must be an object; got ${describeValue(options)}.`);
  assertKnownKeys(FN, "options", options, OPTION_KEYS);
  const rates = options.rates ?? false;
  if (typeof rates !== "boolean") throw new TypeError(`${FN}: options.rates must be a boolean; got ${describeValue(rates)}.`);
  const basis = options.rateBasis ?? "events";
  if (basis !== "events" && basis !== "patients") throw new TypeError(`${FN}: options.rateBasis must be "events" or "patients"; got ${describeValue(basis)}.`);
  const confLevel = options.confLevel ?? 0.95;
  if (typeof confLevel !== "number" || !(confLevel > 0 && confLevel < 1)) throw new RangeError(`${FN}: options.confLevel must be strictly between 0 and 1; got ${describeValue(confLevel)}.`);
  const pd = options.percentDigits ?? 1;
  const rd = options.rateDigits ?? 1;
  for (const [k, v] of [["percentDigits", pd], ["rateDigits", rd]] as const) {
    if (!Number.isInteger(v) || v < 0 || v > 6) throw new RangeError(`${FN}: options.${k} must be an integer in 0..6; got ${describeValue(v)}.`);
  }
  const groupOf = new Map<string, string>();
  const exposureOf = new Map<string, number>();
  const seen: string[] = [];
  patients.forEach((p, i) => {
    if (p === null || typeof p !== "object") throw new TypeError(`${FN}: patients[${i}] must be an object; got ${describeValue(p)}.`);
    if (typeof p.patientId !== "string") throw new TypeError(`${FN}: patients[${i}].patientId must be a string; got ${describeValue(p.patientId)}.`);
    if (typeof p.group !== "string") throw new TypeError(`${FN}: patients[${i}].group must be a string; got ${describeValue(p.group)}.`);
    if (groupOf.has(p.patientId)) throw new RangeError(`${FN}: patients[${i}].patientId must be unique; got a repeated id.`);
    groupOf.set(p.patientId, p.group);
    if (!seen.includes(p.group)) seen.push(p.group);
    if (rates) {
      const e: unknown = p.exposureYears;
      if (e === undefined || e === null) throw new RangeError(`${FN}: patients[${i}].exposureYears is missing; rates need every patient's exposure (it is never assumed).`);
      if (typeof e !== "number") throw new TypeError(`${FN}: patients[${i}].exposureYears must be a number; got ${describeValue(e)}.`);
      if (!Number.isFinite(e) || e < 0) throw new RangeError(`${FN}: patients[${i}].exposureYears must be a finite number >= 0; got ${describeValue(e)}.`);
      exposureOf.set(p.patientId, e);
    }
  });
  const groups = options.groups === undefined ? seen : [...options.groups];
  groups.forEach((g, j) => {
    if (!seen.includes(g)) throw new RangeError(`${FN}: options.groups[${j}] has no patients; got "${g}".`);
  });
  events.forEach((e, i) => {
    if (e === null || typeof e !== "object") throw new TypeError(`${FN}: events[${i}] must be an object; got ${describeValue(e)}.`);
    for (const k of ["patientId", "systemOrganClass", "preferredTerm"] as const) {
      if (typeof e[k] !== "string") throw new TypeError(`${FN}: events[${i}].${k} must be a string; got ${describeValue(e[k])}.`);
    }
    for (const k of ["serious", "ledToDiscontinuation"] as const) {
      if (e[k] !== undefined && typeof e[k] !== "boolean") throw new TypeError(`${FN}: events[${i}].${k} must be a boolean when recorded; got ${describeValue(e[k])}.`);
    }
    if (!groupOf.has(e.patientId)) throw new RangeError(`${FN}: events[${i}].patientId must be one of the patients; got an unknown id.`);
  });
  const inGroups = events.filter((e) => groups.includes(groupOf.get(e.patientId)!));
  const size = groups.map((g) => [...groupOf.values()].filter((x) => x === g).length);
  const exposure = groups.map((g) => [...groupOf.entries()].filter(([, x]) => x === g).reduce((a, [id]) => a + (exposureOf.get(id) ?? 0), 0));
  const totalN = size.reduce((a, b) => a + b, 0);
  const totalExposure = exposure.reduce((a, b) => a + b, 0);
  const overallLabel = options.overallLabel === undefined ? "Overall" : options.overallLabel;

  const cellOf = (evs: readonly CodedAdverseEvent[], n: number, expo: number): AdverseEventCell => {
    const who = new Set(evs.map((e) => e.patientId));
    const base = { patients: who.size, events: evs.length, n };
    if (!rates) return base;
    const x = basis === "events" ? evs.length : who.size;
    if (!(expo > 0)) return base;
    const [lo, hi] = poissonConfInt(x, expo, { confLevel });
    return { ...base, ratePer100PatientYears: (100 * x) / expo, rateConfInt: [100 * lo, 100 * hi] };
  };
  const line = (level: AdverseEventHierarchyLine["level"], label: string, evs: readonly CodedAdverseEvent[], soc?: string): AdverseEventHierarchyLine => {
    const cells = groups.map((g, j) => cellOf(evs.filter((e) => groupOf.get(e.patientId) === g), size[j]!, exposure[j]!));
    return {
      level,
      label,
      ...(soc === undefined ? {} : { systemOrganClass: soc }),
      cells,
      ...(overallLabel === null ? {} : { overall: cellOf(evs, totalN, totalExposure) }),
    };
  };
  const patientsWith = (evs: readonly CodedAdverseEvent[]): number => new Set(evs.map((e) => e.patientId)).size;
  const byFrequency = (a: [string, CodedAdverseEvent[]], b: [string, CodedAdverseEvent[]]): number =>
    patientsWith(b[1]) - patientsWith(a[1]) || b[1].length - a[1].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

  const lines: AdverseEventHierarchyLine[] = [
    line("summary", "Any adverse event", inGroups),
    line("summary", "Serious adverse events", inGroups.filter((e) => e.serious === true)),
    line("summary", "Adverse events leading to discontinuation", inGroups.filter((e) => e.ledToDiscontinuation === true)),
  ];
  const socs = new Map<string, CodedAdverseEvent[]>();
  for (const e of inGroups) {
    const list = socs.get(e.systemOrganClass);
    if (list === undefined) socs.set(e.systemOrganClass, [e]);
    else list.push(e);
  }
  for (const [soc, evs] of [...socs.entries()].sort(byFrequency)) {
    lines.push(line("systemOrganClass", soc, evs));
    const pts = new Map<string, CodedAdverseEvent[]>();
    for (const e of evs) {
      const list = pts.get(e.preferredTerm);
      if (list === undefined) pts.set(e.preferredTerm, [e]);
      else list.push(e);
    }
    for (const [pt, pevs] of [...pts.entries()].sort(byFrequency)) lines.push(line("preferredTerm", pt, pevs, soc));
  }
  const notRecorded = {
    serious: inGroups.filter((e) => e.serious === undefined).length,
    ledToDiscontinuation: inGroups.filter((e) => e.ledToDiscontinuation === undefined).length,
  };

  // ---- display
  const per = rates ? 3 : 2;
  const columns: DisplayCell[] = ["System organ class\nPreferred term"];
  const spanners: DisplaySpanner[] = [];
  const colHeads = ["n (%)", "Events", ...(rates ? [`Rate per 100 PY (${Number((100 * confLevel).toPrecision(6))}% CI)`] : [])];
  const heads: { label: string; n: number; expo: number }[] = [
    ...(overallLabel === null ? [] : [{ label: overallLabel, n: totalN, expo: totalExposure }]),
    ...groups.map((g, j) => ({ label: g, n: size[j]!, expo: exposure[j]! })),
  ];
  for (const h of heads) {
    spanners.push({ label: `${h.label} (N = ${h.n}${rates ? `; ${fixed(h.expo, 1)} PY` : ""})`, start: columns.length, span: per });
    columns.push(...colHeads);
  }
  const show = (c: AdverseEventCell): string[] => [
    `${c.patients} (${c.n === 0 ? "—" : percentText(c.patients, c.n, pd)}%)`,
    String(c.events),
    ...(rates ? [c.rateConfInt === undefined ? "—" : `${fixed(c.ratePer100PatientYears!, rd)} (${fixed(c.rateConfInt[0], rd)}, ${fixed(c.rateConfInt[1], rd)})`] : []),
  ];
  const rows: DisplayRow[] = lines.map((l) => {
    const cells: DisplayCell[] = [l.label, ...(l.overall === undefined ? [] : show(l.overall)), ...l.cells.flatMap(show)];
    return l.level === "preferredTerm" ? { cells, indent: 1 } : { cells };
  });
  const notes = [
    "n (%): patients with at least one event (a patient counts once per line); Events: number of events. Classes and terms sorted by frequency.",
    ...(rates
      ? [
          `Rate: ${basis === "events" ? "events" : "patients with at least one event"} per 100 patient-years (PY) of exposure; exact Poisson (Garwood) confidence interval.`,
        ]
      : []),
    ...(notRecorded.serious > 0 ? [`Seriousness not recorded for ${notRecorded.serious} event${notRecorded.serious === 1 ? "" : "s"} (not counted as serious or non-serious).`] : []),
    ...(notRecorded.ledToDiscontinuation > 0
      ? [`Discontinuation not recorded for ${notRecorded.ledToDiscontinuation} event${notRecorded.ledToDiscontinuation === 1 ? "" : "s"}.`]
      : []),
  ];
  const table: DisplayTable = { ...(options.caption === undefined ? {} : { caption: options.caption }), columns, spanners, rows, footnotes: notes };
  return {
    groups: groups.map((g, j) => ({ group: g, n: size[j]!, ...(rates ? { exposureYears: exposure[j]! } : {}) })),
    lines,
    notRecorded,
    table,
  };
}
