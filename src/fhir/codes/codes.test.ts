import { describe, expect, it } from "vitest";
import { SCORE_CODES } from "../../scores/index.js";
import {
  EIM_SYSTEM,
  EXTENSION_PREFIX,
  MEDICATION_ROLE_SYSTEM,
  PATIENT_FINDING_SYSTEM,
  RECORD_ID_SYSTEM,
  RECORD_LIST_SYSTEM,
  SCORE_PART_SYSTEM,
  SCORE_SYSTEM,
  STOP_REASON_SYSTEM,
  THERAPY_CLASS_SYSTEM,
  VISIT_ITEM_SYSTEM,
  scoreCodeSystem,
  scoreCodings,
} from "./index.js";
import { WRITE_LOINC } from "../bundleFromCohort/index.js";

describe("codes", () => {
  it("matches the @examples", () => {
    expect(SCORE_SYSTEM).toBe("urn:ibd-outcomes:score");
    expect(SCORE_PART_SYSTEM).toBe("urn:ibd-outcomes:score-part");
    expect(scoreCodings("pucai")).toEqual([{ system: "urn:ibd-outcomes:score", code: "pucai", display: "Paediatric Ulcerative Colitis Activity Index" }]);
    expect(scoreCodeSystem().concept?.find((c) => c.code === "sccai")?.display).toBe("Simple Clinical Colitis Activity Index");
    expect([RECORD_ID_SYSTEM, VISIT_ITEM_SYSTEM, PATIENT_FINDING_SYSTEM, MEDICATION_ROLE_SYSTEM, THERAPY_CLASS_SYSTEM, STOP_REASON_SYSTEM, RECORD_LIST_SYSTEM, EIM_SYSTEM, `${EXTENSION_PREFIX}:site`]).toEqual([
      "urn:ibd-outcomes:record-id", "urn:ibd-outcomes:visit-item", "urn:ibd-outcomes:patient-finding", "urn:ibd-outcomes:medication-role", "urn:ibd-outcomes:therapy-class",
      "urn:ibd-outcomes:stop-reason", "urn:ibd-outcomes:record-list", "urn:ibd-outcomes:eim-site", "urn:ibd-outcomes:extension:site",
    ]);
    expect(WRITE_LOINC.crp).toEqual(["1988-5", "C reactive protein [Mass/volume] in Serum or Plasma"]);
  });

  it("every SCORE_CODES entry is reused, standard codes first", () => {
    for (const [name, codes] of Object.entries(SCORE_CODES)) expect(scoreCodings(name as never).map((c) => c.code)).toEqual(codes.map((c) => c.code));
  });

  it("the CodeSystem lists each code once and says whether a standard code exists", () => {
    const cs = scoreCodeSystem();
    const codes = cs.concept!.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(cs.concept!.find((c) => c.code === "cdai")?.definition).toMatch(/also coded http:\/\/snomed.info\/sct\|273364009/);
    expect(cs.concept!.find((c) => c.code === "ibusSas")?.definition).toMatch(/no LOINC or SNOMED CT code confirmed/);
  });

  it("prototype keys are not scores", () => {
    for (const k of ["toString", "constructor", "__proto__"]) expect(() => scoreCodings(k as never)).toThrow(TypeError);
  });
});
