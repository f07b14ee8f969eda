import * as z from "zod";
import { isIsoDate } from "../_lib/dates.js";

/**
 * An ISO 8601 calendar date, `YYYY-MM-DD`, that exists on the calendar (2023-02-30 does not).
 * @remarks Dates cross the library boundary as strings; arithmetic uses date-fns internally.
 * @example
 * IsoDateSchema.parse("2024-02-29");
 * //=> "2024-02-29"
 */
export const IsoDateSchema = z.string().refine(isIsoDate, { error: "must be a calendar date written YYYY-MM-DD" });
/** An ISO 8601 calendar date string, `YYYY-MM-DD`. */
export type IsoDate = z.infer<typeof IsoDateSchema>;

/** A record identifier: a non-empty string of at most 128 characters. */
export const IdSchema = z.string().min(1).max(128);
/** A record identifier. */
export type Id = z.infer<typeof IdSchema>;

/** Sex recorded for the patient (the CDAI's standard haematocrit and weight depend on it). */
export const SexSchema = z.enum(["male", "female"]);
/** Sex recorded for the patient. */
export type Sex = z.infer<typeof SexSchema>;

/**
 * IBD diagnosis: ulcerative colitis (`UC`, ICD-10 K51, SNOMED CT 64766004), Crohn's disease (`CD`,
 * K50, 34000006), or IBD unclassified (`IBD-U`).
 */
export const DiagnosisSchema = z.enum(["UC", "CD", "IBD-U"]);
/** IBD diagnosis. */
export type Diagnosis = z.infer<typeof DiagnosisSchema>;

/** One validation problem: where (path inside the record), zod's issue code, and a readable message. */
export interface ValidationIssue {
  /** Path inside the record, e.g. `["priorTherapies", 0, "stopDate"]`. */
  readonly path: readonly (string | number)[];
  /** zod's issue code (`invalid_type`, `too_big`, `custom`, ...). */
  readonly code: string;
  /** A readable message. Never echoes identifying input. */
  readonly message: string;
}

/**
 * The non-throwing result of a `parse*` or `safe*` function: the typed value, or every issue found.
 * Plain data, safe to store as JSON.
 */
export type ParseResult<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly issues: readonly ValidationIssue[] };
