import { describe, expect, it } from "vitest";
import { cumulativeIncidence } from "../../stats/index.js";
import { formatPValue } from "../formatPValue/index.js";
import { cumulativeIncidenceSvg } from "./index.js";

const data = { time: [2, 4, 5, 7, 9, 3, 4, 6, 8, 10], status: [1, 2, 0, 1, 0, 1, 1, 2, 1, 0], group: ["a", "a", "a", "a", "a", "b", "b", "b", "b", "b"] };

describe("cumulativeIncidenceSvg: Gray's test p-value", () => {
  it("prints Gray's p for each drawn cause with two groups, as cumulativeIncidence computes it", () => {
    const svg = cumulativeIncidenceSvg(data, { causeLabels: { "1": "Failure", "2": "Surgery" }, pValueStyle: "apa" });
    const tests = cumulativeIncidence(data.time, data.status, { group: data.group }).tests!;
    expect(tests).toHaveLength(2);
    const f = (p: number) => formatPValue(p, { style: "apa" }).replace(/^([<>=])/, "$1 ").replace(/^(?=[\d.])/, "= ");
    expect(svg).toContain(`s test, Failure: p ${f(tests[0]!.pValue)}`);
    expect(svg).toContain(`s test, Surgery: p ${f(tests[1]!.pValue)}`);
  });
  it("only for the drawn causes; none without groups or with pValue false", () => {
    expect(cumulativeIncidenceSvg(data, { causes: [1], causeLabels: { "1": "Failure", "2": "Surgery" } })).not.toMatch(/Surgery: p/);
    expect(cumulativeIncidenceSvg({ time: data.time, status: data.status })).not.toMatch(/s test/);
    expect(cumulativeIncidenceSvg(data, { pValue: false })).not.toMatch(/s test/);
  });
});

describe("cumulativeIncidenceSvg: a degenerate Gray's test", () => {
  // surgery (cause 2) happens only in group a after group b has left follow-up: no test for it
  const d = { time: [2, 4, 5, 7, 9, 1, 3, 3.5], status: [1, 2, 0, 1, 2, 1, 1, 0], group: ["a", "a", "a", "a", "a", "b", "b", "b"] };
  it("says 'not computable' instead of printing p = 1", () => {
    const tests = cumulativeIncidence(d.time, d.status, { group: d.group }).tests!;
    expect(tests[1]!.warning).toMatch(/^no test: the variance is zero/);
    expect([tests[1]!.statistic, tests[1]!.pValue]).toEqual([0, 1]);
    expect(tests[0]!.warning).toBeUndefined();
    const svg = cumulativeIncidenceSvg(d, { causeLabels: { "1": "Failure", "2": "Surgery" } });
    expect(svg).toContain("s test, Surgery: not computable");
    expect(svg).toMatch(/s test, Failure: p /);
  });
});
