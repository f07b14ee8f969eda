import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SibdqResponsesSchema } from "../../models/instrumentInputs.js";
import { mutated, nearInt, nearRecord } from "../_lib/testing.js";
import { assertEquivalent } from "../_lib/specTesting.js";
import { isSibdqResponses, safeSibdq, sibdq, sibdqUnchecked } from "./index.js";

const likert = fc.integer({ min: 1, max: 7 });
const arr = (n: number) => fc.array(likert, { minLength: n, maxLength: n });
const valid = fc.record({ bowel: arr(3), systemic: arr(2), emotional: arr(3), social: arr(2) });

describe("sibdq", () => {
  it("matches the @examples", () => {
    expect(sibdq({ bowel: [5, 6, 5], systemic: [4, 5], emotional: [6, 6, 5], social: [7, 6] })).toEqual({ total: 55, components: { bowel: 16, systemic: 9, emotional: 17, social: 13 }, band: null, meanItemScore: 5.5 });
    expect(sibdqUnchecked({ bowel: [1, 1, 1], systemic: [1, 1], emotional: [1, 1, 1], social: [1, 1] }).meanItemScore).toBe(1);
    expect(safeSibdq({ bowel: [0, 1, 1] }).success).toBe(false);
  });

  it("minimum 10, maximum 70, the 50 edge", () => {
    expect(sibdq({ bowel: [7, 7, 7], systemic: [7, 7], emotional: [7, 7, 7], social: [7, 7] }).total).toBe(70);
    expect(sibdq({ bowel: [5, 5, 5], systemic: [5, 5], emotional: [5, 5, 5], social: [5, 5] }, { bands: "remission50" }).band).toBe("remission");
    expect(sibdq({ bowel: [4, 5, 5], systemic: [5, 5], emotional: [5, 5, 5], social: [5, 5] }, { bands: "remission50" }).band).toBe("active");
  });

  it("total = sum; mean item score = total / 10 (property)", () => {
    fc.assert(
      fc.property(valid, (v) => {
        const r = sibdq(v);
        const t = [...v.bowel, ...v.systemic, ...v.emotional, ...v.social].reduce((a, b) => a + b, 0);
        expect([r.total, r.meanItemScore]).toEqual([t, t / 10]);
      }),
    );
  });

  it("names the bad response", () => {
    expect(() => sibdq({ bowel: [5, 6, 5], systemic: [4, 5], emotional: [6, 6, 5] } as never)).toThrow(new TypeError("sibdq: items.social is required; got undefined."));
  });

  it("the hand-written check accepts exactly what SibdqResponsesSchema accepts (fast-check)", () => {
    const near = nearRecord({ bowel: fc.array(nearInt(1, 7), { minLength: 2, maxLength: 4 }), systemic: arr(2), emotional: fc.array(nearInt(1, 7), { minLength: 3, maxLength: 3 }), social: arr(2) });
    assertEquivalent(isSibdqResponses, SibdqResponsesSchema, fc.oneof(near, mutated(valid)));
  });
});
