import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Ibdq32ResponsesSchema, type Ibdq32Responses } from "../../models/instrumentInputs.js";
import { mutated, nearInt, nearRecord } from "../_lib/testing.js";
import { assertEquivalent } from "../_lib/specTesting.js";
import { ibdq32, ibdq32Unchecked, isIbdq32Responses, safeIbdq32 } from "./index.js";

const fill = (b: number, s: number, e: number, so: number): Ibdq32Responses => ({ bowel: Array<number>(10).fill(b), systemic: Array<number>(5).fill(s), emotional: Array<number>(12).fill(e), social: Array<number>(5).fill(so) });
const likert = fc.integer({ min: 1, max: 7 });
const valid = fc.record({ bowel: fc.array(likert, { minLength: 10, maxLength: 10 }), systemic: fc.array(likert, { minLength: 5, maxLength: 5 }), emotional: fc.array(likert, { minLength: 12, maxLength: 12 }), social: fc.array(likert, { minLength: 5, maxLength: 5 }) });

describe("ibdq32", () => {
  it("matches the @examples (50 + 20 + 72 + 35 = 177)", () => {
    expect(ibdq32(fill(5, 4, 6, 7))).toEqual({ total: 177, components: { bowel: 50, systemic: 20, emotional: 72, social: 35 }, band: null });
    expect(ibdq32Unchecked(fill(7, 7, 7, 7)).total).toBe(224);
    expect(safeIbdq32({ bowel: [8] }).success).toBe(false);
  });

  it("minimum 32, maximum 224, each domain alone, and the 170 edge", () => {
    expect(ibdq32(fill(1, 1, 1, 1)).total).toBe(32);
    expect(ibdq32(fill(7, 1, 1, 1)).total).toBe(32 + 60);
    expect(ibdq32(fill(1, 7, 1, 1)).total).toBe(32 + 30);
    expect(ibdq32(fill(1, 1, 7, 1)).total).toBe(32 + 72);
    expect(ibdq32(fill(1, 1, 1, 7)).total).toBe(32 + 30);
    const at170 = fill(5, 5, 6, 5); // 50 + 25 + 72 + 25 = 172
    at170.bowel[0] = 3;
    expect(ibdq32(at170, { bands: "remission170" })).toMatchObject({ total: 170, band: "remission" });
    at170.bowel[1] = 4;
    expect(ibdq32(at170, { bands: "remission170" })).toMatchObject({ total: 169, band: "active" });
  });

  it("total = sum of every response (property)", () => {
    fc.assert(
      fc.property(valid, (v) => {
        const r = ibdq32(v);
        expect(r.total).toBe([...v.bowel, ...v.systemic, ...v.emotional, ...v.social].reduce((a, b) => a + b, 0));
      }),
    );
  });

  it("names the bad response", () => {
    const v = fill(4, 4, 4, 4);
    expect(() => ibdq32({ ...v, social: [4, 4, 4, 4] })).toThrow(/ibdq32: items.social must hold at least 5 entries; got an array of length 4/);
    expect(() => ibdq32({ ...v, emotional: [...v.emotional.slice(1), 0] })).toThrow(new RangeError("ibdq32: items.emotional[11] must be >= 1; got 0."));
    expect(() => ibdq32({ ...v, emotional: [...v.emotional.slice(1), 4.5] })).toThrow(new RangeError("ibdq32: items.emotional[11] must be an integer; got 4.5."));
  });

  it("the hand-written check accepts exactly what Ibdq32ResponsesSchema accepts (fast-check)", () => {
    const near = nearRecord({ bowel: fc.array(nearInt(1, 7), { minLength: 9, maxLength: 11 }), systemic: fc.array(nearInt(1, 7), { minLength: 4, maxLength: 6 }), emotional: fc.array(likert, { minLength: 11, maxLength: 13 }), social: fc.array(likert, { minLength: 5, maxLength: 5 }) });
    assertEquivalent(isIbdq32Responses, Ibdq32ResponsesSchema, fc.oneof(near, mutated(valid)));
  });
});
