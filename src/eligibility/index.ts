/**
 * `ibd-outcomes/eligibility`.
 * @packageDocumentation
 */
export {};
