import { describe, expect, it } from "vitest";
import { rocCurve } from "../../stats/index.js";
import { rocCurveSvg } from "./index.js";
import { checkXml } from "../_test/wellFormed.js";

describe("rocCurveSvg", () => {
  it("matches the @example (AUC of 0.1,0.4 vs 0.35,0.8 = 3/4, hand-checked)", () => {
    const roc = rocCurve([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]);
    expect(rocCurveSvg(roc).includes("AUC = 0.750")).toBe(true);
  });

  it("is well-formed with axis labels, AUC, CI, counts and the Youden point", () => {
    const roc = rocCurve([1, 2, 3, 4, 5, 6, 7, 8], [0, 0, 1, 0, 1, 0, 1, 1]);
    const svg = rocCurveSvg(roc, { title: "ROC <model>" });
    const x = checkXml(svg);
    expect(x.ok, x.error).toBe(true);
    expect(x.texts).toContain("ROC <model>");
    expect(x.texts).toContain("Sensitivity");
    expect(x.texts).toContain("1 − Specificity (false-positive rate)");
    expect(x.texts.some((t) => /^AUC = 0\.813 \(95% CI 0\.\d{3}–\d\.\d{3}\)$/.test(t))).toBe(true); // 13/16
    expect(x.texts).toContain("4 cases, 4 controls; DeLong CI");
    expect(x.texts.some((t) => t.startsWith("Youden: threshold"))).toBe(true);
    expect(x.elements).toContain("path");
  });

  it("rejects bad input and does not mutate", () => {
    expect(() => rocCurveSvg({} as never)).toThrow(TypeError);
    const roc = rocCurve([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]);
    expect(() => rocCurveSvg(roc, { size: 10 })).toThrow(RangeError);
    const before = structuredClone(roc);
    rocCurveSvg(roc);
    expect(roc).toEqual(before);
  });
});
