/** Group labels spelled like Object members are plain labels in cohort tables (property test). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { summaryTable } from "../summaryTable/index.js";

const PROTO = ["constructor", "__proto__", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf", "toLocaleString"];

describe("cohort tables with prototype-named group labels", () => {
  it("summaryTable counts each group by its own rows, whatever the labels are called", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.oneof(fc.constantFrom(...PROTO), fc.string({ minLength: 1, maxLength: 6 })), { minLength: 2, maxLength: 4 }),
        fc.array(fc.tuple(fc.nat(3), fc.boolean()), { minLength: 8, maxLength: 40 }),
        (labels, raw) => {
          const rows = raw.map(([g, male]) => ({ dx: labels[g % labels.length]!, male }));
          const present = labels.filter((l) => rows.some((r) => r.dx === l));
          fc.pre(present.length >= 2);
          const t = summaryTable(rows, { by: "dx", groups: present, variables: [{ key: "male", type: "dichotomous" }] });
          const row = t.rows[0]!;
          present.forEach((l, j) => {
            const mine = rows.filter((r) => r.dx === l);
            expect(row.n[j]).toBe(mine.length);
            expect(row.cells[j]!.startsWith(`${mine.filter((r) => r.male).length} (`)).toBe(true);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
