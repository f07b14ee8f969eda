import { describe, expect, it } from "vitest";
import { SCORE_CODES } from "../../scores/index.js";
import { SCORE_PART_SYSTEM, SCORE_SYSTEM, scoreCodeSystem, scoreCodings } from "./index.js";

describe("codes", () => {
  it("matches the @examples", () => {
    expect(SCORE_SYSTEM).toBe("urn:ibd-outcomes:score");
    expect(SCORE_PART_SYSTEM).toBe("urn:ibd-outcomes:score-part");
    expect(scoreCodings("pucai")).toEqual([{ system: "urn:ibd-outcomes:score", code: "pucai", display: "Paediatric Ulcerative Colitis Activity Index" }]);
    expect(scoreCodeSystem().concept?.find((c) => c.code === "sccai")?.display).toBe("Simple Clinical Colitis Activity Index");
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
