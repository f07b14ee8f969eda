/** Private Rutgeerts helpers. */
import { RutgeertsGradeSchema, type RutgeertsGrade } from "../../models/scoreInputs.js";
import { problemsFromZod, type Problem } from "./problems.js";

/** Ordinal of a grade (i0=0 ... i2/i2a/i2b=2 ... i4=4), or -1 if `g` is not a grade. */
export function rutgeertsOrdinal(g: unknown): number {
  switch (g) {
    case "i0": return 0;
    case "i1": return 1;
    case "i2": case "i2a": case "i2b": return 2;
    case "i3": return 3;
    case "i4": return 4;
    default: return -1;
  }
}

/** Problems of a candidate grade. */
export function gradeProblems(grade: unknown): Problem[] {
  const r = RutgeertsGradeSchema.safeParse(grade);
  if (r.success) return [];
  // A grade is a string: any other kind (number, null, object) is a TypeError, a wrong string a RangeError.
  return problemsFromZod("grade", r.error, grade).map((p) => ({ ...p, kind: typeof grade === "string" ? "range" : "type" }));
}

export type { RutgeertsGrade };
