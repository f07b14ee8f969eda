import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TrueloveWittsItemsSchema, type TrueloveWittsItems } from "../../models/instrumentInputs.js";
import { assertEquivalent, candidateRecord, validRecord } from "../_lib/specTesting.js";
import { isTrueloveWittsItems, safeTrueloveWitts, SPEC, trueloveWitts, trueloveWittsUnchecked } from "./index.js";

const calm: TrueloveWittsItems = { stoolsPerDay: 2, bloodInStool: 1, temperatureC: 36.8, pulseBpm: 72, haemoglobinGPerDl: 13.5, esrMmPerH: 12 };
const bloody = { ...calm, stoolsPerDay: 6, bloodInStool: 2 };

describe("trueloveWitts", () => {
  it("matches the @examples", () => {
    expect(trueloveWitts({ stoolsPerDay: 8, bloodInStool: 2, temperatureC: 37.2, pulseBpm: 96, haemoglobinGPerDl: 12.1, esrMmPerH: 22 }).band).toBe("severe");
    expect(trueloveWittsUnchecked(calm).band).toBe("mild");
    expect(safeTrueloveWitts({ stoolsPerDay: 8 }).success).toBe(false);
  });

  it("severe needs 6 or more bloody stools AND one systemic sign; each sign alone suffices", () => {
    expect(trueloveWitts(bloody)).toEqual({ total: 1, components: { bloodyStools: 1, fever: 0, tachycardia: 0, anaemia: 0, raisedEsr: 0 }, band: "moderate" });
    expect(trueloveWitts({ ...bloody, temperatureC: 37.6 }).band).toBe("severe");
    expect(trueloveWitts({ ...bloody, pulseBpm: 91 }).band).toBe("severe");
    expect(trueloveWitts({ ...bloody, haemoglobinGPerDl: 10 }).band).toBe("severe");
    expect(trueloveWitts({ ...bloody, esrMmPerH: 31 }).band).toBe("severe");
    expect(trueloveWitts({ ...bloody, stoolsPerDay: 5, esrMmPerH: 31 }).band).toBe("moderate");
    expect(trueloveWitts({ ...bloody, bloodInStool: 1, esrMmPerH: 31 }).band).toBe("moderate");
  });

  it("edges: pulse 90, ESR 30 are not signs; fever and anaemia follow the chosen reading", () => {
    expect(trueloveWitts({ ...bloody, pulseBpm: 90, esrMmPerH: 30 }).band).toBe("moderate");
    expect(trueloveWitts({ ...bloody, temperatureC: 37.5 }).components.fever).toBe(0);
    expect(trueloveWitts({ ...bloody, temperatureC: 37.6 }).components.fever).toBe(1);
    expect(trueloveWitts({ ...bloody, temperatureC: 37.6 }, { fever: "ecco" }).components.fever).toBe(0);
    expect(trueloveWitts({ ...bloody, temperatureC: 37.8 }, { fever: "ecco" }).components.fever).toBe(0);
    expect(trueloveWitts({ ...bloody, temperatureC: 37.9 }, { fever: "ecco" }).components.fever).toBe(1);
    expect(trueloveWitts({ ...bloody, haemoglobinGPerDl: 10.5 }).components.anaemia).toBe(1);
    expect(trueloveWitts({ ...bloody, haemoglobinGPerDl: 10.5 }, { anaemia: "ecco" }).components.anaemia).toBe(0);
    expect(trueloveWitts({ ...bloody, haemoglobinGPerDl: 10.4 }, { anaemia: "ecco" }).components.anaemia).toBe(1);
  });

  it("mild needs fewer than 4 stools, at most small blood and no sign", () => {
    expect(trueloveWitts({ ...calm, stoolsPerDay: 3 }).band).toBe("mild");
    expect(trueloveWitts({ ...calm, stoolsPerDay: 4 }).band).toBe("moderate");
    expect(trueloveWitts({ ...calm, bloodInStool: 2 }).band).toBe("moderate");
    expect(trueloveWitts({ ...calm, pulseBpm: 100 }).band).toBe("moderate");
  });

  it("total counts the criteria; severe implies bloody stools (property)", () => {
    fc.assert(
      fc.property(validRecord(SPEC) as fc.Arbitrary<TrueloveWittsItems>, fc.constantFrom("truelove1955" as const, "ecco" as const), (v, f) => {
        const r = trueloveWitts(v, { fever: f, anaemia: f });
        const c = r.components;
        expect(r.total).toBe(c.bloodyStools + c.fever + c.tachycardia + c.anaemia + c.raisedEsr);
        if (r.band === "severe") expect(c.bloodyStools).toBe(1);
        if (r.band === "mild") expect(r.total).toBe(0);
        expect(trueloveWittsUnchecked(v, { fever: f, anaemia: f })).toEqual(r);
      }),
    );
  });

  it("names the bad item or option", () => {
    expect(() => trueloveWitts({ ...calm, pulseBpm: Number.NaN })).toThrow(/trueloveWitts: items.pulseBpm/);
    expect(() => trueloveWitts({ ...calm, bloodInStool: 3 })).toThrow(new RangeError("trueloveWitts: items.bloodInStool must be <= 2; got 3."));
    const { esrMmPerH: _e, ...noEsr } = calm;
    expect(() => trueloveWitts(noEsr as never)).toThrow(new TypeError("trueloveWitts: items.esrMmPerH is required; got undefined."));
    expect(() => trueloveWitts(calm, { fever: "38" } as never)).toThrow(new TypeError('trueloveWitts: options.fever must be "truelove1955" or "ecco"; got "38".'));
  });

  it("the hand-written check accepts exactly what TrueloveWittsItemsSchema accepts (fast-check)", () => {
    assertEquivalent(isTrueloveWittsItems, TrueloveWittsItemsSchema, candidateRecord(SPEC));
  });
});
