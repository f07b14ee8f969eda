/**
 * Definition profiles: shipped profiles, derivation, validation, lookup.
 */
import { assertOneOf, describeValue, errorFromZod } from "../../_lib/errors.js";
import { deepFreeze } from "../_lib/freeze.js";
import { AMBIGUITY_IDS, type AmbiguityId } from "../types.js";
import { classic, mao2025, MAO2025_READINGS, stride2, uAchieve, uExcel, uExcelPro2 } from "./data.js";
import { DefinitionProfileSchema, type DefinitionProfile, type ProfileOverrides } from "./schema.js";

export { classic, mao2025, MAO2025_DEFAULT_READINGS, MAO2025_READINGS, stride2, uAchieve, uExcel, uExcelPro2 } from "./data.js";
export type { Mao2025Reading } from "./data.js";

const validated = /* @__PURE__ */ new WeakSet<object>();

/**
 * Validates a profile once: a deep-frozen profile that passed is remembered (fast path); an unfrozen
 * object is validated on every call. Internal to the endpoints domain.
 * @throws {TypeError|RangeError} In the house format, naming the path inside the profile.
 */
export function ensureProfile(profile: unknown, fn: string, arg = "profile"): DefinitionProfile {
  if (profile !== null && typeof profile === "object" && validated.has(profile)) return profile as DefinitionProfile;
  if (profile === null || typeof profile !== "object") {
    throw new TypeError(`${fn}: ${arg} must be a definition profile object; got ${describeValue(profile)}.`);
  }
  const r = DefinitionProfileSchema.safeParse(profile);
  if (!r.success) throw errorFromZod(fn, arg, r.error, profile);
  if (Object.isFrozen(profile)) validated.add(profile);
  return profile as DefinitionProfile;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function merge(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (!isPlainObject(over) || "kind" in over || !isPlainObject(base) || "kind" in base) return over;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(base)) out[k] = merge(base[k], over[k]);
  for (const k of Object.keys(over)) if (!(k in base)) out[k] = over[k];
  return out;
}

/** Identity of a derived profile. */
export interface DeriveProfileMeta {
  /** New id (letters, digits, `._:=+/-`; must start with a letter). */
  readonly id: string;
  /** New version. */
  readonly version: string;
}

/**
 * Derives a new profile from a base by overriding fields, validates it, and deep-freezes it.
 * @remarks Objects merge key by key; arrays and rule nodes (objects with `kind`) replace the base's
 * wholesale; `null` replaces (e.g. to un-define an endpoint). `derivedFrom` records the base id and
 * version. The result is validated by `DefinitionProfileSchema` once; classifiers then skip validation.
 * @param base - The profile to start from (e.g. `mao2025`).
 * @param overrides - Fields to change.
 * @param meta - `{ id, version }` of the new profile.
 * @returns A new deep-frozen profile; the base is not modified.
 * @throws {TypeError} If the base is not a profile or an override has the wrong kind.
 * @throws {RangeError} If an override has a bad value (path named, e.g. `overrides.rules.CD.clinicalRemission.threshold`).
 * @example
 * const strictHbi = deriveProfile(mao2025,
 *   { rules: { CD: { clinicalRemission: { kind: "value", measure: "hbi", op: "<", threshold: 4 } } } },
 *   { id: "mao2025-hbi-lt4", version: "1.0.0" });
 * [strictHbi.id, strictHbi.derivedFrom?.id, Object.isFrozen(strictHbi.rules.CD)];
 * //=> ["mao2025-hbi-lt4", "mao2025", true]
 * @see Mao Y, et al. Drug Des Devel Ther 2025 (Methods); [definitions §2-§3](https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md).
 */
export function deriveProfile(base: DefinitionProfile, overrides: ProfileOverrides, meta: DeriveProfileMeta): DefinitionProfile {
  const b = ensureProfile(base, "deriveProfile", "base");
  if (!isPlainObject(overrides)) throw new TypeError(`deriveProfile: overrides must be an object; got ${describeValue(overrides)}.`);
  if (!isPlainObject(meta)) throw new TypeError(`deriveProfile: meta must be an object with id and version; got ${describeValue(meta)}.`);
  for (const k of ["id", "version", "derivedFrom"] as const) {
    if (k in overrides) throw new TypeError(`deriveProfile: overrides.${k} must not be set (use meta); got ${describeValue((overrides as Record<string, unknown>)[k])}.`);
  }
  const merged = merge(b, overrides) as Record<string, unknown>;
  const candidate = { ...merged, id: meta.id, version: meta.version, derivedFrom: { id: b.id, version: b.version } };
  const r = DefinitionProfileSchema.safeParse(candidate);
  if (!r.success) {
    const issue = r.error.issues[0];
    const top = issue?.path[0];
    const arg = top === "id" || top === "version" ? "meta" : "overrides";
    const err = errorFromZod("deriveProfile", arg, r.error, candidate);
    throw err;
  }
  const out = deepFreeze(r.data) as DefinitionProfile;
  validated.add(out);
  return out;
}

/**
 * The shipped profiles by id.
 * @example
 * Object.keys(PROFILES);
 * //=> ["mao2025", "uAchieve", "uExcel", "uExcelPro2", "stride2", "classic"]
 */
export const PROFILES: Readonly<Record<"mao2025" | "uAchieve" | "uExcel" | "uExcelPro2" | "stride2" | "classic", DefinitionProfile>> =
  /* @__PURE__ */ Object.freeze({ mao2025, uAchieve, uExcel, uExcelPro2, stride2, classic });

/** Readings of the ambiguity register to apply to `mao2025`: ID → reading name. */
export type Mao2025Readings = { readonly [K in AmbiguityId]?: keyof (typeof MAO2025_READINGS)[K] };

const variantCache = /* @__PURE__ */ new Map<string, DefinitionProfile>();

/**
 * `mao2025` with other readings of the §2.3 ambiguities: the variant profiles.
 * @remarks The id lists every non-default reading in A1-A10 order, `mao2025+A1=uAchieve+A7=stride2`;
 * the version is `mao2025`'s; `readings` records the choice for every ID. All defaults → `mao2025`
 * itself. Readings ([definitions §2.3](https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md)): A1 `uAchieve`; A2 `aMS`, `improvement`, `drop1`;
 * A3 `literal`, `uAchieve`; A4 `classic`; A5 `uExcel`; A6 `stride2`, `uExcel`; A7 `referenceRange`,
 * `composite`, `stride2`; A8 `maintenanceStart`; A9 `observedCase`; A10 `steroidUsersOnly`.
 * @param readings - ID → reading name (`default` allowed).
 * @returns The deep-frozen variant profile (the same object for the same readings).
 * @throws {TypeError} If an ID or reading name is unknown.
 * @example
 * const v = mao2025Variant({ A4: "classic", A10: "steroidUsersOnly" });
 * [v.id, v.readings.A4, v.steroidFree.steroidUsersOnly];
 * //=> ["mao2025+A4=classic+A10=steroidUsersOnly", "classic", true]
 * @see Mao Y, et al. Drug Des Devel Ther 2025 (Methods; Outcomes); [definitions §2.3](https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md).
 */
export function mao2025Variant(readings: Mao2025Readings): DefinitionProfile {
  if (!isPlainObject(readings)) throw new TypeError(`mao2025Variant: readings must be an object; got ${describeValue(readings)}.`);
  for (const k of Object.keys(readings)) assertOneOf("mao2025Variant", "readings key", k, AMBIGUITY_IDS);
  const parts: string[] = [];
  let overrides: ProfileOverrides = {};
  const chosen: Record<string, string> = {};
  for (const a of AMBIGUITY_IDS) {
    const name = (readings as Record<string, unknown>)[a] ?? "default";
    const table = MAO2025_READINGS[a] as Readonly<Record<string, { readonly overrides: ProfileOverrides }>>;
    const key = assertOneOf("mao2025Variant", `readings.${a}`, name, Object.keys(table));
    chosen[a] = key;
    if (key !== "default") {
      parts.push(`${a}=${key}`);
      overrides = merge(overrides, table[key]!.overrides) as ProfileOverrides;
    }
  }
  if (parts.length === 0) return mao2025;
  const id = `mao2025+${parts.join("+")}`;
  const hit = variantCache.get(id);
  if (hit !== undefined) return hit;
  const v = deriveProfile(
    mao2025,
    {
      ...overrides,
      readings: chosen,
      title: `${mao2025.title} (readings ${parts.join(", ")})`,
      description: `mao2025 with readings ${parts.join(", ")} of the ambiguity register (definitions §2.3, https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md).`,
    },
    { id, version: mao2025.version },
  );
  variantCache.set(id, v);
  return v;
}

/**
 * Every single-reading variant of `mao2025` (one non-default reading each), in register order.
 * @returns Deep-frozen profiles, e.g. `mao2025+A1=uAchieve`, `mao2025+A2=aMS`, ...
 * @example
 * listMao2025Variants().length;
 * //=> 16
 * @see [definitions §2.3](https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md).
 */
export function listMao2025Variants(): DefinitionProfile[] {
  const out: DefinitionProfile[] = [];
  for (const a of AMBIGUITY_IDS) {
    for (const name of Object.keys(MAO2025_READINGS[a])) {
      if (name !== "default") out.push(mao2025Variant({ [a]: name } as Mao2025Readings));
    }
  }
  return out;
}

/**
 * Looks a profile up by id: a shipped id, or a `mao2025` variant id (`mao2025+A1=uAchieve+A9=observedCase`).
 * @param id - The profile id.
 * @returns The deep-frozen profile.
 * @throws {TypeError} If the id is unknown.
 * @example
 * getProfile("mao2025+A4=classic").rules.CD.clinicalResponse;
 * //=> { kind: "drop", measure: "hbi", op: ">=", threshold: 3 }
 * @see [definitions §2-§3](https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md).
 */
export function getProfile(id: string): DefinitionProfile {
  if (typeof id !== "string") throw new TypeError(`getProfile: id must be a string; got ${describeValue(id)}.`);
  if (Object.prototype.hasOwnProperty.call(PROFILES, id)) return PROFILES[id as keyof typeof PROFILES];
  if (id.startsWith("mao2025+")) {
    const readings: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const part of id.slice("mao2025+".length).split("+")) {
      const [k, v, ...rest] = part.split("=");
      if (k === undefined || v === undefined || rest.length > 0) break;
      readings[k] = v;
    }
    let v: DefinitionProfile | undefined;
    try {
      v = mao2025Variant(readings as Mao2025Readings);
    } catch (e) {
      // Name the function the caller used, not the inner one.
      const msg = e instanceof Error ? e.message.replace(/^mao2025Variant: readings key/, "getProfile: id reading").replace(/^mao2025Variant: readings\./, "getProfile: id reading ") : "";
      throw new TypeError(`${msg.startsWith("getProfile:") ? msg.replace(/\.$/, "") : "getProfile: id is not a valid mao2025 variant"} (id "${id.slice(0, 80)}").`);
    }
    if (v.id === id) return v;
  }
  throw new TypeError(`getProfile: id must be one of ${Object.keys(PROFILES).map((k) => `"${k}"`).join(", ")} or a mao2025 variant id; got a string of length ${id.length}.`);
}

export { DefinitionProfileSchema };
