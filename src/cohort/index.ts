/**
 * `ibd-outcomes/cohort`.
 * @packageDocumentation
 */
export {};
