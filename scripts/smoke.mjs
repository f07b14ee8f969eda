#!/usr/bin/env node
// Smoke imports of the built package from Node ESM, Node CJS and Deno (the `deno` npm package ships
// the binary). Each imports through the package's own "exports" map and calls a function.
import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" } });
run(process.execPath, [join(root, "tests/smoke/esm.mjs")]);
run(process.execPath, [join(root, "tests/smoke/cjs.cjs")]);
run(join(root, "node_modules/.bin/deno"), ["run", "--no-prompt", "--allow-read", "--allow-env", "--node-modules-dir=manual", join(root, "tests/smoke/deno.ts")]);
console.log("smoke: ok (node esm, node cjs, deno)");
