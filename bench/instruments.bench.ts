/**
 * The further instruments (docs/definitions.md §1.8-§1.30) on the registry hot path, as in scores.bench.ts: one task iteration scores
 * an array of 1,000,000 visits (visits/s = 1e6 × ops/s). "unchecked" = the `*Unchecked` form on
 * validated input, "validated" = the public validating function (hand-written check equivalent to the
 * zod schema). Targets (one core): >= 10 million visits/s unchecked, >= 1 million visits/s validated.
 * Run alone: `npx tsx bench/run.ts instruments`.
 */
import type { Bench } from "tinybench";
import {
  cdeis,
  cdeisUnchecked,
  geboesScore,
  geboesScoreUnchecked,
  hoScore,
  hoScoreUnchecked,
  ibdq32,
  ibdq32Unchecked,
  ibusSas,
  ibusSasUnchecked,
  lichtiger,
  lichtigerUnchecked,
  maria,
  mariaUnchecked,
  modifiedMayoEndoscopicScore,
  modifiedMayoEndoscopicScoreUnchecked,
  nancyIndex,
  nancyIndexUnchecked,
  pcdai,
  pcdaiUnchecked,
  pdai,
  pdaiUnchecked,
  pro2Cd,
  pro2CdUnchecked,
  pro2Uc,
  pro2UcUnchecked,
  pucai,
  pucaiUnchecked,
  robartsHistopathologyIndex,
  robartsHistopathologyIndexUnchecked,
  sccai,
  sccaiUnchecked,
  sibdq,
  sibdqUnchecked,
  simplifiedMaria,
  simplifiedMariaUnchecked,
  travisIndex,
  travisIndexUnchecked,
  trueloveWitts,
  trueloveWittsUnchecked,
  weightedPcdai,
  weightedPcdaiUnchecked,
  type CdeisInput,
  type GeboesItems,
  type HoItems,
  type Ibdq32Responses,
  type IbusSasItems,
  type LichtigerItems,
  type MariaSegment,
  type ModifiedMayoEndoscopicInput,
  type NancyItems,
  type PcdaiItems,
  type PdaiItems,
  type Pro2Cd,
  type Pro2Uc,
  type PucaiItems,
  type RhiItems,
  type SccaiItems,
  type SibdqResponses,
  type SimplifiedMariaSegment,
  type TravisItems,
  type TrueloveWittsItems,
  type WeightedPcdaiItems,
} from "../src/scores/index.js";

const N = 1_000_000;
let sink = 0;

/** Deterministic PRNG (mulberry32): benchmarks never use Math.random. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One task over the whole array; the data are built before each phase and freed after it. */
function addTask<T>(bench: Bench, name: string, make: () => T[], run: (xs: readonly T[]) => number): void {
  let data: T[] | undefined;
  bench.add(name, () => {
    sink += run(data!);
  }, {
    beforeAll() {
      data = make();
    },
    afterAll() {
      data = undefined;
    },
  });
}

function makeSccai(): SccaiItems[] {
  const r = rng(100);
  const out: SccaiItems[] = new Array(N);
  for (let i = 0; i < N; i++) out[i] = ({ bowelFrequencyDay: (r() * 4) | 0, bowelFrequencyNight: (r() * 3) | 0, urgency: (r() * 4) | 0, bloodInStool: (r() * 4) | 0, generalWellBeing: (r() * 5) | 0, extracolonic: r() < 0.1 ? ["arthritis"] : [] }) as SccaiItems;
  return out;
}

function makeLichtiger(): LichtigerItems[] {
  const r = rng(101);
  const out: LichtigerItems[] = new Array(N);
  for (let i = 0; i < N; i++) out[i] = ({ stoolsPerDay: (r() * 15) | 0, nocturnalDiarrhoea: r() < 0.5, visibleBlood: (r() * 4) | 0, faecalIncontinence: r() < 0.2, abdominalPain: (r() * 4) | 0, generalWellBeing: (r() * 6) | 0, abdominalTenderness: (r() * 4) | 0, antidiarrhoealDrugs: r() < 0.3 }) as LichtigerItems;
  return out;
}

function makeTrueloveWitts(): TrueloveWittsItems[] {
  const r = rng(102);
  const out: TrueloveWittsItems[] = new Array(N);
  for (let i = 0; i < N; i++) out[i] = ({ stoolsPerDay: (r() * 12) | 0, bloodInStool: (r() * 3) | 0, temperatureC: 36 + r() * 3, pulseBpm: 60 + r() * 60, haemoglobinGPerDl: 8 + r() * 8, esrMmPerH: r() * 60 }) as TrueloveWittsItems;
  return out;
}

function makeTravisIndex(): TravisItems[] {
  const r = rng(103);
  const out: TravisItems[] = new Array(N);
  for (let i = 0; i < N; i++) out[i] = ({ stoolsPerDay: (r() * 12) | 0, crpMgPerL: r() * 150 }) as TravisItems;
  return out;
}

function makeHoScore(): HoItems[] {
  const r = rng(104);
  const out: HoItems[] = new Array(N);
  for (let i = 0; i < N; i++) out[i] = ({ meanStoolsPerDay: r() * 12, colonicDilatation: r() < 0.1, albuminGPerL: 20 + r() * 25 }) as HoItems;
  return out;
}

function makePucai(): PucaiItems[] {
  const r = rng(105);
  const out: PucaiItems[] = new Array(N);
  for (let i = 0; i < N; i++) out[i] = ({ abdominalPain: (r() * 3) | 0, rectalBleeding: (r() * 4) | 0, stoolConsistency: (r() * 3) | 0, stoolsPer24h: (r() * 12) | 0, nocturnalStools: r() < 0.4, activityLevel: (r() * 3) | 0 }) as PucaiItems;
  return out;
}

function makeModifiedMayoEndoscopicScore(): ModifiedMayoEndoscopicInput[] {
  const r = rng(106);
  const out: ModifiedMayoEndoscopicInput[] = new Array(N);
  for (let i = 0; i < N; i++) out[i] = ({ ascending: (r() * 2) | 0, transverse: (r() * 3) | 0, descending: (r() * 4) | 0, sigmoid: 1 + ((r() * 3) | 0), rectum: 1 + ((r() * 3) | 0), extentCm: 10 + ((r() * 900) | 0) / 10 }) as ModifiedMayoEndoscopicInput;
  return out;
}

function makeCdeis(): CdeisInput[] {
  const r = rng(107);
  const out: CdeisInput[] = new Array(N);
  for (let i = 0; i < N; i++) out[i] = (() => { const s = () => ({ deepUlceration: r() < 0.3, superficialUlceration: r() < 0.4, surfaceInvolvedCm: ((r() * 100) | 0) / 10, surfaceUlceratedCm: ((r() * 50) | 0) / 10 }); return { ileum: s(), rightColon: s(), transverseColon: r() < 0.2 ? null : s(), leftColon: s(), rectum: s(), ulceratedStenosis: r() < 0.1, nonUlceratedStenosis: r() < 0.1 }; })() as CdeisInput;
  return out;
}

function makePcdai(): PcdaiItems[] {
  const r = rng(108);
  const out: PcdaiItems[] = new Array(N);
  for (let i = 0; i < N; i++) out[i] = ({ abdominalPain: (r() * 3) | 0, stools: (r() * 3) | 0, wellBeing: (r() * 3) | 0, haematocritPercent: 25 + r() * 20, ageYears: 6 + r() * 13, sex: r() < 0.5 ? "female" : "male", esrMmPerH: r() * 80, albuminGPerDl: 2.5 + r() * 2, weight: (r() * 3) | 0, height: (r() * 3) | 0, abdomen: (r() * 3) | 0, perirectal: (r() * 3) | 0, extraintestinal: (r() * 3) | 0 }) as PcdaiItems;
  return out;
}

function makeWeightedPcdai(): WeightedPcdaiItems[] {
  const r = rng(109);
  const out: WeightedPcdaiItems[] = new Array(N);
  for (let i = 0; i < N; i++) out[i] = ({ abdominalPain: (r() * 3) | 0, wellBeing: (r() * 3) | 0, stools: (r() * 3) | 0, esrMmPerH: r() * 80, albuminGPerDl: 2.5 + r() * 2, weight: (r() * 3) | 0, perirectal: (r() * 3) | 0, extraintestinal: (r() * 3) | 0 }) as WeightedPcdaiItems;
  return out;
}

function makePdai(): PdaiItems[] {
  const r = rng(110);
  const out: PdaiItems[] = new Array(N);
  for (let i = 0; i < N; i++) out[i] = ({ discharge: (r() * 5) | 0, pain: (r() * 5) | 0, sexualActivity: (r() * 5) | 0, type: (r() * 5) | 0, induration: (r() * 5) | 0 }) as PdaiItems;
  return out;
}

function makePro2Cd(): Pro2Cd[] {
  const r = rng(111);
  const out: Pro2Cd[] = new Array(N);
  for (let i = 0; i < N; i++) out[i] = ({ stoolFrequencyMean: ((r() * 70) | 0) / 7, abdominalPainMean: ((r() * 21) | 0) / 7 }) as Pro2Cd;
  return out;
}

function makePro2Uc(): Pro2Uc[] {
  const r = rng(112);
  const out: Pro2Uc[] = new Array(N);
  for (let i = 0; i < N; i++) out[i] = ({ stoolFrequency: (r() * 4) | 0, rectalBleeding: (r() * 4) | 0 }) as Pro2Uc;
  return out;
}

function makeMaria(): MariaSegment[] {
  const r = rng(113);
  const out: MariaSegment[] = new Array(N);
  for (let i = 0; i < N; i++) out[i] = ({ wallThicknessMm: ((r() * 150) | 0) / 10, relativeContrastEnhancement: ((r() * 2000) | 0) / 10, oedema: r() < 0.4, ulcers: r() < 0.3 }) as MariaSegment;
  return out;
}

function makeSimplifiedMaria(): SimplifiedMariaSegment[] {
  const r = rng(114);
  const out: SimplifiedMariaSegment[] = new Array(N);
  for (let i = 0; i < N; i++) out[i] = ({ wallThicknessMm: ((r() * 150) | 0) / 10, oedema: r() < 0.4, fatStranding: r() < 0.3, ulcers: r() < 0.3 }) as SimplifiedMariaSegment;
  return out;
}

function makeIbusSas(): IbusSasItems[] {
  const r = rng(115);
  const out: IbusSasItems[] = new Array(N);
  for (let i = 0; i < N; i++) out[i] = ({ bowelWallThicknessMm: ((r() * 100) | 0) / 10, inflammatoryFat: (r() * 3) | 0, colourDoppler: (r() * 4) | 0, wallStratification: (r() * 4) | 0 }) as IbusSasItems;
  return out;
}

function makeNancyIndex(): NancyItems[] {
  const r = rng(116);
  const out: NancyItems[] = new Array(N);
  for (let i = 0; i < N; i++) out[i] = ({ ulceration: r() < 0.2, acuteInfiltrate: (r() * 3) | 0, chronicInfiltrate: (r() * 2) | 0 }) as NancyItems;
  return out;
}

function makeRobartsHistopathologyIndex(): RhiItems[] {
  const r = rng(117);
  const out: RhiItems[] = new Array(N);
  for (let i = 0; i < N; i++) out[i] = ({ chronicInfiltrate: (r() * 4) | 0, laminaPropriaNeutrophils: (r() * 4) | 0, epithelialNeutrophils: (r() * 4) | 0, erosionUlceration: (r() * 4) | 0 }) as RhiItems;
  return out;
}

function makeGeboesScore(): GeboesItems[] {
  const r = rng(118);
  const out: GeboesItems[] = new Array(N);
  for (let i = 0; i < N; i++) out[i] = ({ architecture: (r() * 4) | 0, chronicInfiltrate: (r() * 4) | 0, eosinophils: (r() * 4) | 0, laminaPropriaNeutrophils: (r() * 4) | 0, epithelialNeutrophils: (r() * 4) | 0, cryptDestruction: (r() * 4) | 0, erosionUlceration: (r() * 5) | 0 }) as GeboesItems;
  return out;
}

function makeIbdq32(): Ibdq32Responses[] {
  const r = rng(119);
  const out: Ibdq32Responses[] = new Array(N);
  for (let i = 0; i < N; i++) out[i] = (() => { const a = (n: number) => Array.from({ length: n }, () => 1 + ((r() * 7) | 0)); return { bowel: a(10), systemic: a(5), emotional: a(12), social: a(5) }; })() as Ibdq32Responses;
  return out;
}

function makeSibdq(): SibdqResponses[] {
  const r = rng(120);
  const out: SibdqResponses[] = new Array(N);
  for (let i = 0; i < N; i++) out[i] = (() => { const a = (n: number) => Array.from({ length: n }, () => 1 + ((r() * 7) | 0)); return { bowel: a(3), systemic: a(2), emotional: a(3), social: a(2) }; })() as SibdqResponses;
  return out;
}

export default function instrumentsBench(bench: Bench): void {
  addTask(bench, "sccai unchecked (1M visits)", makeSccai, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += sccaiUnchecked(xs[i]!).total;
    return s;
  });
  addTask(bench, "sccai validated (1M visits)", makeSccai, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += sccai(xs[i]!).total;
    return s;
  });
  addTask(bench, "lichtiger unchecked (1M visits)", makeLichtiger, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += lichtigerUnchecked(xs[i]!).total;
    return s;
  });
  addTask(bench, "lichtiger validated (1M visits)", makeLichtiger, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += lichtiger(xs[i]!).total;
    return s;
  });
  addTask(bench, "trueloveWitts unchecked (1M visits)", makeTrueloveWitts, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += trueloveWittsUnchecked(xs[i]!).total;
    return s;
  });
  addTask(bench, "trueloveWitts validated (1M visits)", makeTrueloveWitts, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += trueloveWitts(xs[i]!).total;
    return s;
  });
  addTask(bench, "travisIndex unchecked (1M visits)", makeTravisIndex, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += travisIndexUnchecked(xs[i]!).total;
    return s;
  });
  addTask(bench, "travisIndex validated (1M visits)", makeTravisIndex, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += travisIndex(xs[i]!).total;
    return s;
  });
  addTask(bench, "hoScore unchecked (1M visits)", makeHoScore, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += hoScoreUnchecked(xs[i]!).total;
    return s;
  });
  addTask(bench, "hoScore validated (1M visits)", makeHoScore, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += hoScore(xs[i]!).total;
    return s;
  });
  addTask(bench, "pucai unchecked (1M visits)", makePucai, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += pucaiUnchecked(xs[i]!).total;
    return s;
  });
  addTask(bench, "pucai validated (1M visits)", makePucai, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += pucai(xs[i]!).total;
    return s;
  });
  addTask(bench, "modifiedMayoEndoscopicScore unchecked (1M visits)", makeModifiedMayoEndoscopicScore, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += modifiedMayoEndoscopicScoreUnchecked(xs[i]!).total;
    return s;
  });
  addTask(bench, "modifiedMayoEndoscopicScore validated (1M visits)", makeModifiedMayoEndoscopicScore, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += modifiedMayoEndoscopicScore(xs[i]!).total;
    return s;
  });
  addTask(bench, "cdeis unchecked (1M visits)", makeCdeis, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += cdeisUnchecked(xs[i]!).total;
    return s;
  });
  addTask(bench, "cdeis validated (1M visits)", makeCdeis, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += cdeis(xs[i]!).total;
    return s;
  });
  addTask(bench, "pcdai unchecked (1M visits)", makePcdai, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += pcdaiUnchecked(xs[i]!).total;
    return s;
  });
  addTask(bench, "pcdai validated (1M visits)", makePcdai, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += pcdai(xs[i]!).total;
    return s;
  });
  addTask(bench, "weightedPcdai unchecked (1M visits)", makeWeightedPcdai, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += weightedPcdaiUnchecked(xs[i]!).total;
    return s;
  });
  addTask(bench, "weightedPcdai validated (1M visits)", makeWeightedPcdai, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += weightedPcdai(xs[i]!).total;
    return s;
  });
  addTask(bench, "pdai unchecked (1M visits)", makePdai, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += pdaiUnchecked(xs[i]!).total;
    return s;
  });
  addTask(bench, "pdai validated (1M visits)", makePdai, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += pdai(xs[i]!).total;
    return s;
  });
  addTask(bench, "pro2Cd unchecked (1M visits)", makePro2Cd, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += pro2CdUnchecked(xs[i]!).total;
    return s;
  });
  addTask(bench, "pro2Cd validated (1M visits)", makePro2Cd, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += pro2Cd(xs[i]!).total;
    return s;
  });
  addTask(bench, "pro2Uc unchecked (1M visits)", makePro2Uc, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += pro2UcUnchecked(xs[i]!).total;
    return s;
  });
  addTask(bench, "pro2Uc validated (1M visits)", makePro2Uc, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += pro2Uc(xs[i]!).total;
    return s;
  });
  addTask(bench, "maria unchecked (1M visits)", makeMaria, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += mariaUnchecked(xs[i]!).total;
    return s;
  });
  addTask(bench, "maria validated (1M visits)", makeMaria, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += maria(xs[i]!).total;
    return s;
  });
  addTask(bench, "simplifiedMaria unchecked (1M visits)", makeSimplifiedMaria, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += simplifiedMariaUnchecked(xs[i]!).total;
    return s;
  });
  addTask(bench, "simplifiedMaria validated (1M visits)", makeSimplifiedMaria, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += simplifiedMaria(xs[i]!).total;
    return s;
  });
  addTask(bench, "ibusSas unchecked (1M visits)", makeIbusSas, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += ibusSasUnchecked(xs[i]!).total;
    return s;
  });
  addTask(bench, "ibusSas validated (1M visits)", makeIbusSas, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += ibusSas(xs[i]!).total;
    return s;
  });
  addTask(bench, "nancyIndex unchecked (1M visits)", makeNancyIndex, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += nancyIndexUnchecked(xs[i]!).total;
    return s;
  });
  addTask(bench, "nancyIndex validated (1M visits)", makeNancyIndex, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += nancyIndex(xs[i]!).total;
    return s;
  });
  addTask(bench, "robartsHistopathologyIndex unchecked (1M visits)", makeRobartsHistopathologyIndex, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += robartsHistopathologyIndexUnchecked(xs[i]!).total;
    return s;
  });
  addTask(bench, "robartsHistopathologyIndex validated (1M visits)", makeRobartsHistopathologyIndex, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += robartsHistopathologyIndex(xs[i]!).total;
    return s;
  });
  addTask(bench, "geboesScore unchecked (1M visits)", makeGeboesScore, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += geboesScoreUnchecked(xs[i]!).total;
    return s;
  });
  addTask(bench, "geboesScore validated (1M visits)", makeGeboesScore, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += geboesScore(xs[i]!).total;
    return s;
  });
  addTask(bench, "ibdq32 unchecked (1M visits)", makeIbdq32, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += ibdq32Unchecked(xs[i]!).total;
    return s;
  });
  addTask(bench, "ibdq32 validated (1M visits)", makeIbdq32, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += ibdq32(xs[i]!).total;
    return s;
  });
  addTask(bench, "sibdq unchecked (1M visits)", makeSibdq, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += sibdqUnchecked(xs[i]!).total;
    return s;
  });
  addTask(bench, "sibdq validated (1M visits)", makeSibdq, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += sibdq(xs[i]!).total;
    return s;
  });
  bench.addEventListener("complete", () => {
    if (Number.isNaN(sink)) console.log(sink);
  });
}
