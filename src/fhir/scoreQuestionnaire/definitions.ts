/**
 * Private: the items and the FHIRPath total of each score's Questionnaire. Item texts are neutral
 * labels (the licensed questionnaires' wording is never shipped). Each expression reads the answers
 * of a QuestionnaireResponse (`%resource`) and mirrors the library's scoring; the tests evaluate it
 * with the fhirpath engine on thousands of generated responses against the library's score.
 */

/** One answerable item: integer, decimal, boolean, or a choice among codes. */
export interface ItemDef {
  readonly linkId: string;
  readonly type: "integer" | "decimal" | "boolean" | "choice";
  /** Inclusive bounds for numbers (SDC minValue/maxValue). */
  readonly min?: number;
  readonly max?: number;
  /** Codes of a choice item. */
  readonly codes?: readonly string[];
}

/** A score's Questionnaire: its items and the FHIRPath of the total. */
export interface QuestionnaireDef {
  readonly title: string;
  readonly items: readonly ItemDef[];
  readonly expression: string;
}

const v = (id: string) => `%resource.item.where(linkId='${id}').answer.value`;
const b = (id: string, pts: number) => `iif(${v(id)}, ${pts}, 0)`;
const int = (linkId: string, min: number, max: number): ItemDef => ({ linkId, type: "integer", min, max });
const dec = (linkId: string, min: number, max: number): ItemDef => ({ linkId, type: "decimal", min, max });
const bool = (linkId: string): ItemDef => ({ linkId, type: "boolean" });
const sumOf = (ids: readonly string[]) => ids.map((id) => v(id)).join(" + ");
const range = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}.${i + 1}`);

const EXTRACOLONIC = ["arthritis", "uveitis", "erythemaNodosum", "pyodermaGangrenosum"];
const IBDQ = { bowel: 10, systemic: 5, emotional: 12, social: 5 } as const;
const SIBDQ = { bowel: 3, systemic: 2, emotional: 3, social: 2 } as const;
const likertItems = (sizes: Readonly<Record<string, number>>) => Object.entries(sizes).flatMap(([d, n]) => range(d, n).map((id) => int(id, 1, 7)));
const likertIds = (sizes: Readonly<Record<string, number>>) => Object.entries(sizes).flatMap(([d, n]) => range(d, n));

/** The supported scores' Questionnaire definitions. */
export function definitions(): Readonly<Record<string, QuestionnaireDef>> {
  return {
    sccai: {
      title: "Simple Clinical Colitis Activity Index (SCCAI)",
      items: [int("bowelFrequencyDay", 0, 3), int("bowelFrequencyNight", 0, 2), int("urgency", 0, 3), int("bloodInStool", 0, 3), int("generalWellBeing", 0, 4), ...EXTRACOLONIC.map((e) => bool(`extracolonic.${e}`))],
      expression: `${sumOf(["bowelFrequencyDay", "bowelFrequencyNight", "urgency", "bloodInStool", "generalWellBeing"])} + ${EXTRACOLONIC.map((e) => b(`extracolonic.${e}`, 1)).join(" + ")}`,
    },
    lichtiger: {
      title: "Lichtiger index",
      items: [int("stoolsPerDay", 0, 1000), bool("nocturnalDiarrhoea"), int("visibleBlood", 0, 3), bool("faecalIncontinence"), int("abdominalPain", 0, 3), int("generalWellBeing", 0, 5), int("abdominalTenderness", 0, 3), bool("antidiarrhoealDrugs")],
      expression: `iif(${v("stoolsPerDay")} <= 2, 0, iif(${v("stoolsPerDay")} <= 4, 1, iif(${v("stoolsPerDay")} <= 6, 2, iif(${v("stoolsPerDay")} <= 9, 3, 4)))) + ${b("nocturnalDiarrhoea", 1)} + ${v("visibleBlood")} + ${b("faecalIncontinence", 1)} + ${sumOf(["abdominalPain", "generalWellBeing", "abdominalTenderness"])} + ${b("antidiarrhoealDrugs", 1)}`,
    },
    pucai: {
      title: "Paediatric Ulcerative Colitis Activity Index (PUCAI)",
      items: [int("abdominalPain", 0, 2), int("rectalBleeding", 0, 3), int("stoolConsistency", 0, 2), int("stoolsPer24h", 0, 1000), bool("nocturnalStools"), int("activityLevel", 0, 2)],
      expression: `5 * ${v("abdominalPain")} + 10 * ${v("rectalBleeding")} + 5 * ${v("stoolConsistency")} + iif(${v("stoolsPer24h")} <= 2, 0, iif(${v("stoolsPer24h")} <= 5, 5, iif(${v("stoolsPer24h")} <= 8, 10, 15))) + ${b("nocturnalStools", 10)} + 5 * ${v("activityLevel")}`,
    },
    hoScore: {
      title: "Ho (Edinburgh) day-3 score",
      items: [dec("meanStoolsPerDay", 0, 1000), bool("colonicDilatation"), dec("albuminGPerL", 0, 100)],
      expression: `iif(${v("meanStoolsPerDay")} < 4, 0, iif(${v("meanStoolsPerDay")} < 7, 1, iif(${v("meanStoolsPerDay")} <= 9, 2, 4))) + ${b("colonicDilatation", 4)} + iif(${v("albuminGPerL")} < 30, 1, 0)`,
    },
    pdai: {
      title: "Perianal Disease Activity Index (PDAI)",
      items: ["discharge", "pain", "sexualActivity", "type", "induration"].map((id) => int(id, 0, 4)),
      expression: sumOf(["discharge", "pain", "sexualActivity", "type", "induration"]),
    },
    weightedPcdai: {
      title: "Weighted Paediatric Crohn's Disease Activity Index (wPCDAI)",
      items: [int("abdominalPain", 0, 2), int("wellBeing", 0, 2), int("stools", 0, 2), dec("esrMmPerH", 0, 200), dec("albuminGPerDl", 0, 10), int("weight", 0, 2), int("perirectal", 0, 2), int("extraintestinal", 0, 5)],
      expression: `10 * ${v("abdominalPain")} + 10 * ${v("wellBeing")} + 7.5 * ${v("stools")} + iif(${v("esrMmPerH")} < 20, 0, iif(${v("esrMmPerH")} <= 50, 7.5, 15)) + iif(${v("albuminGPerDl")} >= 3.5, 0, iif(${v("albuminGPerDl")} > 3, 10, 20)) + 5 * ${v("weight")} + 7.5 * ${v("perirectal")} + iif(${v("extraintestinal")} > 0, 10, 0)`,
    },
    pcdai: {
      title: "Paediatric Crohn's Disease Activity Index (PCDAI)",
      items: [int("abdominalPain", 0, 2), int("stools", 0, 2), int("wellBeing", 0, 2), dec("haematocritPercent", 0, 100), dec("ageYears", 0, 20), { linkId: "sex", type: "choice", codes: ["female", "male"] }, dec("esrMmPerH", 0, 200), dec("albuminGPerDl", 0, 10), int("weight", 0, 2), int("height", 0, 2), int("abdomen", 0, 2), int("perirectal", 0, 2), int("extraintestinal", 0, 5)],
      // Haematocrit rows with ages in completed years (the library's default reading).
      expression: `5 * (${sumOf(["abdominalPain", "stools", "wellBeing", "weight", "height", "abdomen", "perirectal"])}) + iif(${v("ageYears")} < 11, iif(${v("haematocritPercent")} >= 33, 0, iif(${v("haematocritPercent")} >= 28, 2.5, 5)), iif(${v("sex")}.code = 'female', iif(${v("haematocritPercent")} >= 34, 0, iif(${v("haematocritPercent")} >= 29, 2.5, 5)), iif(${v("ageYears")} < 15, iif(${v("haematocritPercent")} >= 35, 0, iif(${v("haematocritPercent")} >= 30, 2.5, 5)), iif(${v("haematocritPercent")} >= 37, 0, iif(${v("haematocritPercent")} >= 32, 2.5, 5))))) + iif(${v("esrMmPerH")} < 20, 0, iif(${v("esrMmPerH")} <= 50, 2.5, 5)) + iif(${v("albuminGPerDl")} >= 3.5, 0, iif(${v("albuminGPerDl")} > 3, 5, 10)) + iif(${v("extraintestinal")} = 0, 0, iif(${v("extraintestinal")} = 1, 5, 10))`,
    },
    pro2Uc: {
      title: "Ulcerative colitis PRO2",
      items: [int("stoolFrequency", 0, 3), int("rectalBleeding", 0, 3)],
      expression: sumOf(["stoolFrequency", "rectalBleeding"]),
    },
    pro2Cd: {
      title: "Crohn's disease PRO2",
      items: [dec("stoolFrequencyMean", 0, 100), dec("abdominalPainMean", 0, 3)],
      expression: `(2 * ${v("stoolFrequencyMean")} + 5 * ${v("abdominalPainMean")}).round(9)`,
    },
    maria: {
      title: "MaRIA (one segment)",
      items: [dec("wallThicknessMm", 0, 50), dec("relativeContrastEnhancement", 0, 10000), bool("oedema"), bool("ulcers")],
      expression: `(1.5 * ${v("wallThicknessMm")} + 0.02 * ${v("relativeContrastEnhancement")} + ${b("oedema", 5)} + ${b("ulcers", 10)}).round(9)`,
    },
    simplifiedMaria: {
      title: "Simplified MaRIA (one segment)",
      items: [dec("wallThicknessMm", 0, 50), bool("oedema"), bool("fatStranding"), bool("ulcers")],
      expression: `iif(${v("wallThicknessMm")} > 3, 1, 0) + ${b("oedema", 1)} + ${b("fatStranding", 1)} + ${b("ulcers", 2)}`,
    },
    ibusSas: {
      title: "IBUS-SAS (one segment)",
      items: [dec("bowelWallThicknessMm", 0, 50), int("inflammatoryFat", 0, 2), int("colourDoppler", 0, 3), int("wallStratification", 0, 3)],
      expression: `(4 * ${v("bowelWallThicknessMm")} + 15 * ${v("inflammatoryFat")} + 7 * ${v("colourDoppler")} + 4 * ${v("wallStratification")}).round(9)`,
    },
    nancyIndex: {
      title: "Nancy histological index",
      items: [bool("ulceration"), int("acuteInfiltrate", 0, 2), int("chronicInfiltrate", 0, 1)],
      expression: `iif(${v("ulceration")}, 4, iif(${v("acuteInfiltrate")} = 2, 3, iif(${v("acuteInfiltrate")} = 1, 2, iif(${v("chronicInfiltrate")} = 1, 1, 0))))`,
    },
    robartsHistopathologyIndex: {
      title: "Robarts Histopathology Index (RHI)",
      items: ["chronicInfiltrate", "laminaPropriaNeutrophils", "epithelialNeutrophils", "erosionUlceration"].map((id) => int(id, 0, 3)),
      expression: `${v("chronicInfiltrate")} + 2 * ${v("laminaPropriaNeutrophils")} + 3 * ${v("epithelialNeutrophils")} + 5 * ${v("erosionUlceration")}`,
    },
    uceis: {
      title: "Ulcerative Colitis Endoscopic Index of Severity (UCEIS)",
      items: [int("vascularPattern", 0, 2), int("bleeding", 0, 3), int("erosionsUlcers", 0, 3)],
      expression: sumOf(["vascularPattern", "bleeding", "erosionsUlcers"]),
    },
    ibdq32: { title: "IBDQ-32 total (scoring only)", items: likertItems(IBDQ), expression: sumOf(likertIds(IBDQ)) },
    sibdq: { title: "SIBDQ total (scoring only)", items: likertItems(SIBDQ), expression: sumOf(likertIds(SIBDQ)) },
  };
}
