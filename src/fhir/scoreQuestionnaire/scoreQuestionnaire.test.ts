import * as fc from "fast-check";
import fhirpath from "fhirpath";
import r4 from "fhirpath/fhir-context/r4";
import type { QuestionnaireResponse, QuestionnaireResponseItemAnswer } from "fhir/r4.js";
import { describe, expect, it } from "vitest";
import * as scores from "../../scores/index.js";
import type { RecordSpec } from "../../scores/_lib/spec.js";
import { validRecord } from "../../scores/_lib/specTesting.js";
import { SPEC as SCCAI } from "../../scores/sccai/index.js";
import { SPEC as LICHTIGER } from "../../scores/lichtiger/index.js";
import { SPEC as PUCAI } from "../../scores/pucai/index.js";
import { SPEC as HO } from "../../scores/hoScore/index.js";
import { SPEC as PDAI } from "../../scores/pdai/index.js";
import { SPEC as WPCDAI } from "../../scores/weightedPcdai/index.js";
import { SPEC as PCDAI } from "../../scores/pcdai/index.js";
import { SPEC as PRO2UC } from "../../scores/pro2Uc/index.js";
import { SPEC as PRO2CD } from "../../scores/pro2Cd/index.js";
import { SPEC as MARIA } from "../../scores/maria/index.js";
import { SPEC as SMARIA } from "../../scores/simplifiedMaria/index.js";
import { SPEC as IBUS } from "../../scores/ibusSas/index.js";
import { SPEC as NANCY } from "../../scores/nancyIndex/index.js";
import { SPEC as RHI } from "../../scores/robartsHistopathologyIndex/index.js";
import { scoreQuestionnaire, type QuestionnaireScoreName } from "./index.js";

type Flat = Record<string, unknown>;

/** Flattens library items into linkId -> answer value (arrays and the SCCAI set into numbered items). */
function flatten(score: string, items: Flat): Flat {
  const out: Flat = {};
  for (const [k, v] of Object.entries(items)) {
    if (k === "extracolonic" && Array.isArray(v)) for (const e of ["arthritis", "uveitis", "erythemaNodosum", "pyodermaGangrenosum"]) out[`extracolonic.${e}`] = v.includes(e);
    else if (Array.isArray(v)) v.forEach((x, i) => (out[`${k}.${i + 1}`] = x));
    else out[k] = v;
  }
  return out;
}

function answer(type: string, v: unknown): QuestionnaireResponseItemAnswer {
  if (type === "boolean") return { valueBoolean: v as boolean };
  if (type === "integer") return { valueInteger: v as number };
  if (type === "decimal") return { valueDecimal: v as number };
  return { valueCoding: { code: v as string } };
}

const compiled = new Map<string, { q: ReturnType<typeof scoreQuestionnaire>; run: (r: unknown, env: Record<string, unknown>) => unknown[] }>();

function evaluateTotal(score: QuestionnaireScoreName, items: Flat): number {
  let c = compiled.get(score);
  if (c === undefined) {
    const q0 = scoreQuestionnaire(score);
    const e = q0.item!.find((i) => i.linkId === "total")!.extension![0]!.valueExpression!.expression!;
    const f = fhirpath.compile(e, r4);
    c = { q: q0, run: (r, env) => f(r as never, env) as unknown[] };
    compiled.set(score, c);
  }
  const q = c.q;
  const flat = flatten(score, items);
  const qr: QuestionnaireResponse = {
    resourceType: "QuestionnaireResponse",
    status: "completed",
    questionnaire: q.url!,
    item: q.item!.filter((i) => i.linkId !== "total").map((i) => ({ linkId: i.linkId, answer: [answer(i.type, flat[i.linkId])] })),
  };
  const out = c.run(qr, { resource: qr });
  expect(out).toHaveLength(1);
  return out[0] as number;
}

const likert = fc.integer({ min: 1, max: 7 });
const arr = (n: number) => fc.array(likert, { minLength: n, maxLength: n });
const fn = scores as unknown as Record<string, (x: unknown) => { total: number }>;
/** Decimal inputs with at most 2 decimals, as measured in practice (tenths of mm, hundredths of g/dL). */
function decimalised(spec: RecordSpec): fc.Arbitrary<Flat> {
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, f] of Object.entries(spec)) {
    if (f.t === "num") shape[k] = fc.integer({ min: Math.ceil(f.min * 100), max: Math.floor(Math.min(f.max, 1000) * 100) }).map((x) => x / 100);
  }
  return fc.tuple(validRecord(spec), fc.record(shape)).map(([a, b]) => ({ ...a, ...b }));
}

const CASES: [QuestionnaireScoreName, fc.Arbitrary<Flat>][] = [
  ["sccai", validRecord(SCCAI)],
  ["lichtiger", validRecord(LICHTIGER)],
  ["pucai", validRecord(PUCAI)],
  ["hoScore", decimalised(HO)],
  ["pdai", validRecord(PDAI)],
  ["weightedPcdai", decimalised(WPCDAI)],
  ["pcdai", decimalised(PCDAI)],
  ["pro2Uc", validRecord(PRO2UC)],
  ["pro2Cd", decimalised(PRO2CD)],
  ["maria", decimalised(MARIA)],
  ["simplifiedMaria", decimalised(SMARIA)],
  ["ibusSas", decimalised(IBUS)],
  ["nancyIndex", validRecord(NANCY)],
  ["robartsHistopathologyIndex", validRecord(RHI)],
  ["uceis", fc.record({ vascularPattern: fc.integer({ min: 0, max: 2 }), bleeding: fc.integer({ min: 0, max: 3 }), erosionsUlcers: fc.integer({ min: 0, max: 3 }) })],
  ["ibdq32", fc.record({ bowel: arr(10), systemic: arr(5), emotional: arr(12), social: arr(5) })],
  ["sibdq", fc.record({ bowel: arr(3), systemic: arr(2), emotional: arr(3), social: arr(2) })],
];

describe("scoreQuestionnaire", () => {
  it("matches the @example and carries an SDC calculatedExpression", () => {
    const q = scoreQuestionnaire("pro2Uc");
    expect(q.item?.map((i) => i.linkId)).toEqual(["stoolFrequency", "rectalBleeding", "total"]);
    expect(q.item?.at(-1)?.extension?.[0]?.url).toBe("http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression");
    expect(q.resourceType).toBe("Questionnaire");
  });

  for (const [score, arb] of CASES) {
    it(`${score}: the FHIRPath total equals the library's total on 1000 generated responses (fhirpath engine)`, () => {
      fc.assert(
        fc.property(arb, (items) => {
          const want = fn[score]!(items).total;
          const got = evaluateTotal(score, items);
          expect(Math.abs(got - want)).toBeLessThan(1e-9);
        }),
        { numRuns: 1000 },
      );
    });
  }

  it("edge values land exactly: MaRIA 7 and 11, wPCDAI ESR 20/50, PCDAI age 11 and 15", () => {
    expect(evaluateTotal("maria", { wallThicknessMm: 3.8, relativeContrastEnhancement: 65, oedema: false, ulcers: false })).toBe(7);
    expect(evaluateTotal("maria", { wallThicknessMm: 3.8, relativeContrastEnhancement: 65, oedema: false, ulcers: false })).toBe(scores.maria({ wallThicknessMm: 3.8, relativeContrastEnhancement: 65, oedema: false, ulcers: false }).total);
    const w = { abdominalPain: 0, wellBeing: 0, stools: 0, esrMmPerH: 20, albuminGPerDl: 3.5, weight: 0, perirectal: 0, extraintestinal: 0 };
    expect(evaluateTotal("weightedPcdai", w)).toBe(7.5);
    expect(evaluateTotal("weightedPcdai", { ...w, esrMmPerH: 50.01 })).toBe(15);
    const p = { abdominalPain: 0, stools: 0, wellBeing: 0, haematocritPercent: 34, ageYears: 11, sex: "male", esrMmPerH: 5, albuminGPerDl: 4, weight: 0, height: 0, abdomen: 0, perirectal: 0, extraintestinal: 0 };
    for (const age of [10.99, 11, 14.99, 15]) expect(evaluateTotal("pcdai", { ...p, ageYears: age })).toBe(scores.pcdai({ ...p, ageYears: age } as never).total);
  });

  it("names a score without a Questionnaire", () => {
    expect(() => scoreQuestionnaire("trueloveWitts" as never)).toThrow(/scoreQuestionnaire: score must be one of/);
    expect(() => scoreQuestionnaire("toString" as never)).toThrow(TypeError);
  });
});
