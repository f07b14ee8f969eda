/**
 * The columns a CSV file may carry for each record kind, read from the record schemas (zod), with the type
 * each cell is read as. Used by the CSV reader to type cells by what the field is (a `1` in `mayo.friability`
 * is `true`, in `mayo.stoolFrequency` the number 1), to name extra columns and to find missing required ones.
 */
import { AdverseEventSchema, PatientSchema, TreatmentCourseSchema, VisitSchema } from "../models/index.js";

/** Record kinds the CLI reads. */
export type RecordKind = "patient" | "course" | "visit" | "adverseEvent";

/**
 * How a cell is read: `text` as is, `number` as a decimal number, `boolean` from the accepted spellings,
 * `list` as `;`-separated text, `json` as a JSON value (arrays of objects, alternatives), `null` a column that
 * may only say `null` (a nullable block, e.g. `sesCd.ileum`).
 */
export type ColumnType = "text" | "number" | "boolean" | "list" | "json" | "null";

/** The known columns of one record kind. */
export interface KindColumns {
  /** Dotted path → how its cells are read. Null prototype: only own keys are found. */
  readonly types: ReadonlyMap<string, ColumnType>;
  /** Paths that may hold `null`. */
  readonly nullable: ReadonlySet<string>;
  /** Top-level fields every record needs (a missing column is a header-level error). */
  readonly required: readonly string[];
}

interface Def {
  readonly type: string;
  readonly innerType?: Schema;
  readonly in?: Schema;
  readonly shape?: Record<string, Schema>;
  readonly element?: Schema;
  readonly options?: readonly Schema[];
}
interface Schema {
  readonly _zod: { readonly def: Def };
}

function walk(s: Schema, path: string, nullable: boolean, types: Map<string, ColumnType>, nulls: Set<string>): void {
  const d = s._zod.def;
  switch (d.type) {
    case "optional":
    case "default":
    case "readonly":
      walk(d.innerType!, path, nullable, types, nulls);
      return;
    case "nullable":
      walk(d.innerType!, path, true, types, nulls);
      return;
    case "pipe":
      walk(d.in!, path, nullable, types, nulls);
      return;
    case "object": {
      if (nullable && path !== "") {
        nulls.add(path);
        if (!types.has(path)) types.set(path, "null");
      }
      const shape = d.shape!;
      for (const k of Object.keys(shape)) walk(shape[k]!, path === "" ? k : `${path}.${k}`, false, types, nulls);
      return;
    }
    default: {
      if (nullable) nulls.add(path);
      let t: ColumnType;
      if (d.type === "number" || d.type === "int" || d.type === "bigint") t = "number";
      else if (d.type === "boolean") t = "boolean";
      else if (d.type === "array") {
        const e = d.element!._zod.def.type;
        t = e === "string" || e === "enum" || e === "literal" ? "list" : "json";
      } else if (d.type === "string" || d.type === "enum") t = "text";
      else if (d.type === "literal") t = "json";
      else t = "json";
      types.set(path, t);
    }
  }
}

function build(schema: Schema): KindColumns {
  const types = new Map<string, ColumnType>();
  const nulls = new Set<string>();
  walk(schema, "", false, types, nulls);
  const shape = schema._zod.def.shape ?? {};
  const required = Object.keys(shape).filter((k) => {
    const t = shape[k]!._zod.def.type;
    return t !== "optional" && t !== "default";
  });
  return { types, nullable: nulls, required };
}

let cache: Map<RecordKind, KindColumns> | null = null;

/** The known columns of a record kind (built once from the schema). */
export function kindColumns(kind: RecordKind): KindColumns {
  if (cache === null) {
    cache = new Map<RecordKind, KindColumns>([
      ["patient", build(PatientSchema as unknown as Schema)],
      ["course", build(TreatmentCourseSchema as unknown as Schema)],
      ["visit", build(VisitSchema as unknown as Schema)],
      ["adverseEvent", build(AdverseEventSchema as unknown as Schema)],
    ]);
  }
  return cache.get(kind)!;
}

/** Spellings read as `true` and `false` in boolean columns (compared case-insensitively). */
export const TRUE_SPELLINGS: readonly string[] = ["true", "yes", "1"];
export const FALSE_SPELLINGS: readonly string[] = ["false", "no", "0"];
/** The accepted spellings, as error messages list them. */
export const BOOLEAN_SPELLINGS_TEXT = "true/false, yes/no or 1/0 (any case: TRUE, True, YES, ...)";

/** Reads a boolean cell: `true`, `false`, or `null` when the spelling is not accepted. */
export function readBoolean(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (TRUE_SPELLINGS.includes(t)) return true;
  if (FALSE_SPELLINGS.includes(t)) return false;
  return null;
}

/**
 * Whether `text` is a plain decimal number (`-12`, `3.5`, `.5`, `1e-3`): one pass, no backtracking, so a cell
 * of any length is checked in time linear in its length.
 */
export function isDecimal(text: string): boolean {
  const n = text.length;
  let i = 0;
  if (i < n && (text.charCodeAt(i) === 45 || text.charCodeAt(i) === 43)) i++; // - +
  let digits = 0;
  while (i < n && isDigit(text.charCodeAt(i))) (i++, digits++);
  if (i < n && text.charCodeAt(i) === 46) {
    i++;
    while (i < n && isDigit(text.charCodeAt(i))) (i++, digits++);
  }
  if (digits === 0) return false;
  if (i < n && (text.charCodeAt(i) === 101 || text.charCodeAt(i) === 69)) {
    i++;
    if (i < n && (text.charCodeAt(i) === 45 || text.charCodeAt(i) === 43)) i++;
    let e = 0;
    while (i < n && isDigit(text.charCodeAt(i))) (i++, e++);
    if (e === 0) return false;
  }
  return i === n;
}
const isDigit = (c: number) => c >= 48 && c <= 57;

const VISIT_BLOCKS = ["mayo", "hbi", "sesCd", "rutgeerts", "cdai", "uceis", "pro2", "labs", "onCorticosteroids"];

/** The kind a CSV header describes (from its top-level column names), or `null`. */
export function guessKindFromColumns(tops: ReadonlySet<string>): RecordKind | null {
  if (tops.has("dosePeriods") || tops.has("drug")) return "course";
  if (tops.has("onsetDate") || tops.has("category")) return "adverseEvent";
  if (tops.has("birthDate") || tops.has("diagnosisDate")) return "patient";
  if (tops.has("date") || VISIT_BLOCKS.some((b) => tops.has(b))) return "visit";
  return null;
}
