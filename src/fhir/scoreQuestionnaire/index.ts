import type { Questionnaire, QuestionnaireItem } from "fhir/r4.js";
import { SCORE_SYSTEM, scoreCodings, type FhirScoreName } from "../codes/index.js";
import { definitions } from "./definitions.js";

/** Scores with a Questionnaire (those whose total is a function of item answers). */
export type QuestionnaireScoreName = Extract<
  FhirScoreName,
  | "sccai" | "lichtiger" | "pucai" | "hoScore" | "pdai" | "weightedPcdai" | "pcdai" | "pro2Uc" | "pro2Cd" | "maria"
  | "simplifiedMaria" | "ibusSas" | "nancyIndex" | "robartsHistopathologyIndex" | "uceis" | "ibdq32" | "sibdq"
>;

const CALC = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression";
const MIN = "http://hl7.org/fhir/StructureDefinition/minValue";
const MAX = "http://hl7.org/fhir/StructureDefinition/maxValue";

/**
 * A FHIR R4 Questionnaire for one score, whose read-only item `total` carries an SDC
 * `calculatedExpression` (FHIRPath) computing the score from the answers, so any SDC form filler
 * shows the same total as the library.
 * @remarks Item linkIds are the library's item names (`extracolonic.arthritis`, `bowel.1`, ...); item
 * texts are neutral labels, never licensed questionnaire wording. Integer and decimal items carry
 * min/max extensions; grades are the library's (e.g. PUCAI rectal bleeding 0-3, weighted in the
 * expression). Continuous totals are rounded to 9 decimals in FHIRPath (`round(9)`), as in the library.
 * PCDAI uses the library's default haematocrit reading (ages in completed years). Tested with the
 * `fhirpath` engine on thousands of generated responses against the library's scores.
 * @param score - A score with a Questionnaire.
 * @returns A Questionnaire (status `active`), with `url` `urn:ibd-outcomes:questionnaire:<score>`.
 * @throws {TypeError} If `score` has no Questionnaire.
 * @example
 * scoreQuestionnaire("pro2Uc").item?.map((i) => i.linkId);
 * //=> ["stoolFrequency", "rectalBleeding", "total"]
 * @see HL7 SDC, calculatedExpression: https://hl7.org/fhir/uv/sdc/STU3/StructureDefinition-sdc-questionnaire-calculatedExpression.html
 */
export function scoreQuestionnaire(score: QuestionnaireScoreName): Questionnaire {
  const defs = definitions();
  if (typeof score !== "string" || !Object.hasOwn(defs, score)) {
    throw new TypeError(`scoreQuestionnaire: score must be one of ${Object.keys(defs).join(", ")}; got ${typeof score === "string" ? `a string of length ${score.length}` : typeof score}.`);
  }
  const def = defs[score]!;
  const item: QuestionnaireItem[] = def.items.map((d) => {
    const it: QuestionnaireItem = { linkId: d.linkId, text: d.linkId, type: d.type, required: true };
    if (d.type === "integer" && d.min !== undefined && d.max !== undefined) it.extension = [{ url: MIN, valueInteger: d.min }, { url: MAX, valueInteger: d.max }];
    if (d.type === "decimal" && d.min !== undefined && d.max !== undefined) it.extension = [{ url: MIN, valueDecimal: d.min }, { url: MAX, valueDecimal: d.max }];
    if (d.type === "choice" && d.codes !== undefined) it.answerOption = d.codes.map((code) => ({ valueCoding: { system: `urn:ibd-outcomes:item:${score}.${d.linkId}`, code } }));
    return it;
  });
  item.push({
    linkId: "total",
    text: "total",
    type: "decimal",
    readOnly: true,
    extension: [{ url: CALC, valueExpression: { language: "text/fhirpath", expression: def.expression } }],
  });
  return {
    resourceType: "Questionnaire",
    url: `urn:ibd-outcomes:questionnaire:${score}`,
    name: score,
    title: def.title,
    status: "active",
    code: scoreCodings(score).filter((c) => c.system === SCORE_SYSTEM),
    item,
  };
}
