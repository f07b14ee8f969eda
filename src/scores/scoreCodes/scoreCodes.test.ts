import { describe, expect, it } from "vitest";
import * as scores from "../index.js";
import { IBD_CODES, SCORE_CODES } from "./index.js";

describe("SCORE_CODES / IBD_CODES", () => {
  it("matches the @examples", () => {
    expect(SCORE_CODES.harveyBradshawIndex.map((c) => c.code)).toEqual(["C191036", "hbi"]);
    expect(IBD_CODES.fecalCalprotectin[0].code).toBe("38445-3");
  });

  it("gives every score a local URI and names an exported function", () => {
    for (const [name, codings] of Object.entries(SCORE_CODES)) {
      expect(typeof (scores as Record<string, unknown>)[name]).toBe("function");
      expect(codings.some((c) => c.system === "urn:ibd-outcomes:score")).toBe(true);
    }
  });

  it("holds the §6 codes", () => {
    expect(SCORE_CODES.cdai[0]).toMatchObject({ system: "http://snomed.info/sct", code: "273364009" });
    expect(SCORE_CODES.sesCd.map((c) => c.code)).toEqual(["C176050", "C176051", "sesCd"]);
    expect(IBD_CODES.ulcerativeColitis[0].code).toBe("64766004");
    expect(IBD_CODES.crohnsDisease[0].code).toBe("34000006");
    expect(IBD_CODES.inflammatoryBowelDisease[0].code).toBe("24526004");
    expect([IBD_CODES.crp[0].code, IBD_CODES.hsCrp[0].code, IBD_CODES.esr[0].code, IBD_CODES.albumin[0].code]).toEqual(["1988-5", "30522-7", "4537-7", "1751-7"]);
  });

  it("is plain JSON data", () => {
    expect(JSON.parse(JSON.stringify(SCORE_CODES))).toEqual(SCORE_CODES);
  });
});
