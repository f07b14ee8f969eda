// Deno smoke test of the built package: resolves "ibd-outcomes" through this repository's package.json.
import { parseVisit } from "ibd-outcomes/models";
import { harveyBradshawIndex } from "ibd-outcomes/scores";
import { median } from "ibd-outcomes/stats";

function check(cond: boolean, what: string): void {
  if (!cond) throw new Error(`smoke deno: ${what}`);
}
check(parseVisit({ patientId: "P1", date: "2024-02-30" }).success === false, "parseVisit rejects 2024-02-30");
check(harveyBradshawIndex({ wellBeing: 1, abdominalPain: 1, liquidStools: 2, abdominalMass: 0, complications: ["arthralgia"] }).total === 5, "HBI");
check(median([3, 1, 2]) === 2, "median");
console.log("smoke deno: ok");
