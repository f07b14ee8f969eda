#!/usr/bin/env node
// Prints the closing line of `npm test` from vitest's JSON report (.tmp/vitest.json):
// "tests: N passed, N failed" (plus skipped), alone on a line, then the stages that ran after the tests.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const r = JSON.parse(readFileSync(join(root, ".tmp", "vitest.json"), "utf8"));
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
console.log("typecheck, build, package checks (publint, attw, tree-shaking) and smoke imports (Node ESM/CJS, Deno, CLI, examples): ok");
console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`);
if (r.numFailedTests > 0 || r.numTotalTests === 0) process.exit(1);
