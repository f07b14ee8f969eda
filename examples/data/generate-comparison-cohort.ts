/**
 * Writes examples/data/comparison-cohort.json: a SYNTHETIC two-drug cohort for the comparative-
 * effectiveness demo (propensity scores, matching, weighting, balance). No real patient is in it.
 *
 * Group 1, upadacitinib: 122 patients, 43 UC and 79 CD as in the paper cohort (cohort.json), with
 * baseline characteristics drawn to resemble a refractory population (more prior advanced therapies,
 * higher CRP, younger). Group 2, ustekinumab: 366 synthetic patients (three per upadacitinib patient)
 * drawn from a less refractory population, so the crude comparison is confounded by indication.
 * The outcome (clinical remission at week 8) is drawn from a logistic model in which upadacitinib
 * has a true conditional log odds ratio of 0.5 and prior advanced therapies, age, CRP and baseline
 * steroids act as confounders. Every value is recorded (no missing data), so the demo can show the
 * methods without an imputation step; real cohorts need one.
 *
 * Deterministic: its own seeded integer PRNG (mulberry32, seed 17017), no clock, no Math.random;
 * the paper cohort (cohort.json) is not read or changed. Running it twice writes the same bytes:
 *   npx tsx examples/data/generate-comparison-cohort.ts [--check]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** One patient of the comparison cohort. */
export interface ComparisonPatient {
  readonly id: string;
  readonly drug: "upadacitinib" | "ustekinumab";
  readonly diagnosis: "UC" | "CD";
  readonly ageYears: number;
  readonly female: 0 | 1;
  readonly diseaseDurationYears: number;
  /** Advanced therapies (biologics, small molecules) before this one. */
  readonly priorAdvancedTherapies: number;
  readonly crpMgPerL: number;
  readonly steroidAtBaseline: 0 | 1;
  readonly clinicalRemissionWeek8: 0 | 1;
}

let state = 17017 >>> 0;
function nextU32(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}
/** Uniform in (0, 1). */
function unit(): number {
  return (nextU32() + 0.5) / 4294967296;
}
/** Standard normal (Box-Muller). */
function normal(): number {
  return Math.sqrt(-2 * Math.log(unit())) * Math.cos(2 * Math.PI * unit());
}
function bernoulli(p: number): 0 | 1 {
  return unit() < p ? 1 : 0;
}
/** Integer from a discrete distribution over 0..k-1. */
function discrete(p: readonly number[]): number {
  const u = unit();
  let s = 0;
  for (let k = 0; k < p.length; k++) {
    s += p[k]!;
    if (u < s) return k;
  }
  return p.length - 1;
}
const round1 = (x: number): number => Math.round(x * 10) / 10;
const expit = (x: number): number => 1 / (1 + Math.exp(-x));

interface Population {
  readonly ageMean: number;
  readonly ageSd: number;
  readonly female: number;
  readonly priorDist: readonly number[];
  readonly crpLogMean: number;
  readonly steroid: number;
  readonly durationMean: number;
}
const UPA: Population = { ageMean: 37, ageSd: 12, female: 0.42, priorDist: [0.08, 0.22, 0.35, 0.25, 0.1], crpLogMean: Math.log(11), steroid: 0.5, durationMean: 8 };
const UST: Population = { ageMean: 44, ageSd: 14, female: 0.5, priorDist: [0.3, 0.38, 0.2, 0.1, 0.02], crpLogMean: Math.log(6), steroid: 0.35, durationMean: 9 };

function patient(id: string, drug: ComparisonPatient["drug"], diagnosis: ComparisonPatient["diagnosis"], pop: Population): ComparisonPatient {
  const ageYears = Math.max(18, Math.min(85, Math.round(pop.ageMean + pop.ageSd * normal())));
  const female = bernoulli(pop.female);
  const diseaseDurationYears = Math.max(0.5, Math.min(ageYears - 12, round1(pop.durationMean * Math.exp(0.6 * normal() - 0.18))));
  const priorAdvancedTherapies = discrete(pop.priorDist);
  const crpMgPerL = Math.max(0.2, round1(Math.exp(pop.crpLogMean + 0.9 * normal())));
  const steroidAtBaseline = bernoulli(pop.steroid);
  const eta = -0.2 + (drug === "upadacitinib" ? 0.5 : 0) - 0.35 * priorAdvancedTherapies - 0.015 * (ageYears - 40) - 0.25 * Math.log(crpMgPerL / 5) - 0.3 * steroidAtBaseline;
  const clinicalRemissionWeek8 = bernoulli(expit(eta));
  return { id, drug, diagnosis, ageYears, female, diseaseDurationYears, priorAdvancedTherapies, crpMgPerL, steroidAtBaseline, clinicalRemissionWeek8 };
}

/** The cohort: 122 upadacitinib (43 UC, 79 CD) and 366 ustekinumab (110 UC, 256 CD) patients. */
export function generateComparisonCohort(): { description: string; patients: ComparisonPatient[] } {
  state = 17017 >>> 0;
  const patients: ComparisonPatient[] = [];
  for (let i = 0; i < 122; i++) patients.push(patient(`U${String(i + 1).padStart(3, "0")}`, "upadacitinib", i < 43 ? "UC" : "CD", UPA));
  for (let i = 0; i < 366; i++) patients.push(patient(`S${String(i + 1).padStart(3, "0")}`, "ustekinumab", i < 110 ? "UC" : "CD", UST));
  return {
    description:
      "SYNTHETIC comparison cohort (examples/data/generate-comparison-cohort.ts, seed 17017): 122 upadacitinib patients (43 UC, 79 CD, as in the paper cohort) and 366 synthetic ustekinumab patients from a less refractory population; clinical remission at week 8 drawn with a true conditional log odds ratio of 0.5 for upadacitinib, confounded by prior advanced therapies, age, CRP and baseline steroids. Not real data.",
    patients,
  };
}

/** Path of the generated file. */
export const COMPARISON_COHORT_FILE = join(dirname(fileURLToPath(import.meta.url)), "comparison-cohort.json");

function main(): void {
  const text = `${JSON.stringify(generateComparisonCohort(), null, 1)}\n`;
  if (process.argv.includes("--check")) {
    const current = readFileSync(COMPARISON_COHORT_FILE, "utf8");
    if (current !== text) {
      console.error("comparison-cohort.json is out of date: run npx tsx examples/data/generate-comparison-cohort.ts");
      process.exitCode = 1;
      return;
    }
    console.log("comparison-cohort.json is up to date");
    return;
  }
  writeFileSync(COMPARISON_COHORT_FILE, text);
  console.log(`wrote ${COMPARISON_COHORT_FILE}`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main();
