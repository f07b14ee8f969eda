#!/usr/bin/env node
// Smoke imports of the built package from Node ESM, Node CJS and Deno, and the built CLI (the `deno` npm package ships
// the binary). Each imports through the package's own "exports" map and calls a function.
import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" } });
run(process.execPath, [join(root, "tests/smoke/esm.mjs")]);
run(process.execPath, [join(root, "tests/smoke/cjs.cjs")]);
run(join(root, "node_modules/.bin/deno"), ["run", "--no-prompt", "--allow-read", "--allow-env", "--node-modules-dir=manual", join(root, "tests/smoke/deno.ts")]);
// The built command line: runs from its shebang'd bundle and answers --help.
const help = execFileSync(process.execPath, [join(root, "dist/cli.js"), "--help"], { cwd: root, encoding: "utf8" });
if (!/validate/.test(help) || !/score/.test(help) || !/report/.test(help)) throw new Error("smoke: dist/cli.js --help does not list validate, score and report");
console.log("smoke cli: ok");

// The built CLI's worker threads: `score --jobs 2` writes the same bytes as one thread (the example cohort's visits).
{
  const { mkdirSync, readFileSync, writeFileSync } = await import("node:fs");
  const tmp = join(root, ".tmp", "smoke");
  mkdirSync(tmp, { recursive: true });
  const visits = JSON.parse(readFileSync(join(root, "examples/data/cohort.json"), "utf8")).visits;
  const file = join(tmp, "visits.ndjson");
  writeFileSync(file, visits.map((v) => JSON.stringify(v)).join("\n") + "\n");
  const score = (jobs) => execFileSync(process.execPath, [join(root, "dist/cli.js"), "score", file, "--profile", "mao2025", "--jobs", jobs], { cwd: root, maxBuffer: 1 << 28, env: { ...process.env, IBD_OUTCOMES_FORCE_THREADS: "1" } });
  const one = score("1");
  const two = score("2");
  if (one.length === 0 || !one.equals(two)) throw new Error("smoke: dist/cli.js score --jobs 2 differs from --jobs 1");
  console.log(`smoke cli score --jobs 1 vs 2: ok (${visits.length} visits, identical bytes)`);
}

// Determinism across engines (docs/determinism.md): the same seeded cvElasticNet and Boruta under Node and
// Deno take identical decisions (folds, chosen lambda, Boruta decisions) and their numbers agree within
// 1e-12 relative (engines may differ in the last bit of Math.exp/log/pow).
{
  const env = { ...process.env, DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" };
  const script = join(root, "tests/smoke/determinism.mjs");
  const viaNode = JSON.parse(execFileSync(process.execPath, [script], { cwd: root, encoding: "utf8", env }));
  const viaNode2 = JSON.parse(execFileSync(process.execPath, [script], { cwd: root, encoding: "utf8", env }));
  const viaDeno = JSON.parse(execFileSync(join(root, "node_modules/.bin/deno"), ["run", "--no-prompt", "--allow-read", "--allow-env", "--node-modules-dir=manual", script], { cwd: root, encoding: "utf8", env }));
  if (JSON.stringify(viaNode) !== JSON.stringify(viaNode2)) throw new Error("smoke determinism: two Node runs differ (must be bit-identical)");
  if (JSON.stringify(viaNode.decisions) !== JSON.stringify(viaDeno.decisions)) {
    throw new Error(`smoke determinism: decisions differ between Node and Deno: ${JSON.stringify(viaNode.decisions)} vs ${JSON.stringify(viaDeno.decisions)}`);
  }
  if (viaNode.numbers.length !== viaDeno.numbers.length) throw new Error("smoke determinism: Node and Deno return different numbers of values");
  let worst = 0;
  viaNode.numbers.forEach((a, i) => {
    const b = viaDeno.numbers[i];
    const rel = a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
    if (!(rel <= 1e-12)) throw new Error(`smoke determinism: value ${i} differs between Node (${a}) and Deno (${b}) by ${rel} relative (> 1e-12)`);
    worst = Math.max(worst, rel);
  });
  console.log(`smoke determinism node vs deno: ok (decisions identical, ${viaNode.numbers.length} numbers within ${worst.toExponential(1)} relative; two Node runs bit-identical)`);
}

// The examples that run against the built package (the vitest copies of these checks skip before a build).
const quick = execFileSync(process.execPath, [join(root, "examples/node-quickstart.mjs")], { cwd: root, encoding: "utf8" });
if (!/19\/28 \(67\.9%\)/.test(quick) || !/31\/52 \(59\.6%\)/.test(quick)) throw new Error("smoke: examples/node-quickstart.mjs did not print the paper's induction remission rates");
console.log("smoke example node-quickstart: ok");
const notebook = execFileSync(join(root, "node_modules/.bin/deno"), ["run", "--no-prompt", "--allow-read", "--allow-env", "--node-modules-dir=manual", join(root, "examples/deno-notebook.ts")], { cwd: root, encoding: "utf8", env: { ...process.env, DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" } });
if (!/18 \(64\.3%\)/.test(notebook)) throw new Error("smoke: examples/deno-notebook.ts did not print the paper's Table 1 row");
console.log("smoke example deno-notebook: ok");
console.log("smoke: ok (node esm, node cjs, deno, cli, examples)");
