// Node ESM smoke test of the built package (self-reference through package.json "exports").
import assert from "node:assert/strict";
import * as root from "ibd-outcomes";
import { parseVisit } from "ibd-outcomes/models";
import * as scores from "ibd-outcomes/scores";
import * as stats from "ibd-outcomes/stats";

assert.equal(parseVisit({ patientId: "P1", date: "2024-02-30" }).success, false);
assert.equal(root.parseVisit, parseVisit);
assert.equal(scores.harveyBradshawIndex({ wellBeing: 1, abdominalPain: 1, liquidStools: 2, abdominalMass: 0, complications: ["arthralgia"] }).total, 5);
assert.equal(stats.median([3, 1, 2]), 2);
console.log("smoke esm: ok");
