import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SesCdInputSchema, type SesCdInput, type SesCdSegment, type SesCdSegmentName } from "../../models/scoreInputs.js";
import { mutated, nearInt, nearRecord } from "../_lib/testing.js";
import { isSesCdInput, safeSesCd, sesCd, sesCdUnchecked } from "./index.js";

const SEGMENTS: readonly SesCdSegmentName[] = ["ileum", "rightColon", "transverseColon", "leftColon", "rectum"];
const VARS = ["ulcerSize", "ulceratedSurface", "affectedSurface", "narrowing"] as const;
const seg = (u: number, s: number, a: number, n: number): SesCdSegment => ({ ulcerSize: u, ulceratedSurface: s, affectedSurface: a, narrowing: n });
const zeroSeg = seg(0, 0, 0, 0);
const allZero: SesCdInput = { ileum: zeroSeg, rightColon: zeroSeg, transverseColon: zeroSeg, leftColon: zeroSeg, rectum: zeroSeg };

const v03 = fc.integer({ min: 0, max: 3 });
const segArb = fc.record({ ulcerSize: v03, ulceratedSurface: v03, affectedSurface: v03, narrowing: fc.integer({ min: 0, max: 2 }) });
/** Valid inputs: each segment explored, absent or null; at most one narrowing 3. */
const input = fc
  .tuple(
    fc.array(fc.option(segArb, { nil: undefined }), { minLength: 5, maxLength: 5 }),
    fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
    fc.option(fc.integer({ min: 0, max: 4 })),
  )
  .map(([segs, nulls, blocked]) => {
    const o: Record<string, SesCdSegment | null> = {};
    SEGMENTS.forEach((name, i) => {
      const s = segs[i];
      if (s !== undefined) o[name] = blocked === i ? { ...s, narrowing: 3 } : s;
      else if (nulls[i]) o[name] = null;
    });
    return o as SesCdInput;
  });

describe("sesCd", () => {
  it("matches the @examples", () => {
    const r = sesCd({ ileum: seg(2, 2, 2, 1), rightColon: seg(1, 1, 1, 0) });
    expect([r.total, r.band, r.segmentsExplored, r.exNarrowing]).toEqual([10, "moderate", 2, 9]);
    expect(sesCdUnchecked({ rectum: seg(0, 0, 1, 0) }).band).toBe("inactive");
    expect(safeSesCd({ jejunum: seg(1, 1, 1, 0) }).success).toBe(false);
  });

  it("scores the minimum (all segments normal) with full breakdowns", () => {
    expect(sesCd(allZero)).toEqual({
      total: 0,
      components: { ulcerSize: 0, ulceratedSurface: 0, affectedSurface: 0, narrowing: 0 },
      band: "inactive",
      segmentsExplored: 5,
      segments: { ileum: 0, rightColon: 0, transverseColon: 0, leftColon: 0, rectum: 0 },
      variables: { ulcerSize: 0, ulceratedSurface: 0, affectedSurface: 0, narrowing: 0 },
      exNarrowing: 0,
      maxSubscore: 0,
      hasUlcers: false,
    });
  });

  it("reaches 56, not 60: narrowing 3 in one segment only (3 + 4 x 2 = 11)", () => {
    const max: SesCdInput = { ileum: seg(3, 3, 3, 3), rightColon: seg(3, 3, 3, 2), transverseColon: seg(3, 3, 3, 2), leftColon: seg(3, 3, 3, 2), rectum: seg(3, 3, 3, 2) };
    const r = sesCd(max);
    expect(r.total).toBe(56);
    expect(r.variables).toEqual({ ulcerSize: 15, ulceratedSurface: 15, affectedSurface: 15, narrowing: 11 });
    expect(r.exNarrowing).toBe(45);
    expect(r.band).toBe("severe");
    expect(r.maxSubscore).toBe(3);
    expect(() => sesCd({ ...max, rectum: seg(3, 3, 3, 3) })).toThrow(
      new RangeError("sesCd: items.rectum.narrowing must not be 3 in a second segment (a non-passable narrowing stops the scope; already 3 in ileum); got 3."),
    );
  });

  it("scores each variable alone in each segment", () => {
    for (const name of SEGMENTS) {
      for (const v of VARS) {
        const r = sesCd({ ...allZero, [name]: { ...zeroSeg, [v]: 2 } });
        expect(r.total).toBe(2);
        expect(r.segments[name]).toBe(2);
        expect(r.variables[v]).toBe(2);
        expect(r.exNarrowing).toBe(v === "narrowing" ? 0 : 2);
        expect(r.hasUlcers).toBe(v === "ulcerSize" || v === "ulceratedSurface");
      }
    }
  });

  it("unexplored segments (absent or null) add nothing and the total is not rescaled", () => {
    const ileumOnly = sesCd({ ileum: seg(2, 2, 2, 0) });
    expect(ileumOnly.total).toBe(6);
    expect(ileumOnly.segmentsExplored).toBe(1);
    expect(ileumOnly.segments).toEqual({ ileum: 6, rightColon: null, transverseColon: null, leftColon: null, rectum: null });
    const withNull = sesCd({ ileum: seg(2, 2, 2, 0), rectum: null, leftColon: undefined });
    expect(withNull.total).toBe(6);
    expect(withNull.segmentsExplored).toBe(1);
    expect(sesCd({})).toMatchObject({ total: 0, segmentsExplored: 0, maxSubscore: 0, band: "inactive" });
  });

  it("requireAllSegments makes an unexplored segment an error", () => {
    expect(() => sesCd({ ...allZero, rectum: null }, { requireAllSegments: true })).toThrow(
      new TypeError("sesCd: items.rectum is required when options.requireAllSegments is true; got null."),
    );
    expect(sesCd(allZero, { requireAllSegments: true }).segmentsExplored).toBe(5);
    expect(sesCd({ ileum: zeroSeg }, { requireAllSegments: false }).segmentsExplored).toBe(1);
    const r = safeSesCd({ ileum: zeroSeg }, { requireAllSegments: true });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues.map((i) => i.path[0])).toEqual(["rightColon", "transverseColon", "leftColon", "rectum"]);
  });

  it("uses the bands 0-2 inactive, 3-6 mild, 7-15 moderate, >=16 severe", () => {
    const band = (n: number) => {
      // Spread n points over affected surface/ulcer size of the five segments.
      const o: Record<string, SesCdSegment> = {};
      let left = n;
      for (const name of SEGMENTS) {
        const a = Math.min(3, left);
        left -= a;
        const u = Math.min(3, left);
        left -= u;
        o[name] = seg(u, 0, a, 0);
      }
      return sesCd(o as SesCdInput).band;
    };
    expect([0, 2, 3, 6, 7, 15, 16, 30].map(band)).toEqual(["inactive", "inactive", "mild", "mild", "moderate", "moderate", "severe", "severe"]);
  });

  it("total = sum of components = sum of segments, 0-56, monotone (property)", () => {
    fc.assert(
      fc.property(input, fc.constantFrom(...SEGMENTS), fc.constantFrom("ulcerSize", "ulceratedSurface", "affectedSurface"), (x, name, v) => {
        const r = sesCd(x);
        const c = r.components;
        expect(r.total).toBe(c.ulcerSize + c.ulceratedSurface + c.affectedSurface + c.narrowing);
        expect(r.total).toBe(Object.values(r.segments).reduce<number>((a, b) => a + (b ?? 0), 0));
        expect(r.variables).toEqual(c);
        expect(r.exNarrowing).toBe(r.total - c.narrowing);
        expect(r.total).toBeGreaterThanOrEqual(0);
        expect(r.total).toBeLessThanOrEqual(56);
        expect(sesCdUnchecked(x)).toEqual(r);
        const explored = SEGMENTS.map((n) => x[n]).filter((v): v is SesCdSegment => v !== undefined && v !== null);
        const cells = explored.flatMap((v) => VARS.map((k) => v[k]));
        expect(r.segmentsExplored).toBe(explored.length);
        expect(r.maxSubscore).toBe(cells.length > 0 ? Math.max(...cells) : 0);
        expect(r.hasUlcers).toBe(explored.some((v) => v.ulcerSize > 0 || v.ulceratedSurface > 0));
        const s = x[name];
        if (s !== undefined && s !== null && s[v] < 3) {
          expect(sesCd({ ...x, [name]: { ...s, [v]: s[v] + 1 } }).total).toBe(r.total + 1);
        }
        // Exploring a further (normal) segment never lowers the total.
        if (s === undefined || s === null) expect(sesCd({ ...x, [name]: zeroSeg }).total).toBe(r.total);
      }),
    );
  });

  it("names the bad item", () => {
    expect(() => sesCd({ jejunum: zeroSeg } as never)).toThrow(new TypeError("sesCd: items.jejunum is not a recognised item; got an object."));
    expect(() => sesCd({ ileum: { ...zeroSeg, ulcerSize: 4 } })).toThrow(new RangeError("sesCd: items.ileum.ulcerSize must be <= 3; got 4."));
    expect(() => sesCd({ ileum: { ...zeroSeg, narrowing: 0.5 } })).toThrow(new RangeError("sesCd: items.ileum.narrowing must be an integer; got 0.5."));
    expect(() => sesCd({ ileum: { ulcerSize: 1, ulceratedSurface: 1, affectedSurface: 1 } } as never)).toThrow(
      new TypeError("sesCd: items.ileum.narrowing is required; got undefined."),
    );
    expect(() => sesCd({ ileum: 3 } as never)).toThrow(TypeError);
    expect(() => sesCd(allZero, { requireAllSegments: "yes" } as never)).toThrow(/options\.requireAllSegments must be true or false/);
  });

  it("does not mutate its input", () => {
    const x: SesCdInput = { ileum: seg(2, 1, 2, 3), rectum: null, leftColon: seg(1, 1, 1, 1) };
    const before = structuredClone(x);
    sesCd(x);
    safeSesCd(x, { requireAllSegments: true });
    expect(x).toEqual(before);
  });

  it("the hand-written check accepts exactly what SesCdInputSchema accepts (fast-check)", () => {
    const segNear = fc.oneof(
      { weight: 5, arbitrary: nearRecord({ ulcerSize: nearInt(0, 3), ulceratedSurface: nearInt(0, 3), affectedSurface: nearInt(0, 3), narrowing: nearInt(0, 3) }) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>(null, undefined) },
    );
    const arb = nearRecord({ ileum: segNear, rightColon: segNear, transverseColon: segNear, leftColon: segNear, rectum: segNear });
    fc.assert(fc.property(arb, (x) => isSesCdInput(x) === SesCdInputSchema.safeParse(x).success), { numRuns: 5000 });
    // Valid shapes with narrowing 0-3 anywhere (so two non-passable narrowings occur), then one mutation.
    const s3 = fc.record({ ulcerSize: v03, ulceratedSurface: v03, affectedSurface: v03, narrowing: v03 });
    const valid = fc.record(
      { ileum: fc.option(s3), rightColon: fc.option(s3, { nil: undefined }), transverseColon: fc.option(s3), leftColon: s3, rectum: s3 },
      { requiredKeys: [] },
    );
    fc.assert(fc.property(mutated(valid), (x) => isSesCdInput(x) === SesCdInputSchema.safeParse(x).success), { numRuns: 5000 });
  });
});
