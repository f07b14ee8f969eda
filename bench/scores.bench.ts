/**
 * Scores on the hot path of registries: one task iteration scores a whole array of 1,000,000 visits,
 * so visits/s = 1e6 × ops/s. "unchecked" = input already validated (`*Unchecked`), "validated" = raw
 * visits through the public validating function (hand-written check equivalent to the zod schema).
 * No zod-safeParse reference task: tinybench warms every task up before running any, and a task that
 * allocates like safeParse, warmed up with all the others, made V8 deoptimise the scoring code for
 * the rest of the run ("code dependencies"; probably allocation-site pretenuring): mayoFullUnchecked
 * ran 16x slower in that process. Measured alone, safeParse + score ran ~3.7M visits/s.
 * Targets (one core): >= 10 million visits/s unchecked, >= 1 million visits/s validated.
 */
import type { Bench } from "tinybench";
import { HbiComplicationSchema } from "../src/models/index.js";
import {
  cdai,
  cdaiUnchecked,
  harveyBradshawIndex,
  harveyBradshawIndexUnchecked,
  mayoAdapted,
  mayoAdaptedUnchecked,
  mayoFull,
  mayoFullUnchecked,
  sesCd,
  sesCdUnchecked,
  uceis,
  uceisUnchecked,
  type CdaiItems,
  type HbiComplication,
  type HbiItems,
  type MayoItems,
  type SesCdInput,
  type SesCdSegment,
  type UceisItems,
} from "../src/scores/index.js";

const N = 1_000_000;

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

const HBI_COMPLICATIONS: readonly HbiComplication[] = HbiComplicationSchema.options;

function makeMayo(): MayoItems[] {
  const r = rng(1);
  const out: MayoItems[] = new Array(N);
  for (let i = 0; i < N; i++) {
    out[i] = {
      stoolFrequency: (r() * 4) | 0,
      rectalBleeding: (r() * 4) | 0,
      endoscopic: (r() * 4) | 0,
      friability: r() < 0.3,
      physicianGlobal: (r() * 4) | 0,
    };
  }
  return out;
}

function makeHbi(): HbiItems[] {
  const r = rng(2);
  const out: HbiItems[] = new Array(N);
  for (let i = 0; i < N; i++) {
    const complications: HbiComplication[] = [];
    for (const c of HBI_COMPLICATIONS) if (r() < 0.08) complications.push(c);
    out[i] = {
      wellBeing: (r() * 5) | 0,
      abdominalPain: (r() * 4) | 0,
      liquidStools: (r() * 12) | 0,
      abdominalMass: (r() * 4) | 0,
      complications,
    };
  }
  return out;
}

function makeSesCd(): SesCdInput[] {
  const r = rng(3);
  const seg = (): SesCdSegment => ({
    ulcerSize: (r() * 4) | 0,
    ulceratedSurface: (r() * 4) | 0,
    affectedSurface: (r() * 4) | 0,
    narrowing: (r() * 3) | 0,
  });
  const out: SesCdInput[] = new Array(N);
  for (let i = 0; i < N; i++) {
    // Some visits with an unexplored segment (null), as in registries.
    out[i] = { ileum: seg(), rightColon: seg(), transverseColon: r() < 0.1 ? null : seg(), leftColon: seg(), rectum: seg() };
  }
  return out;
}

function makeCdai(): CdaiItems[] {
  const r = rng(4);
  const out: CdaiItems[] = new Array(N);
  for (let i = 0; i < N; i++) {
    out[i] = {
      liquidStoolsWeek: (r() * 40) | 0,
      abdominalPainWeek: (r() * 22) | 0,
      wellBeingWeek: (r() * 29) | 0,
      complications: r() < 0.2 ? ["fever"] : [],
      antidiarrheal: r() < 0.2,
      abdominalMass: r() < 0.8 ? 0 : r() < 0.5 ? 2 : 5,
      hematocritPct: 30 + r() * 20,
      weightKg: 45 + r() * 40,
      standardWeightKg: 55 + r() * 25,
      sex: r() < 0.5 ? "male" : "female",
    };
  }
  return out;
}

function makeUceis(): UceisItems[] {
  const r = rng(5);
  const out: UceisItems[] = new Array(N);
  for (let i = 0; i < N; i++) {
    out[i] = { vascularPattern: (r() * 3) | 0, bleeding: (r() * 4) | 0, erosionsUlcers: (r() * 4) | 0 };
  }
  return out;
}

let sink = 0;

/**
 * Adds one task running `run` over the whole array. Each task passes its own loop (a distinct function
 * literal) so every call site stays monomorphic, as in a registry scoring one kind of visit. The data
 * are built (deterministically) before each phase and freed after it; building is not timed.
 */
function addTask<T>(bench: Bench, name: string, make: () => T[], run: (xs: readonly T[]) => number): void {
  let data: T[] | undefined;
  bench.add(
    name,
    () => {
      sink += run(data!);
    },
    {
      beforeAll() {
        data = make();
      },
      afterAll() {
        // tinybench warms every task up before running any: free the data after each phase, so only
        // one 1M-visit array is alive at a time (several at once push the heap towards its limit and
        // the timings measure the garbage collector).
        data = undefined;
      },
    },
  );
}

export default function scoresBench(bench: Bench): void {
  const fda = { endoscopicScoring: "fdaModified" } as const;
  addTask(bench, "mayoFull unchecked (1M visits)", makeMayo, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) {
      const r = mayoFullUnchecked(xs[i]!);
      s += r.band === null ? r.total : r.total + 1;
    }
    return s;
  });
  addTask(bench, "mayoFull validated (1M visits)", makeMayo, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) {
      const r = mayoFull(xs[i]!);
      s += r.band === null ? r.total : r.total + 1;
    }
    return s;
  });
  addTask(bench, "mayoAdapted fdaModified unchecked (1M visits)", makeMayo, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) {
      const r = mayoAdaptedUnchecked(xs[i]!, fda);
      s += r.band === null ? r.total : r.total + 1;
    }
    return s;
  });
  addTask(bench, "mayoAdapted fdaModified validated (1M visits)", makeMayo, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) {
      const r = mayoAdapted(xs[i]!, fda);
      s += r.band === null ? r.total : r.total + 1;
    }
    return s;
  });
  addTask(bench, "harveyBradshawIndex unchecked (1M visits)", makeHbi, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) {
      const r = harveyBradshawIndexUnchecked(xs[i]!);
      s += r.band === null ? r.total : r.total + 1;
    }
    return s;
  });
  addTask(bench, "harveyBradshawIndex validated (1M visits)", makeHbi, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) {
      const r = harveyBradshawIndex(xs[i]!);
      s += r.band === null ? r.total : r.total + 1;
    }
    return s;
  });
  addTask(bench, "sesCd unchecked (1M visits)", makeSesCd, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) {
      const r = sesCdUnchecked(xs[i]!);
      s += r.band === null ? r.total : r.total + 1;
    }
    return s;
  });
  addTask(bench, "sesCd validated (1M visits)", makeSesCd, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) {
      const r = sesCd(xs[i]!);
      s += r.band === null ? r.total : r.total + 1;
    }
    return s;
  });
  addTask(bench, "cdai unchecked (1M visits)", makeCdai, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) {
      const r = cdaiUnchecked(xs[i]!);
      s += r.band === null ? r.total : r.total + 1;
    }
    return s;
  });
  addTask(bench, "cdai validated (1M visits)", makeCdai, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) {
      const r = cdai(xs[i]!);
      s += r.band === null ? r.total : r.total + 1;
    }
    return s;
  });
  addTask(bench, "uceis unchecked (1M visits)", makeUceis, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) {
      const r = uceisUnchecked(xs[i]!);
      s += r.band === null ? r.total : r.total + 1;
    }
    return s;
  });
  addTask(bench, "uceis validated (1M visits)", makeUceis, (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) {
      const r = uceis(xs[i]!);
      s += r.band === null ? r.total : r.total + 1;
    }
    return s;
  });
  bench.addEventListener("complete", () => {
    // Keep the results observable so the loops cannot be optimised away.
    if (Number.isNaN(sink)) console.log(sink);
  });
}
