import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CdeisInputSchema, type CdeisInput, type CdeisSegment } from "../../models/instrumentInputs.js";
import { assertEquivalent, candidateRecord, validRecord } from "../_lib/specTesting.js";
import { mutated } from "../_lib/testing.js";
import { cdeis, cdeisUnchecked, isCdeisInput, safeCdeis, SEGMENT_SPEC, type CdeisResult } from "./index.js";

const seg = (deep: boolean, sup: boolean, inv: number, ulc: number): CdeisSegment => ({ deepUlceration: deep, superficialUlceration: sup, surfaceInvolvedCm: inv, surfaceUlceratedCm: ulc });
const normal = seg(false, false, 0, 0);
const worst = seg(true, true, 10, 10);
const segment = validRecord(SEGMENT_SPEC) as fc.Arbitrary<CdeisSegment>;
const maybe = fc.option(segment, { nil: null });
const input = fc
  .record({ ileum: maybe, rightColon: maybe, transverseColon: maybe, leftColon: maybe, rectum: segment, ulceratedStenosis: fc.boolean(), nonUlceratedStenosis: fc.boolean() })
  .map((v) => v as CdeisInput);

describe("cdeis", () => {
  it("matches the @examples (worked by hand: (21 + 10 + 0 + 0) / 4 + 3 = 10.75)", () => {
    const r = cdeis({ ileum: seg(true, false, 6, 3), rightColon: seg(false, true, 3, 1), transverseColon: normal, leftColon: null, rectum: normal, ulceratedStenosis: true, nonUlceratedStenosis: false });
    expect(r).toEqual({ total: 10.75, components: { deepUlceration: 3, superficialUlceration: 1.5, surfaceInvolved: 2.25, surfaceUlcerated: 1, ulceratedStenosis: 3, nonUlceratedStenosis: 0 }, band: null, segmentsExplored: 4 });
    expect(cdeisUnchecked({ rectum: normal, ulceratedStenosis: false, nonUlceratedStenosis: false }).total).toBe(0);
    expect(safeCdeis({ ulceratedStenosis: false, nonUlceratedStenosis: false }).success).toBe(false);
  });

  it("scores the maximum (44) and each item alone in one explored segment", () => {
    const all = { ileum: worst, rightColon: worst, transverseColon: worst, leftColon: worst, rectum: worst, ulceratedStenosis: true, nonUlceratedStenosis: true };
    expect(cdeis(all).total).toBe(44);
    const one = (s: CdeisSegment, u = false, n = false) => cdeis({ ileum: s, ulceratedStenosis: u, nonUlceratedStenosis: n }).total;
    expect(one(seg(true, false, 0, 0))).toBe(12);
    expect(one(seg(false, true, 0, 0))).toBe(6);
    expect(one(seg(false, false, 7.3, 0))).toBe(7.3);
    expect(one(seg(false, false, 0, 2.1))).toBe(2.1);
    expect(one(normal, true)).toBe(3);
    expect(one(normal, false, true)).toBe(3);
  });

  it("an unexplored segment is not a normal one: it changes the divisor", () => {
    const a = cdeis({ ileum: seg(true, false, 0, 0), rectum: normal, ulceratedStenosis: false, nonUlceratedStenosis: false });
    const b = cdeis({ ileum: seg(true, false, 0, 0), rectum: null, ulceratedStenosis: false, nonUlceratedStenosis: false });
    expect([a.total, a.segmentsExplored, b.total, b.segmentsExplored]).toEqual([6, 2, 12, 1]);
  });

  it("is exact to one decimal of cm: total × n equals the integer sum over tenths (property)", () => {
    const tenths = fc.integer({ min: 0, max: 100 });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.boolean(), tenths, tenths), { minLength: 1, maxLength: 5 }), fc.boolean(), fc.boolean(), (segs, u, nu) => {
        const names = ["ileum", "rightColon", "transverseColon", "leftColon", "rectum"] as const;
        const v: Record<string, unknown> = { ulceratedStenosis: u, nonUlceratedStenosis: nu };
        let tenthSum = 0;
        segs.forEach(([d, s, i, ul], k) => {
          v[names[k]!] = seg(d, s, i / 10, ul / 10);
          tenthSum += (d ? 120 : 0) + (s ? 60 : 0) + i + ul;
        });
        const r = cdeis(v as CdeisInput);
        const want = tenthSum / 10 / segs.length + (u ? 3 : 0) + (nu ? 3 : 0);
        expect(Math.abs(r.total - want)).toBeLessThan(1e-9);
        expect(r.total).toBe(Math.round(want * 1e9) / 1e9);
      }),
    );
  });

  it("total = sum of components within rounding, 0-44 (property)", () => {
    fc.assert(
      fc.property(input, (v) => {
        const r = cdeis(v);
        const sum = Object.values(r.components).reduce((a, b) => a + b, 0);
        expect(Math.abs(sum - r.total)).toBeLessThan(1e-8);
        expect(r.total).toBeLessThanOrEqual(44);
        expect(cdeisUnchecked(v)).toEqual(r);
      }),
    );
  });

  it("the unchecked fast path equals, to the last bit, the validated path and the plain definition (differential property)", () => {
    // The plain definition, written independently of src/: per explored segment 12 if deep ulceration,
    // 6 if superficial, plus the two surfaces; the sum over the explored segments divided by their
    // number, plus 3 per stenosis; each component and the total rounded with Math.round to 9 decimals.
    const names = ["ileum", "rightColon", "transverseColon", "leftColon", "rectum"] as const;
    const round9 = (x: number): number => {
      const r = Math.round(x * 1e9) / 1e9;
      return r === 0 ? 0 : r;
    };
    const plain = (v: CdeisInput): CdeisResult => {
      let n = 0;
      let deep = 0;
      let sup = 0;
      let inv = 0;
      let ulc = 0;
      for (const name of names) {
        const g = v[name];
        if (g === undefined || g === null) continue;
        n += 1;
        if (g.deepUlceration) deep += 12;
        if (g.superficialUlceration) sup += 6;
        inv += g.surfaceInvolvedCm;
        ulc += g.surfaceUlceratedCm;
      }
      const us = v.ulceratedStenosis ? 3 : 0;
      const ns = v.nonUlceratedStenosis ? 3 : 0;
      return {
        total: round9((deep + sup + inv + ulc) / n + us + ns),
        components: { deepUlceration: round9(deep / n), superficialUlceration: round9(sup / n), surfaceInvolved: round9(inv / n), surfaceUlcerated: round9(ulc / n), ulceratedStenosis: us, nonUlceratedStenosis: ns },
        band: null,
        segmentsExplored: n,
      };
    };
    const numbers = (r: CdeisResult): number[] => [r.total, r.segmentsExplored, ...Object.values(r.components)];
    // Surfaces: tenths of a cm (as recorded), hundredths, and any double in 0-10 (rounding stress).
    const cm = fc.oneof(fc.integer({ min: 0, max: 100 }).map((t) => t / 10), fc.integer({ min: 0, max: 1000 }).map((t) => t / 100), fc.double({ min: 0, max: 10, noNaN: true }));
    const segment2 = fc.record({ deepUlceration: fc.boolean(), superficialUlceration: fc.boolean(), surfaceInvolvedCm: cm, surfaceUlceratedCm: cm });
    const slot = fc.oneof(segment2, fc.constant(null), fc.constant(undefined));
    const visits = fc
      .record({ ileum: slot, rightColon: slot, transverseColon: slot, leftColon: slot, rectum: slot, ulceratedStenosis: fc.boolean(), nonUlceratedStenosis: fc.boolean() })
      .filter((v) => names.some((k) => v[k] != null))
      .map((v) => {
        // An absent segment is a missing key, not a key holding undefined (exactOptionalPropertyTypes).
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = x;
        return out as CdeisInput;
      });
    fc.assert(
      fc.property(visits, (v) => {
        const fast = cdeisUnchecked(v);
        const checked = cdeis(v);
        const want = plain(v);
        expect(fast).toStrictEqual(want);
        expect(checked).toStrictEqual(want);
        const [a, b, c] = [numbers(fast), numbers(checked), numbers(want)];
        expect(a.length).toBe(8);
        for (let i = 0; i < a.length; i++) expect(Object.is(a[i], c[i]) && Object.is(b[i], c[i])).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it("names the bad item", () => {
    expect(() => cdeis({ ileum: seg(false, false, 11, 0), ulceratedStenosis: false, nonUlceratedStenosis: false })).toThrow(new RangeError("cdeis: items.ileum.surfaceInvolvedCm must be <= 10; got 11."));
    expect(() => cdeis({ ileum: normal } as never)).toThrow(new TypeError("cdeis: items.ulceratedStenosis is required; got undefined. (1 more issue)"));
    expect(() => cdeis({ ulceratedStenosis: false, nonUlceratedStenosis: false })).toThrow(new RangeError("cdeis: items must have at least one explored segment; got an object."));
  });

  it("the hand-written check accepts exactly what CdeisInputSchema accepts (fast-check)", () => {
    const near = fc.record({ ileum: fc.oneof(candidateRecord(SEGMENT_SPEC), fc.constant(null)), rectum: candidateRecord(SEGMENT_SPEC), ulceratedStenosis: fc.oneof(fc.boolean(), fc.anything()), nonUlceratedStenosis: fc.boolean() }, { requiredKeys: [] });
    assertEquivalent(isCdeisInput, CdeisInputSchema, fc.oneof(near, mutated(input)));
  });
});
