// Node CJS smoke test of the built package.
const assert = require("node:assert/strict");
const { parseVisit } = require("ibd-outcomes/models");
const { harveyBradshawIndex } = require("ibd-outcomes/scores");
const { median } = require("ibd-outcomes/stats");
const root = require("ibd-outcomes");

assert.equal(parseVisit({ patientId: "P1", date: "2024-02-29" }).success, true);
assert.equal(root.parseVisit, parseVisit);
assert.equal(harveyBradshawIndex({ wellBeing: 0, abdominalPain: 0, liquidStools: 0, abdominalMass: 0, complications: [] }).total, 0);
assert.equal(median([4, 1, 2, 3]), 2.5);
console.log("smoke cjs: ok");
