import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { createRandom } from "../_random/index.js";
import { cvElasticNet } from "../cvElasticNet/index.js";
import { elasticNet } from "../elasticNet/index.js";
import { linalgArena, setWasmKernels } from "./index.js";

afterEach(() => setWasmKernels(true));

/** Uniform(-1, 1) values from the package's seeded generator. */
function values(seed: number, k: number): Float64Array {
  const rng = createRandom(seed);
  return Float64Array.from({ length: k }, () => 2 * rng.nextFloat() - 1);
}

describe("WebAssembly kernels", () => {
  it("kernels.ts is what kernels.wat builds to (npm run build:wasm)", () => {
    const script = fileURLToPath(new URL("./build.mjs", import.meta.url));
    expect(() => execFileSync(process.execPath, [script, "--check"], { stdio: "pipe" })).not.toThrow();
  });

  it("load in Node (so the comparisons below compare two paths)", () => {
    expect(linalgArena(3, 2, 1)).not.toBeNull();
    setWasmKernels(false);
    expect(linalgArena(3, 2, 1)).toBeNull();
  });

  for (const n of [1, 2, 7, 8, 33]) {
    it(`dot, linear and scale match the plain loops (n = ${n}, 0 to 9 columns in any order)`, () => {
      const p = 11;
      const arena = linalgArena(n, p, 3)!;
      const x = values(n, n * p);
      arena.x.set(x);
      const [b, eta, dst] = arena.vectors as [Float64Array, Float64Array, Float64Array];
      b.set(values(100 + n, n));
      const coef = values(200 + n, p);
      for (let m = 0; m <= 9; m++) {
        const cols = Array.from({ length: m }, (_, k) => (k * 7 + 3) % p);
        const out = new Float64Array(m + 2).fill(-9);
        arena.dot(cols, m, b, out, 1);
        expect(out[0]).toBe(-9);
        expect(out[m + 1]).toBe(-9);
        for (let k = 0; k < m; k++) {
          let s = 0;
          let a = 0;
          for (let i = 0; i < n; i++) {
            s += x[cols[k]! * n + i]! * b[i]!;
            a += Math.abs(x[cols[k]! * n + i]! * b[i]!);
          }
          expect(Math.abs(out[k + 1]! - s)).toBeLessThanOrEqual(1e-15 * a);
        }
        arena.linear(cols, m, coef, eta, 0.25);
        for (let i = 0; i < n; i++) {
          let s = 0.25;
          let a = 0.25;
          for (let k = 0; k < m; k++) {
            s += coef[cols[k]!]! * x[cols[k]! * n + i]!;
            a += Math.abs(coef[cols[k]!]! * x[cols[k]! * n + i]!);
          }
          expect(Math.abs(eta[i]! - s)).toBeLessThanOrEqual(1e-15 * a);
        }
      }
      const sum = arena.scale(4, b, dst);
      let want = 0;
      for (let i = 0; i < n; i++) {
        expect(dst[i]).toBe(b[i]! * x[4 * n + i]!);
        want += dst[i]!;
      }
      expect(Math.abs(sum - want)).toBeLessThanOrEqual(1e-15 * n);
    });
  }

  it("logistic: p and 1 - p within 2e-16 relative of Math.exp's (its own exp), v, r and their sum", () => {
    const special = [0, -0, 1e-300, -1e-300, 0.5, -0.5, 0.34657359, -0.34657359, 1, -1, 20, -20, 36.7, -36.7, 700, -700, 708.5, -708.5, 744, -744];
    const rand = Array.from(values(5, 4001), (u) => u * 60);
    const etaIn = [...special, ...rand];
    const n = etaIn.length; // odd: the last row goes through the JavaScript tail
    const arena = linalgArena(n, 1, 6)!;
    const [eta, y, pr, q, v, r] = arena.vectors as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    eta.set(etaIn);
    for (let i = 0; i < n; i++) y[i] = i % 3 === 0 ? 1 : 0;
    const sum = arena.logistic(eta, y, pr, q, v, r);
    let want = 0;
    let worst = 0;
    for (let i = 0; i < n; i++) {
      const e = eta[i]!;
      const t = Math.exp(-Math.abs(e));
      const u = 1 / (1 + t);
      const pw = e >= 0 ? u : t * u;
      const qw = e >= 0 ? t * u : u;
      for (const [got, w] of [[pr[i]!, pw], [q[i]!, qw]] as const) {
        const rel = got === w ? 0 : Math.abs(got - w) / Math.abs(w);
        worst = Math.max(worst, rel);
      }
      expect(v[i]).toBe(pr[i]! * q[i]! * (1 / n));
      expect(r[i]).toBe((y[i] === 1 ? q[i]! : -pr[i]!) * (1 / n));
      want += r[i]!;
    }
    expect(worst).toBeLessThanOrEqual(2e-16 * 4);
    expect(Math.abs(sum - want)).toBeLessThanOrEqual(1e-15);
    // Far tails: exp(-|eta|) underflows to 0 (or the smallest subnormal), p or 1 - p is then 1.
    eta.fill(-800);
    arena.logistic(eta, y, pr, q, v, r);
    expect(pr[0]).toBeLessThan(1e-320);
    expect(q[0]).toBe(1);
  });
});

describe("the binomial path with and without the kernels", () => {
  /** n x p design (rows) with a logistic response, seeded. */
  function data(n: number, p: number, seed: number): { X: number[][]; y: number[] } {
    const rng = createRandom(seed);
    const X: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < n; i++) {
      const row = Array.from({ length: p }, () => 4 * rng.nextFloat() - 2);
      const eta = 0.3 + row.slice(0, 6).reduce((s, v, j) => s + (j % 2 === 0 ? 0.8 : -0.6) * v, 0);
      X.push(row);
      y.push(rng.nextFloat() < 1 / (1 + Math.exp(-eta)) ? 1 : 0);
    }
    return { X, y };
  }
  const closeScaled = (a: readonly number[], b: readonly number[], tol: number, label: string): void => {
    expect(a.length, label).toBe(b.length);
    const scale = Math.max(1, ...b.map(Math.abs));
    a.forEach((v, k) => expect(Math.abs(v - b[k]!), `${label}[${k}]`).toBeLessThanOrEqual(tol * scale));
  };

  it("elasticNet: the same path (n = 301, p = 23, alpha 0.5)", () => {
    const { X, y } = data(301, 23, 11);
    const opts = { family: "binomial", alpha: 0.5 } as const;
    const w = elasticNet(X, y, opts);
    setWasmKernels(false);
    const j = elasticNet(X, y, opts);
    closeScaled(w.lambda, j.lambda, 1e-13, "lambda");
    closeScaled(w.devRatio, j.devRatio, 1e-12, "devRatio");
    closeScaled(w.intercept, j.intercept, 1e-9, "intercept");
    w.beta.forEach((b, k) => closeScaled(b, j.beta[k]!, 1e-9, `beta[${k}]`));
    expect(w.df).toEqual(j.df);
  });

  it("cvElasticNet: the same cvm, lambdaMin and lambda1se (n = 240, p = 15, 5 folds)", () => {
    const { X, y } = data(240, 15, 12);
    const opts = { family: "binomial", alpha: 0.7, nFolds: 5, seed: 3 } as const;
    const w = cvElasticNet(X, y, opts);
    setWasmKernels(false);
    const j = cvElasticNet(X, y, opts);
    closeScaled(w.cvm, j.cvm, 1e-10, "cvm");
    closeScaled(w.cvsd, j.cvsd, 1e-8, "cvsd");
    expect(w.lambdaMin / j.lambdaMin - 1).toBeLessThan(1e-13);
    expect(w.lambda1se / j.lambda1se - 1).toBeLessThan(1e-13);
  });
});
