/**
 * `ibd-outcomes/models`.
 * @packageDocumentation
 */
export {};
