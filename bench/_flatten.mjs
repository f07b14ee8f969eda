// Shared by the CLI benchmark generators (cli-score-gen.mjs, cli-gen-realistic.mjs): a record as the
// flat CSV row the CLI reads (nested keys joined with ".", arrays with ";", null as "null").

/** Flattens `obj` into `out` (returned), keys prefixed by `prefix`. */
export function flatten(obj, prefix = "", out = {}) {
  for (const [k, x] of Object.entries(obj)) {
    const key = prefix === "" ? k : `${prefix}.${k}`;
    if (Array.isArray(x)) out[key] = x.join(";");
    else if (x !== null && typeof x === "object") flatten(x, key, out);
    else out[key] = x === null ? "null" : String(x);
  }
  return out;
}
