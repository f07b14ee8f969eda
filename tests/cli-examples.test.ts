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
  it("registry-stream.ts streams a file: UC/CD from the patient's diagnosis, bad lines and unknown patients counted", () => {
    const cohortFile = join(root, "examples", "data", "cohort.json");
    const c = JSON.parse(readFileSync(cohortFile, "utf8")) as { patients: { id: string; diagnosis: string }[]; visits: { patientId: string; mayo?: unknown; hbi?: unknown }[] };
    const cdPatient = new Set(c.patients.filter((p) => p.diagnosis === "CD").map((p) => p.id));
    // a CD patient's visit that records no HBI: classified by CD rules (diagnosis), not by its scores
    const cdVisit = c.visits.find((v) => cdPatient.has(v.patientId))!;
    const { hbi: _h, ...noScore } = cdVisit;
    void _h;
    const dir = mkdtempSync(join(tmpdir(), "ibd-ex-"));
    const f = join(dir, "v.ndjson");
    writeFileSync(f, `${JSON.stringify(noScore)}\n{"__proto__":{"x":1},"patientId":"P","date":"2024-01-01"}\n${JSON.stringify({ ...cdVisit, patientId: "NOBODY" })}\n`);
    const r = run(process.execPath, [join(root, "node_modules", "tsx", "dist", "cli.mjs"), "examples/registry-stream.ts", f, cohortFile]);
    expect(r.stderr).toMatch(/line 3: patient "NOBODY" is not in the patients file/);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/3 lines, 1 bad, 1 of unknown patients/);
    expect(r.stdout).toMatch(/CD clinicalRemission/);
    expect(r.stdout).not.toMatch(/UC clinicalRemission/);
    const usage = run(process.execPath, [join(root, "node_modules", "tsx", "dist", "cli.mjs"), "examples/registry-stream.ts", f]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/patients/);
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
