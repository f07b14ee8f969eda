/** Asserts the @example of every exported constant and schema of the endpoints domain. */
import { describe, expect, it } from "vitest";
import {
  AMBIGUITY_IDS,
  classic,
  describeRule,
  DefinitionProfileSchema,
  ENDPOINT_IDS,
  MAO2025_DEFAULT_READINGS,
  MAO2025_READINGS,
  mao2025,
  MEASURE_KEYS,
  RuleNodeSchema,
  stride2,
  TIMEPOINT_KEYS,
  TRAJECTORY_ANALYTES,
  uAchieve,
  uExcel,
  uExcelPro2,
} from "./index.js";
import * as root from "../index.js";

describe("TSDoc examples of constants", () => {
  it("ENDPOINT_IDS", () => expect(ENDPOINT_IDS.length).toBe(8));
  it("TIMEPOINT_KEYS", () => expect(TIMEPOINT_KEYS.join(" ")).toBe("w0 w8 w12 w26 w52 w78"));
  it("MEASURE_KEYS", () => expect(MEASURE_KEYS.includes("hbi")).toBe(true));
  it("AMBIGUITY_IDS", () => expect(AMBIGUITY_IDS.at(-1)).toBe("A10"));
  it("DefinitionProfileSchema", () => expect(DefinitionProfileSchema.safeParse(mao2025).success).toBe(true));
  it("RuleNodeSchema", () => expect(RuleNodeSchema.safeParse({ kind: "value", measure: "hbi", op: "=<", threshold: 4 }).success).toBe(false));
  it("mao2025", () => expect(mao2025.rules.CD.clinicalRemission).toEqual({ kind: "value", measure: "hbi", op: "<=", threshold: 4 }));
  it("uAchieve", () => expect(uAchieve.rules.UC.endoscopicResponse).toEqual({ kind: "value", measure: "mayoEndoscopicFdaModified", op: "<=", threshold: 1 }));
  it("uExcel", () => expect(uExcel.rules.CD.clinicalResponse).toEqual({ kind: "drop", measure: "cdai", op: ">=", threshold: 100 }));
  it("uExcelPro2", () => expect(uExcelPro2.schedule.CD.map((t) => t.key)).toEqual(["w0", "w12", "w52"]));
  it("stride2", () => expect(stride2.rules.CD.fcNormalisation).toEqual({ kind: "value", measure: "fcUgPerG", op: "<", threshold: 250 }));
  it("classic", () => expect(describeRule(classic.rules.CD.clinicalResponse!)).toBe("drop(hbi) >= 3 OR drop(cdai) >= 100"));
  it("MAO2025_DEFAULT_READINGS", () => expect(MAO2025_DEFAULT_READINGS.A3).toBe("default"));
  it("MAO2025_READINGS", () => expect(Object.keys(MAO2025_READINGS.A2)).toEqual(["default", "aMS", "improvement", "drop1"]));
  it("TRAJECTORY_ANALYTES", () => expect(TRAJECTORY_ANALYTES.length).toBe(14));
  it("constants are frozen", () => {
    for (const c of [ENDPOINT_IDS, TIMEPOINT_KEYS, MEASURE_KEYS, AMBIGUITY_IDS, TRAJECTORY_ANALYTES, MAO2025_DEFAULT_READINGS, MAO2025_READINGS]) {
      expect(Object.isFrozen(c)).toBe(true);
    }
  });
  it("the root barrel re-exports the endpoints API", () => {
    expect(root.patientTimeline).toBeTypeOf("function");
    expect(root.mao2025).toBe(mao2025);
  });
});
