import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LichtigerItemsSchema, type LichtigerItems } from "../../models/instrumentInputs.js";
import { assertEquivalent, candidateRecord, validRecord } from "../_lib/specTesting.js";
import { isLichtigerItems, lichtiger, lichtigerUnchecked, safeLichtiger, SPEC } from "./index.js";

const zero: LichtigerItems = { stoolsPerDay: 0, nocturnalDiarrhoea: false, visibleBlood: 0, faecalIncontinence: false, abdominalPain: 0, generalWellBeing: 0, abdominalTenderness: 0, antidiarrhoealDrugs: false };
const MAX: LichtigerItems = { stoolsPerDay: 12, nocturnalDiarrhoea: true, visibleBlood: 3, faecalIncontinence: true, abdominalPain: 3, generalWellBeing: 5, abdominalTenderness: 3, antidiarrhoealDrugs: true };

describe("lichtiger", () => {
  it("matches the @examples (worked by hand: 3+1+2+0+2+4+1+0 = 13)", () => {
    expect(lichtiger({ stoolsPerDay: 8, nocturnalDiarrhoea: true, visibleBlood: 2, faecalIncontinence: false, abdominalPain: 2, generalWellBeing: 4, abdominalTenderness: 1, antidiarrhoealDrugs: false }).total).toBe(13);
    expect(lichtigerUnchecked({ ...zero, stoolsPerDay: 2 }).total).toBe(0);
    expect(safeLichtiger({ stoolsPerDay: -1 }).success).toBe(false);
  });

  it("scores the minimum (0), the maximum (21) and each item alone", () => {
    expect(lichtiger(zero)).toMatchObject({ total: 0, band: null });
    expect(lichtiger(MAX).total).toBe(21);
    expect(lichtiger({ ...zero, nocturnalDiarrhoea: true }).total).toBe(1);
    expect(lichtiger({ ...zero, visibleBlood: 3 }).total).toBe(3);
    expect(lichtiger({ ...zero, faecalIncontinence: true }).total).toBe(1);
    expect(lichtiger({ ...zero, abdominalPain: 3 }).total).toBe(3);
    expect(lichtiger({ ...zero, generalWellBeing: 5 }).total).toBe(5);
    expect(lichtiger({ ...zero, abdominalTenderness: 3 }).total).toBe(3);
    expect(lichtiger({ ...zero, antidiarrhoealDrugs: true }).total).toBe(1);
  });

  it("diarrhoea points at every edge of the stool rows", () => {
    const pts = [0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 30].map((n) => lichtiger({ ...zero, stoolsPerDay: n }).components.diarrhoea);
    expect(pts).toEqual([0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it("total = sum of components, 0-21 (property)", () => {
    fc.assert(
      fc.property(validRecord(SPEC) as fc.Arbitrary<LichtigerItems>, (v) => {
        const r = lichtiger(v);
        expect(r.total).toBe(Object.values(r.components).reduce((a, b) => a + b, 0));
        expect(r.total).toBeLessThanOrEqual(21);
        expect(lichtigerUnchecked(v)).toEqual(r);
        if (v.stoolsPerDay < 1000) expect(lichtiger({ ...v, stoolsPerDay: v.stoolsPerDay + 1 }).total).toBeGreaterThanOrEqual(r.total);
      }),
    );
  });

  it("names the bad item", () => {
    expect(() => lichtiger({ ...zero, generalWellBeing: 6 })).toThrow(new RangeError("lichtiger: items.generalWellBeing must be <= 5; got 6."));
    expect(() => lichtiger({ ...zero, nocturnalDiarrhoea: 1 } as never)).toThrow(new TypeError("lichtiger: items.nocturnalDiarrhoea must be a boolean; got 1."));
    expect(() => lichtiger({ ...zero, stoolsPerDay: 2.5 })).toThrow(new RangeError("lichtiger: items.stoolsPerDay must be an integer; got 2.5."));
  });

  it("the hand-written check accepts exactly what LichtigerItemsSchema accepts (fast-check)", () => {
    assertEquivalent(isLichtigerItems, LichtigerItemsSchema, candidateRecord(SPEC));
  });
});
