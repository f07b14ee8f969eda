import { describe, expect, it } from "vitest";
import type { TimelineRow } from "../../endpoints/index.js";
import { outcomeRowsFromTimeline } from "./index.js";
import { outcomeRates } from "../outcomeRates/index.js";

const row = (patientId: string, disease: "UC" | "CD", timepoint: TimelineRow["timepoint"], status: TimelineRow["status"], endpoint: TimelineRow["endpoint"] = "clinicalResponse"): TimelineRow =>
  ({ patientId, disease, timepoint, endpoint, status, code: "MET", profileId: "mao2025", profileVersion: "1" }) as unknown as TimelineRow;

describe("outcomeRowsFromTimeline", () => {
  it("matches the @example", () => {
    expect(outcomeRowsFromTimeline([row("P1", "UC", "w8", "met")], { endpoint: "clinicalResponse", timepoints: { w8: "induction" } })).toEqual([
      { patientId: "P1", group: "UC", timepoint: "induction", status: "met" },
    ]);
  });
  it("lines up UC week 8 and CD week 12 and feeds outcomeRates", () => {
    const rows = [row("u", "UC", "w8", "met"), row("c", "CD", "w12", "not-met"), row("c", "CD", "w12", "met", "endoscopicRemission")];
    const mapped = outcomeRowsFromTimeline(rows, { endpoint: "clinicalResponse", timepoints: { w8: "induction", w12: "induction" } });
    expect(mapped.map((r) => r.timepoint)).toEqual(["induction", "induction"]);
    expect(outcomeRates(mapped).rates.map((r) => `${r.group} ${r.events}/${r.denominator}`)).toEqual(["UC 1/1", "CD 0/1"]);
  });
  it("uses groupOf and rejects a missing patient", () => {
    expect(outcomeRowsFromTimeline([row("u", "UC", "w8", "met")], { endpoint: "clinicalResponse", groupOf: { u: "site A" } })[0]!.group).toBe("site A");
    expect(() => outcomeRowsFromTimeline([row("u", "UC", "w8", "met")], { endpoint: "clinicalResponse", groupOf: {} })).toThrow(RangeError);
  });
  it("does not mutate its input", () => {
    const rows = [row("u", "UC", "w8", "met")];
    const before = structuredClone(rows);
    outcomeRowsFromTimeline(rows, { endpoint: "clinicalResponse" });
    expect(rows).toEqual(before);
  });
});
