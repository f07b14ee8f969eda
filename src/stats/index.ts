/**
 * `ibd-outcomes/stats`.
 * @packageDocumentation
 */
export {};
