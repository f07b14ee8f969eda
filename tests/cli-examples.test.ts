import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const built = existsSync(join(root, "dist", "index.js")) && existsSync(join(root, "dist", "cli.js"));
const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { cwd: root, encoding: "utf8", timeout: 120_000 });

describe("examples", () => {
  it("registry-stream.ts streams a file: bad lines counted, running counts printed", () => {
    const visits = (JSON.parse(readFileSync(join(root, "examples", "data", "cohort.json"), "utf8")) as { visits: unknown[] }).visits;
    const f = join(mkdtempSync(join(tmpdir(), "ibd-ex-")), "v.ndjson");
    writeFileSync(f, `${JSON.stringify(visits[0])}\n{"__proto__":{"x":1},"patientId":"P","date":"2024-01-01"}\n${JSON.stringify(visits[1])}\n`);
    const r = run(process.execPath, [join(root, "node_modules", "tsx", "dist", "cli.mjs"), "examples/registry-stream.ts", f]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/3 lines, 1 bad/);
    expect(r.stdout).toMatch(/clinicalRemission/);
  });

  it.skipIf(!built)("node-quickstart.mjs runs against ./dist and prints the paper's week-8/12 remission rates", () => {
    const r = run(process.execPath, ["examples/node-quickstart.mjs"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/19\/28 \(67\.9%\)/);
    expect(r.stdout).toMatch(/31\/52 \(59\.6%\)/);
  });

  it.skipIf(!built || !existsSync(join(root, "node_modules", ".bin", "deno")))("deno-notebook.ts runs in Deno against ./dist", () => {
    const r = run(join(root, "node_modules", ".bin", "deno"), ["run", "--no-prompt", "--allow-read", "--allow-env", "--node-modules-dir=manual", "examples/deno-notebook.ts"]);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/18 \(64\.3%\)/);
  });

  it.skipIf(!built)("the built CLI (dist/cli.js) runs with a shebang and --help", () => {
    expect(readFileSync(join(root, "dist", "cli.js"), "utf8").startsWith("#!/usr/bin/env node")).toBe(true);
    const r = run(process.execPath, ["dist/cli.js", "--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/validate <file>/);
  });
});
