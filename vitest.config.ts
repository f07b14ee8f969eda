import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = fileURLToPath(new URL("./src/", import.meta.url));

export default defineConfig({
  // The examples import the package by its name (so users can copy them); under vitest that name is the
  // source tree, as tsconfig's `paths` make it for tsc and tsx. The built package is checked by `npm run smoke`.
  resolve: {
    alias: [
      { find: /^ibd-outcomes$/, replacement: `${src}index.ts` },
      { find: /^ibd-outcomes\/([a-z]+)$/, replacement: `${src}$1/index.ts` },
    ],
  },
  test: {
    include: ["src/**/*.test.ts", "tests/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
  },
});
