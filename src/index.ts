/**
 * `ibd-outcomes`: typed, tested IBD outcomes research. The root re-exports every domain.
 * @packageDocumentation
 */
export * from "./models/index.js";
export * from "./scores/index.js";
export * from "./endpoints/index.js";
export * from "./eligibility/index.js";
export * from "./stats/index.js";
export * from "./cohort/index.js";
