import { defineConfig } from "tsup";

export default defineConfig([
  {
    entry: {
      index: "src/index.ts",
      "models/index": "src/models/index.ts",
      "scores/index": "src/scores/index.ts",
      "endpoints/index": "src/endpoints/index.ts",
      "eligibility/index": "src/eligibility/index.ts",
      "stats/index": "src/stats/index.ts",
      "cohort/index": "src/cohort/index.ts",
      "docx/index": "src/docx/index.ts",
    },
    format: ["esm", "cjs"],
    dts: true,
    splitting: true,
    treeshake: true,
    sourcemap: false,
    clean: false,
    target: "es2022",
    platform: "neutral",
    external: ["zod", "date-fns", "docx"],
  },
  // The command line (bin "ibd-outcomes"): its own Node bundle, never part of the library entries.
  {
    entry: { cli: "src/cli/index.ts" },
    format: ["esm"],
    dts: false,
    splitting: false,
    treeshake: true,
    sourcemap: false,
    clean: false,
    target: "node20",
    platform: "node",
    banner: { js: "#!/usr/bin/env node" },
    external: ["zod", "date-fns", "docx"],
  },
]);
