import { describe, expect, it } from "vitest";
import { NancyItemsSchema } from "../../models/instrumentInputs.js";
import { assertEquivalent, candidateRecord } from "../_lib/specTesting.js";
import { isNancyItems, nancyIndex, nancyIndexUnchecked, safeNancyIndex, SPEC } from "./index.js";

describe("nancyIndex", () => {
  it("matches the @examples", () => {
    expect(nancyIndex({ ulceration: false, acuteInfiltrate: 1, chronicInfiltrate: 1 }).total).toBe(2);
    expect(nancyIndexUnchecked({ ulceration: true, acuteInfiltrate: 0, chronicInfiltrate: 0 }).total).toBe(4);
    expect(safeNancyIndex({ ulceration: false }).success).toBe(false);
  });

  it("follows the decision tree on all 12 combinations", () => {
    for (const u of [false, true]) {
      for (const a of [0, 1, 2]) {
        for (const c of [0, 1]) {
          const r = nancyIndex({ ulceration: u, acuteInfiltrate: a, chronicInfiltrate: c }, { bands: "ecco2020" });
          const want = u ? 4 : a === 2 ? 3 : a === 1 ? 2 : c === 1 ? 1 : 0;
          expect(r.total).toBe(want);
          expect(r.components.ulceration + r.components.acuteInfiltrate + r.components.chronicInfiltrate).toBe(want);
          expect(r.band).toBe(want <= 1 ? "remission" : "active");
        }
      }
    }
    expect(nancyIndex({ ulceration: false, acuteInfiltrate: 0, chronicInfiltrate: 1 }).band).toBeNull();
  });

  it("names the bad item or option", () => {
    expect(() => nancyIndex({ ulceration: false, acuteInfiltrate: 3, chronicInfiltrate: 0 })).toThrow(new RangeError("nancyIndex: items.acuteInfiltrate must be <= 2; got 3."));
    expect(() => nancyIndex({ ulceration: false, acuteInfiltrate: 0 } as never)).toThrow(new TypeError("nancyIndex: items.chronicInfiltrate is required; got undefined."));
    expect(() => nancyIndex({ ulceration: false, acuteInfiltrate: 0, chronicInfiltrate: 0 }, { bands: "x" } as never)).toThrow(/nancyIndex: options.bands/);
  });

  it("the hand-written check accepts exactly what NancyItemsSchema accepts (fast-check)", () => {
    assertEquivalent(isNancyItems, NancyItemsSchema, candidateRecord(SPEC));
  });
});
