/** One coding of a concept: code system URI, code, display text, and a caveat where the source has one. */
export interface ClinicalCoding {
  /** Code system URI (FHIR conventions: `http://snomed.info/sct`, `http://loinc.org`, NCIt, or a local URN). */
  readonly system: string;
  readonly code: string;
  readonly display: string;
  /** Caveat: verify before production use. */
  readonly note?: string;
}

const LOCAL = "urn:ibd-outcomes:score";
const SNOMED = "http://snomed.info/sct";
const LOINC = "http://loinc.org";
const NCIT = "http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl";
const ICD10 = "http://hl7.org/fhir/sid/icd-10";

/**
 * Codes of every score in `ibd-outcomes/scores`, keyed by the function name. Every score has a local
 * URI `urn:ibd-outcomes:score#<name>`; standard codes are listed first where they exist.
 * @remarks From [definitions §6](https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md): CDAI SNOMED CT 273364009 (one value set displays it as "Clinical
 * Disease Activity Index": confirm); HBI has no LOINC code, CDISC/NCIt C191036 "Harvey-Bradshaw Index
 * Clinical Classification"; SES-CD has no LOINC code, CDISC SES-CD V1 codelists C176050/C176051 (codelists,
 * not a concept code); Mayo (full/partial/adapted), MES, UCEIS and Rutgeerts: none found. Codes come
 * from public code maps, not the terminology owners: verify before production.
 * @example
 * SCORE_CODES.harveyBradshawIndex.map((c) => c.code);
 * //=> ["C191036", "hbi"]
 * @see Clinical-definitions §6 sources [S21a-S21e] (HL7 FHIR IGs, TWNHIFHIR/pas, CDISC terminology).
 */
export const SCORE_CODES = {
  mayoFull: [{ system: LOCAL, code: "mayoFull", display: "Mayo score (full, 4 items)" }],
  mayoPartial: [{ system: LOCAL, code: "mayoPartial", display: "Partial Mayo score (3 non-invasive items)" }],
  mayoAdapted: [{ system: LOCAL, code: "mayoAdapted", display: "Adapted (modified) Mayo score (SF + RB + ES)" }],
  mayoEndoscopicSubscore: [{ system: LOCAL, code: "mes", display: "Mayo endoscopic subscore" }],
  harveyBradshawIndex: [
    { system: NCIT, code: "C191036", display: "Harvey-Bradshaw Index Clinical Classification", note: "CDISC/NCIt; no LOINC code found" },
    { system: LOCAL, code: "hbi", display: "Harvey-Bradshaw Index" },
  ],
  sesCd: [
    { system: NCIT, code: "C176050", display: "SES-CD V1 test code codelist", note: "CDISC codelist, not a concept code" },
    { system: NCIT, code: "C176051", display: "SES-CD V1 test name codelist", note: "CDISC codelist, not a concept code" },
    { system: LOCAL, code: "sesCd", display: "Simple Endoscopic Score for Crohn's Disease" },
  ],
  rutgeertsScore: [{ system: LOCAL, code: "rutgeerts", display: "Rutgeerts postoperative endoscopic score" }],
  cdai: [
    { system: SNOMED, code: "273364009", display: "Crohn's disease activity index", note: "one value set displays it as \"Clinical Disease Activity Index\": confirm" },
    { system: LOCAL, code: "cdai", display: "Crohn's Disease Activity Index" },
  ],
  uceis: [{ system: LOCAL, code: "uceis", display: "Ulcerative Colitis Endoscopic Index of Severity" }],
  montrealClassification: [{ system: LOCAL, code: "montreal", display: "Montreal classification of IBD" }],
} as const satisfies Record<string, readonly ClinicalCoding[]>;

/**
 * Codes of the conditions and laboratory tests the scores and endpoints refer to ([definitions §6](https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md)).
 * @remarks LOINC codes come from public code maps, not loinc.org: verify before production.
 * @example
 * IBD_CODES.fecalCalprotectin[0].code;
 * //=> "38445-3"
 * @see Clinical-definitions §6 sources [S21a, S21b, S21d].
 */
export const IBD_CODES = {
  ulcerativeColitis: [
    { system: SNOMED, code: "64766004", display: "Ulcerative colitis" },
    { system: ICD10, code: "K51", display: "Ulcerative colitis" },
  ],
  crohnsDisease: [
    { system: SNOMED, code: "34000006", display: "Crohn's disease" },
    { system: ICD10, code: "K50", display: "Crohn's disease [regional enteritis]" },
  ],
  inflammatoryBowelDisease: [{ system: SNOMED, code: "24526004", display: "Inflammatory bowel disease" }],
  fecalCalprotectin: [{ system: LOINC, code: "38445-3", display: "Calprotectin [Mass/mass] in Stool" }],
  crp: [{ system: LOINC, code: "1988-5", display: "C reactive protein [Mass/volume] in Serum or Plasma" }],
  hsCrp: [{ system: LOINC, code: "30522-7", display: "C reactive protein [Mass/volume] in Serum or Plasma by High sensitivity method" }],
  esr: [{ system: LOINC, code: "4537-7", display: "Erythrocyte sedimentation rate by Westergren method" }],
  albumin: [{ system: LOINC, code: "1751-7", display: "Albumin [Mass/volume] in Serum or Plasma" }],
} as const satisfies Record<string, readonly ClinicalCoding[]>;
