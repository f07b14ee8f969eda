#!/usr/bin/env node
// Packaging checks on the packed tarball (run after `npm run build`):
//  1. npm pack into .tmp/
//  2. publint on the tarball (errors fail; warnings are printed and fail too with --strict)
//  3. @arethetypeswrong/cli on the tarball, node16 profile (ESM and CJS resolution with types)
//  4. tree-shaking: bundle a one-import entry per subpath with esbuild and check that importing one
//     score does not pull in the statistics, and print the sizes.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { build } from "esbuild";

const root = resolve(import.meta.dirname, "..");
const tmp = join(root, ".tmp", "pack");
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });

const bin = (name) => join(root, "node_modules", ".bin", name);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" });

// 1. pack
const packed = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", tmp]));
const tarball = join(tmp, packed[0].filename);
const files = packed[0].files.map((f) => f.path);
console.log(`packed ${packed[0].filename}: ${files.length} files, ${(packed[0].size / 1024).toFixed(1)} KB`);
for (const bad of files.filter((f) => /\.test\.|fixtures\.(R|json)$|^src\//.test(f))) {
  throw new Error(`check-package: the tarball must not ship ${bad}`);
}

// 2. publint
execFileSync(bin("publint"), ["run", tarball, "--strict"], { cwd: root, stdio: "inherit" });

// 3. attw
execFileSync(bin("attw"), [tarball, "--profile", "node16", "--format", "table-flipped"], { cwd: root, stdio: "inherit" });

// 4. tree-shaking
const entries = [
  { name: "one score (ibd-outcomes/scores)", code: 'import { harveyBradshawIndex } from "ibd-outcomes/scores"; console.log(harveyBradshawIndex);', maxKb: 12 },
  { name: "one score (root)", code: 'import { harveyBradshawIndex } from "ibd-outcomes"; console.log(harveyBradshawIndex);', maxKb: 12 },
  { name: "one model parser (ibd-outcomes/models)", code: 'import { parseVisit } from "ibd-outcomes/models"; console.log(parseVisit);', maxKb: 30 },
  { name: "one test (ibd-outcomes/stats)", code: 'import { welchTTest } from "ibd-outcomes/stats"; console.log(welchTTest);', maxKb: 40, stats: true },
  { name: "one test (root)", code: 'import { welchTTest } from "ibd-outcomes"; console.log(welchTTest);', maxKb: 40, stats: true },
];
// Strings that only the statistics code contains: a score bundle holding any of them is not tree-shaken.
const statsMarkers = ["Kruskal-Wallis", "Shapiro-Wilk", "Wilcoxon"];
// Strings only the docx package (WordprocessingML writer) contains.
const docxMarkers = ["w:document", "wordprocessingml"];
for (const e of entries) {
  const entry = join(tmp, "entry.mjs");
  writeFileSync(entry, e.code);
  const common = { entryPoints: [entry], bundle: true, minify: true, format: "esm", platform: "neutral", write: false, absWorkingDir: root, nodePaths: [join(root, "node_modules")], logLevel: "silent" };
  const ours = await build({ ...common, external: ["zod", "date-fns"] });
  const all = await build({ ...common, mainFields: ["module", "main"] });
  const text = ours.outputFiles[0].text;
  const kb = ours.outputFiles[0].contents.length / 1024;
  const allKb = all.outputFiles[0].contents.length / 1024;
  console.log(`bundle ${e.name}: ${kb.toFixed(1)} KB minified (library code), ${allKb.toFixed(1)} KB with zod and date-fns`);
  const leaked = e.stats ? [] : statsMarkers.filter((m) => text.includes(m) || all.outputFiles[0].text.includes(m));
  if (leaked.length > 0) throw new Error(`check-package: ${e.name} pulls in statistics code (${leaked.join(", ")})`);
  // The Word writer lives in ibd-outcomes/docx only: no score or test may load the docx package.
  const docxLeak = docxMarkers.filter((m) => all.outputFiles[0].text.includes(m));
  if (docxLeak.length > 0) throw new Error(`check-package: ${e.name} pulls in the docx package (${docxLeak.join(", ")})`);
  if (kb > e.maxKb) throw new Error(`check-package: ${e.name} is ${kb.toFixed(1)} KB, over the ${e.maxKb} KB budget`);
}
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
if (pkg.sideEffects !== false) throw new Error("check-package: package.json must declare sideEffects: false");
console.log("check-package: ok");
