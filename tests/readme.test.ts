import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const readme = readFileSync(join(root, "README.md"), "utf8");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string>; repository?: { url: string }; homepage?: string; bugs?: { url: string } };

describe("README", () => {
  it("runs its quick start as written and prints what its comments say", () => {
    const block = /## Quick start\s+```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const lines = block!.trimEnd().split("\n");
    expect(lines.length).toBeLessThanOrEqual(10);
    // `expr; // value` lines print their value; the package name resolves to src through tsconfig paths
    const expected: string[] = [];
    const code = lines
      .map((l) => {
        const m = /^(?!const |import |console\.)(.+); \/\/ (\S+)$/.exec(l);
        if (m === null) return l;
        expected.push(m[2]!);
        return `console.log(String(${m[1]}));`;
      })
      .join("\n");
    const printed = /console\.log\((.*)\); \/\/ (.*)$/m.exec(block!)!;
    const file = join(root, ".tmp", "readme-quickstart.ts");
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, code);
    const r = spawnSync(process.execPath, [join(root, "node_modules", "tsx", "dist", "cli.mjs"), file], { cwd: root, encoding: "utf8", timeout: 120_000 });
    expect(r.stderr).toBe("");
    const out = r.stdout.trim().split("\n");
    expect(out.slice(0, expected.length)).toEqual(expected);
    // the console.log line's comment: "met" "met"
    expect(out[expected.length]).toBe(printed[2]!.split(" (")[0]!.replaceAll('"', ""));
  });

  it("gives the two set-up commands, and they exist", () => {
    expect(readme).toContain("npm ci && npm run demo");
    expect(readme).toMatch(/^npm test\s/m);
    expect(pkg.scripts.demo).toBeDefined();
    expect(pkg.scripts.test).toBeDefined();
  });

  it("links the definitions by the package's URL, never a private path", () => {
    expect(readme).toContain("https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md");
    expect(readme).not.toMatch(/\.\.\/shared|shared\/spec/);
    expect(pkg.repository?.url).toBe("git+https://github.com/ibd-outcomes/ibd-outcomes.git");
    expect(pkg.homepage).toMatch(/^https:\/\/github\.com\/ibd-outcomes\/ibd-outcomes/);
    expect(pkg.bugs?.url).toBe("https://github.com/ibd-outcomes/ibd-outcomes/issues");
  });
});
