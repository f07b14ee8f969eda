/**
 * `ibd-outcomes/endpoints`.
 * @packageDocumentation
 */
export {};
