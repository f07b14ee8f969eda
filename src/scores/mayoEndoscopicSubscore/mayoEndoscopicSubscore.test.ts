import { describe, expect, it } from "vitest";
import { mayoEndoscopicSubscore, safeMayoEndoscopicSubscore } from "./index.js";

describe("mayoEndoscopicSubscore", () => {
  it("matches the @examples", () => {
    expect(mayoEndoscopicSubscore({ endoscopic: 1, friability: true }, { endoscopicScoring: "fdaModified" })).toEqual({
      total: 2,
      components: { endoscopic: 1, friabilityUpgrade: 1 },
      band: null,
    });
    expect(safeMayoEndoscopicSubscore({ endoscopic: 3 }).success).toBe(true);
  });

  it("upgrades only ES 1 with friability, only when FDA-modified", () => {
    const fda = { endoscopicScoring: "fdaModified" } as const;
    const got = [0, 1, 2, 3].flatMap((es) =>
      [false, true].map((friability) => [
        mayoEndoscopicSubscore({ endoscopic: es, friability }).total,
        mayoEndoscopicSubscore({ endoscopic: es, friability }, fda).total,
      ]),
    );
    expect(got).toEqual([[0, 0], [0, 0], [1, 1], [1, 2], [2, 2], [2, 2], [3, 3], [3, 3]]);
    expect(() => mayoEndoscopicSubscore({ endoscopic: 1 }, fda)).toThrow(/items\.friability is required/);
    expect(mayoEndoscopicSubscore({ endoscopic: 1 }).total).toBe(1);
    expect(mayoEndoscopicSubscore({ endoscopic: 2 }, fda).total).toBe(2);
    const r = safeMayoEndoscopicSubscore({ endoscopic: 1 }, fda);
    expect(r.success ? [] : r.issues.map((i) => i.path.join("."))).toEqual(["friability"]);
  });

  it("'ES <= 1 without friability' equals FDA-modified ES <= 1", () => {
    for (const es of [0, 1, 2, 3]) {
      for (const friability of [false, true]) {
        const fda = mayoEndoscopicSubscore({ endoscopic: es, friability }, { endoscopicScoring: "fdaModified" }).total;
        expect(fda <= 1).toBe(es === 0 || (es === 1 && !friability));
      }
    }
  });

  it("names the bad item", () => {
    expect(() => mayoEndoscopicSubscore({})).toThrow(new TypeError("mayoEndoscopicSubscore: items.endoscopic is required for the endoscopic subscore; got undefined."));
    expect(() => mayoEndoscopicSubscore({ endoscopic: 1.5 })).toThrow(new RangeError("mayoEndoscopicSubscore: items.endoscopic must be an integer; got 1.5."));
  });

  it("does not mutate its input", () => {
    const v = { endoscopic: 1, friability: true };
    mayoEndoscopicSubscore(v, { endoscopicScoring: "fdaModified" });
    expect(v).toEqual({ endoscopic: 1, friability: true });
  });
});
