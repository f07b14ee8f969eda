/**
 * The mao2025 endpoint rules ([definitions §2.2](https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md) with the §2.3 defaults), written out
 * literally for the cohort generator: the generator uses them to construct visit items that reach a
 * target outcome, and to check itself. The demo classifies with the library (src/endpoints), not with
 * this file; `examples/reproduce-paper.ts` reports any disagreement between the two.
 */

/** UC: adapted Mayo items at one visit. */
export interface UcItems {
  readonly sf: number;
  readonly rb: number;
  readonly es: number;
}

/** Steroid-free clinical remission (UC): aMS <= 2, SF, RB, ES each <= 1, steroid-free (A3). */
export function ucRemission(v: UcItems, steroidFree: boolean): boolean {
  return steroidFree && v.sf + v.rb + v.es <= 2 && v.sf <= 1 && v.rb <= 1 && v.es <= 1;
}

/** UC clinical response (A1): aMS drop >= 3 AND >= 30% AND (RB drop >= 1 OR RB <= 1). */
export function ucResponse(base: UcItems, v: UcItems): boolean {
  const b = base.sf + base.rb + base.es;
  const t = v.sf + v.rb + v.es;
  const drop = b - t;
  return drop >= 3 && drop >= 0.3 * b && (base.rb - v.rb >= 1 || v.rb <= 1);
}

/** UC endoscopic remission: MES = 0. */
export function ucEndoRemission(v: UcItems): boolean {
  return v.es === 0;
}

/** UC endoscopic response (A2): MES drop > 50%; baseline 0 -> null. */
export function ucEndoResponse(base: UcItems, v: UcItems): boolean | null {
  if (base.es === 0) return null;
  return (base.es - v.es) / base.es > 0.5;
}

/** CD steroid-free clinical remission: HBI <= 4 AND steroid-free. */
export function cdRemission(hbi: number, steroidFree: boolean): boolean {
  return steroidFree && hbi <= 4;
}

/** CD clinical response (A4): HBI drop >= 3 OR relative drop >= 50%. */
export function cdResponse(base: number, hbi: number): boolean {
  const drop = base - hbi;
  return drop >= 3 || (base > 0 && drop / base >= 0.5);
}

/** CD endoscopic remission (A6): SES-CD <= 3 (Rutgeerts <= i1 agrees by construction). */
export function cdEndoRemission(ses: number): boolean {
  return ses <= 3;
}

/** CD endoscopic response (A5): SES-CD drop >= 50%; baseline 0 -> null. */
export function cdEndoResponse(base: number, ses: number): boolean | null {
  if (base === 0) return null;
  return (base - ses) / base >= 0.5;
}

/** A7 per marker: normal CRP < 8 mg/L. */
export const CRP_NORMAL_BELOW = 8;
/** A7 per marker: normal FC < 150 ug/g. */
export const FC_NORMAL_BELOW = 150;
