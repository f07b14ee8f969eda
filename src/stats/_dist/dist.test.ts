import { afterAll, describe, it } from "vitest";
import { expectClose } from "../../../tests/expectClose.js";
import { loadFixtures, nonEmpty, reportWorst, worst } from "../_common/testing.js";
import { pbeta, qbeta } from "./beta.js";
import { pbinom, dbinom } from "./binom.js";
import { pchisq } from "./chisq.js";
import { pnorm, qnorm } from "./normal.js";
import { lgamma } from "./special.js";
import { pt, qt } from "./t.js";

const fx = loadFixtures<Record<string, number[][]>>(import.meta.url);
const rows = (name: string): readonly number[][] => nonEmpty(fx[name], name);

/** Relative check for probabilities >= 1e-300 (subnormal results are not meaningful). */
function check(got: number, want: number, label: string, tol = 1e-9): void {
  if (want !== 0 && Math.abs(want) < 1e-300 && Number.isFinite(want)) return;
  const key = label.slice(0, label.indexOf("("));
  if (Number.isFinite(want) && want !== 0) {
    const e = Math.abs(got - want) / Math.abs(want);
    if (!(e <= (worst.get(key) ?? 0))) worst.set(key, e);
  }
  if (want === 0) {
    expectClose(got, want, 1e-300, label, "abs");
    return;
  }
  expectClose(got, want, tol, label);
}

afterAll(reportWorst);
describe("_dist against R", () => {
  it("pnorm (both tails, log scale)", () => {
    for (const [x, lo, up, llo, lup] of rows("pnorm") as [number, number, number, number, number][]) {
      check(pnorm(x), lo, `pnorm(${x})`);
      check(pnorm(x, false), up, `pnorm(${x}, upper)`);
      check(pnorm(x, true, true), llo, `pnorm(${x}, log)`);
      check(pnorm(x, false, true), lup, `pnorm(${x}, upper, log)`);
    }
  });
  it("qnorm", () => {
    for (const [p, lo, up] of rows("qnorm") as [number, number, number][]) {
      check(qnorm(p), lo, `qnorm(${p})`, 1e-14);
      check(qnorm(p, false), up, `qnorm(${p}, upper)`, 1e-14);
    }
  });
  it("pchisq", () => {
    for (const [x, df, lo, up, lup] of rows("pchisq") as [number, number, number, number, number][]) {
      check(pchisq(x, df), lo, `pchisq(${x}, ${df})`);
      check(pchisq(x, df, false), up, `pchisq(${x}, ${df}, upper)`);
      check(pchisq(x, df, false, true), lup, `pchisq(${x}, ${df}, upper, log)`);
    }
  });
  it("pbinom and dbinom", () => {
    for (const [k, n, p, lo, up, d] of rows("pbinom") as [number, number, number, number, number, number][]) {
      check(pbinom(k, n, p), lo, `pbinom(${k}, ${n}, ${p})`);
      check(pbinom(k, n, p, false), up, `pbinom(${k}, ${n}, ${p}, upper)`);
      check(dbinom(k, n, p), d, `dbinom(${k}, ${n}, ${p})`);
    }
  });
  it("pt", () => {
    for (const [x, df, lo, up, llo] of rows("pt") as [number, number, number, number, number][]) {
      check(pt(x, df), lo, `pt(${x}, ${df})`);
      check(pt(x, df, false), up, `pt(${x}, ${df}, upper)`);
      check(pt(x, df, true, true), llo, `pt(${x}, ${df}, log)`);
    }
  });
  it("qt", () => {
    for (const [p, df, lo, up] of rows("qt") as [number, number, number, number][]) {
      check(qt(p, df), lo, `qt(${p}, ${df})`, 1e-12);
      check(qt(p, df, false), up, `qt(${p}, ${df}, upper)`, 1e-12);
    }
  });
  it("pbeta and qbeta", () => {
    for (const [x, a, b, lo, up] of rows("pbeta") as [number, number, number, number, number][]) {
      check(pbeta(x, a, b), lo, `pbeta(${x}, ${a}, ${b})`);
      check(pbeta(x, a, b, false), up, `pbeta(${x}, ${a}, ${b}, upper)`);
    }
    for (const [p, a, b, lo, up] of rows("qbeta") as [number, number, number, number, number][]) {
      check(qbeta(p, a, b), lo, `qbeta(${p}, ${a}, ${b})`, 1e-11);
      check(qbeta(p, a, b, false), up, `qbeta(${p}, ${a}, ${b}, upper)`, 1e-11);
    }
  });
  it("lgamma", () => {
    for (const [x, want] of rows("lgamma") as [number, number][]) {
      if (Math.abs(want) < 1e-3) expectClose(lgamma(x), want, 1e-14, `lgamma(${x})`, "abs");
      else check(lgamma(x), want, `lgamma(${x})`, 1e-13);
    }
  });
});
