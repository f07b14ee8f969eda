// Deterministic visit generators for the instrument throughput harness (bench/instruments-dist.mjs).
// Plain JavaScript so the harness runs under bare `node` against the built package, with no TypeScript
// loader in the process. Each generator returns `n` visits built from its own mulberry32 seed (benchmarks
// never use Math.random); the mixes (unexplored segments, booleans, decimals) are those of the earlier
// tinybench tasks. `sesCd` repeats bench/scores.bench.ts's generator (seed 3) as the comparison figure.

/** Deterministic PRNG (mulberry32). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fill(n, one) {
  const out = new Array(n);
  for (let i = 0; i < n; i++) out[i] = one();
  return out;
}

/** Visit generators by instrument name (the name of the validating export). */
export const generators = {
  sccai: (n) => { const r = rng(100); return fill(n, () => ({ bowelFrequencyDay: (r() * 4) | 0, bowelFrequencyNight: (r() * 3) | 0, urgency: (r() * 4) | 0, bloodInStool: (r() * 4) | 0, generalWellBeing: (r() * 5) | 0, extracolonic: r() < 0.1 ? ["arthritis"] : [] })); },
  lichtiger: (n) => { const r = rng(101); return fill(n, () => ({ stoolsPerDay: (r() * 15) | 0, nocturnalDiarrhoea: r() < 0.5, visibleBlood: (r() * 4) | 0, faecalIncontinence: r() < 0.2, abdominalPain: (r() * 4) | 0, generalWellBeing: (r() * 6) | 0, abdominalTenderness: (r() * 4) | 0, antidiarrhoealDrugs: r() < 0.3 })); },
  trueloveWitts: (n) => { const r = rng(102); return fill(n, () => ({ stoolsPerDay: (r() * 12) | 0, bloodInStool: (r() * 3) | 0, temperatureC: 36 + r() * 3, pulseBpm: 60 + r() * 60, haemoglobinGPerDl: 8 + r() * 8, esrMmPerH: r() * 60 })); },
  travisIndex: (n) => { const r = rng(103); return fill(n, () => ({ stoolsPerDay: (r() * 12) | 0, crpMgPerL: r() * 150 })); },
  hoScore: (n) => { const r = rng(104); return fill(n, () => ({ meanStoolsPerDay: r() * 12, colonicDilatation: r() < 0.1, albuminGPerL: 20 + r() * 25 })); },
  pucai: (n) => { const r = rng(105); return fill(n, () => ({ abdominalPain: (r() * 3) | 0, rectalBleeding: (r() * 4) | 0, stoolConsistency: (r() * 3) | 0, stoolsPer24h: (r() * 12) | 0, nocturnalStools: r() < 0.4, activityLevel: (r() * 3) | 0 })); },
  modifiedMayoEndoscopicScore: (n) => { const r = rng(106); return fill(n, () => ({ ascending: (r() * 2) | 0, transverse: (r() * 3) | 0, descending: (r() * 4) | 0, sigmoid: 1 + ((r() * 3) | 0), rectum: 1 + ((r() * 3) | 0), extentCm: 10 + ((r() * 900) | 0) / 10 })); },
  cdeis: (n) => {
    const r = rng(107);
    const s = () => ({ deepUlceration: r() < 0.3, superficialUlceration: r() < 0.4, surfaceInvolvedCm: ((r() * 100) | 0) / 10, surfaceUlceratedCm: ((r() * 50) | 0) / 10 });
    return fill(n, () => ({ ileum: s(), rightColon: s(), transverseColon: r() < 0.2 ? null : s(), leftColon: s(), rectum: s(), ulceratedStenosis: r() < 0.1, nonUlceratedStenosis: r() < 0.1 }));
  },
  pcdai: (n) => { const r = rng(108); return fill(n, () => ({ abdominalPain: (r() * 3) | 0, stools: (r() * 3) | 0, wellBeing: (r() * 3) | 0, haematocritPercent: 25 + r() * 20, ageYears: 6 + r() * 13, sex: r() < 0.5 ? "female" : "male", esrMmPerH: r() * 80, albuminGPerDl: 2.5 + r() * 2, weight: (r() * 3) | 0, height: (r() * 3) | 0, abdomen: (r() * 3) | 0, perirectal: (r() * 3) | 0, extraintestinal: (r() * 3) | 0 })); },
  weightedPcdai: (n) => { const r = rng(109); return fill(n, () => ({ abdominalPain: (r() * 3) | 0, wellBeing: (r() * 3) | 0, stools: (r() * 3) | 0, esrMmPerH: r() * 80, albuminGPerDl: 2.5 + r() * 2, weight: (r() * 3) | 0, perirectal: (r() * 3) | 0, extraintestinal: (r() * 3) | 0 })); },
  pdai: (n) => { const r = rng(110); return fill(n, () => ({ discharge: (r() * 5) | 0, pain: (r() * 5) | 0, sexualActivity: (r() * 5) | 0, type: (r() * 5) | 0, induration: (r() * 5) | 0 })); },
  pro2Cd: (n) => { const r = rng(111); return fill(n, () => ({ stoolFrequencyMean: ((r() * 70) | 0) / 7, abdominalPainMean: ((r() * 21) | 0) / 7 })); },
  pro2Uc: (n) => { const r = rng(112); return fill(n, () => ({ stoolFrequency: (r() * 4) | 0, rectalBleeding: (r() * 4) | 0 })); },
  maria: (n) => { const r = rng(113); return fill(n, () => ({ wallThicknessMm: ((r() * 150) | 0) / 10, relativeContrastEnhancement: ((r() * 2000) | 0) / 10, oedema: r() < 0.4, ulcers: r() < 0.3 })); },
  simplifiedMaria: (n) => { const r = rng(114); return fill(n, () => ({ wallThicknessMm: ((r() * 150) | 0) / 10, oedema: r() < 0.4, fatStranding: r() < 0.3, ulcers: r() < 0.3 })); },
  ibusSas: (n) => { const r = rng(115); return fill(n, () => ({ bowelWallThicknessMm: ((r() * 100) | 0) / 10, inflammatoryFat: (r() * 3) | 0, colourDoppler: (r() * 4) | 0, wallStratification: (r() * 4) | 0 })); },
  nancyIndex: (n) => { const r = rng(116); return fill(n, () => ({ ulceration: r() < 0.2, acuteInfiltrate: (r() * 3) | 0, chronicInfiltrate: (r() * 2) | 0 })); },
  robartsHistopathologyIndex: (n) => { const r = rng(117); return fill(n, () => ({ chronicInfiltrate: (r() * 4) | 0, laminaPropriaNeutrophils: (r() * 4) | 0, epithelialNeutrophils: (r() * 4) | 0, erosionUlceration: (r() * 4) | 0 })); },
  geboesScore: (n) => { const r = rng(118); return fill(n, () => ({ architecture: (r() * 4) | 0, chronicInfiltrate: (r() * 4) | 0, eosinophils: (r() * 4) | 0, laminaPropriaNeutrophils: (r() * 4) | 0, epithelialNeutrophils: (r() * 4) | 0, cryptDestruction: (r() * 4) | 0, erosionUlceration: (r() * 5) | 0 })); },
  ibdq32: (n) => { const r = rng(119); const a = (k) => Array.from({ length: k }, () => 1 + ((r() * 7) | 0)); return fill(n, () => ({ bowel: a(10), systemic: a(5), emotional: a(12), social: a(5) })); },
  sibdq: (n) => { const r = rng(120); const a = (k) => Array.from({ length: k }, () => 1 + ((r() * 7) | 0)); return fill(n, () => ({ bowel: a(3), systemic: a(2), emotional: a(3), social: a(2) })); },
  sesCd: (n) => {
    const r = rng(3);
    const seg = () => ({ ulcerSize: (r() * 4) | 0, ulceratedSurface: (r() * 4) | 0, affectedSurface: (r() * 4) | 0, narrowing: (r() * 3) | 0 });
    return fill(n, () => ({ ileum: seg(), rightColon: seg(), transverseColon: r() < 0.1 ? null : seg(), leftColon: seg(), rectum: seg() }));
  },
};
