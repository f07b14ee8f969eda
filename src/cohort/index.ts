/**
 * `ibd-outcomes/cohort`: outcome rates, Table 1 with tests, safety and lab tables, regression tables,
 * and their Markdown/HTML/CSV and SVG renderings.
 * @packageDocumentation
 */
export { formatPValue, P_VALUE_STYLES } from "./formatPValue/index.js";
export type { PValueStyle, FormatPValueOptions } from "./formatPValue/index.js";
export { formatPercent, formatCountPercent } from "./formatPercent/index.js";
export type { FormatPercentOptions, FormatCountPercentOptions } from "./formatPercent/index.js";
