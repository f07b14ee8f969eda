import { describe, expect, it } from "vitest";
import { Pro2UcSchema } from "../../models/instrumentInputs.js";
import { assertEquivalent, candidateRecord } from "../_lib/specTesting.js";
import { isPro2Uc, pro2Uc, pro2UcUnchecked, safePro2Uc, SPEC } from "./index.js";

describe("pro2Uc", () => {
  it("matches the @examples", () => {
    expect(pro2Uc({ stoolFrequency: 1, rectalBleeding: 0 })).toEqual({ total: 1, components: { stoolFrequency: 1, rectalBleeding: 0 }, band: "remission" });
    expect(pro2UcUnchecked({ stoolFrequency: 0, rectalBleeding: 1 }, { remission: "total" }).band).toBe("remission");
    expect(safePro2Uc({ stoolFrequency: 4, rectalBleeding: 0 }).success).toBe(false);
  });

  it("every one of the 16 pairs: the two remission rules differ only at SF 0, RB 1", () => {
    for (let sf = 0; sf <= 3; sf++) {
      for (let rb = 0; rb <= 3; rb++) {
        const a = pro2Uc({ stoolFrequency: sf, rectalBleeding: rb });
        const b = pro2Uc({ stoolFrequency: sf, rectalBleeding: rb }, { remission: "total" });
        expect(a.total).toBe(sf + rb);
        expect(a.band).toBe(rb === 0 && sf <= 1 ? "remission" : "active");
        expect(b.band === a.band).toBe(!(sf === 0 && rb === 1));
      }
    }
  });

  it("names the bad item or option", () => {
    expect(() => pro2Uc({ stoolFrequency: 1.5, rectalBleeding: 0 })).toThrow(new RangeError("pro2Uc: items.stoolFrequency must be an integer; got 1.5."));
    expect(() => pro2Uc({ stoolFrequency: 1, rectalBleeding: 0 }, { remission: "x" } as never)).toThrow(/pro2Uc: options.remission/);
  });

  it("the hand-written check accepts exactly what Pro2UcSchema accepts (fast-check)", () => {
    assertEquivalent(isPro2Uc, Pro2UcSchema, candidateRecord(SPEC));
  });
});
