/**
 * Every `@example` in src/scores is executed: the code before `//=>` is evaluated with the scores
 * barrel in scope and compared with the value written after `//=>`. A changed example that no
 * longer matches the code fails here (docs cannot drift).
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as scores from "./index.js";

const here = dirname(fileURLToPath(import.meta.url));

interface Example {
  readonly file: string;
  readonly code: string;
  readonly expected: string;
}

function examplesOf(file: string): Example[] {
  const lines = readFileSync(file, "utf8").split("\n");
  const out: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*\* @example\s*$/.test(lines[i]!)) continue;
    const code: string[] = [];
    let j = i + 1;
    while (j < lines.length && !/^\s*\* \/\/=>/.test(lines[j]!)) code.push(lines[j++]!.replace(/^\s*\* ?/, ""));
    const expected = (lines[j] ?? "").replace(/^\s*\* \/\/=>\s*/, "");
    out.push({ file, code: code.join("\n"), expected });
    i = j;
  }
  return out;
}

const files = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith("_"))
  .map((d) => join(here, d.name, "index.ts"));
const examples = files.flatMap(examplesOf);

function evaluate(code: string): unknown {
  const body = code.trim().replace(/;\s*$/, "");
  const cut = body.lastIndexOf(";\n");
  const prefix = cut < 0 ? "" : body.slice(0, cut + 1);
  const last = cut < 0 ? body : body.slice(cut + 2);
  const names = Object.keys(scores);
  const values = names.map((n) => (scores as Record<string, unknown>)[n]);
  return new Function(...names, `${prefix}\nreturn (${last});`)(...values);
}

describe("@example blocks of src/scores", () => {
  it("finds an example in every function folder", () => {
    expect(examples.length).toBeGreaterThanOrEqual(37);
    for (const f of files) expect(examples.some((e) => e.file === f), f).toBe(true);
  });
  for (const ex of examples) {
    it(`${ex.file.slice(here.length + 1)}: ${ex.code.split("\n")[0]!.slice(0, 60)}`, () => {
      expect(evaluate(ex.code)).toEqual(new Function(`return (${ex.expected});`)());
    });
  }
});
