/**
 * `ibd-outcomes/scores`.
 * @packageDocumentation
 */
export {};
