/**
 * `ibd-outcomes/cohort`: outcome rates, Table 1 with tests, safety and lab tables, regression tables,
 * and their Markdown/HTML/CSV and SVG renderings.
 * @packageDocumentation
 */
export { formatPValue, P_VALUE_STYLES } from "./formatPValue/index.js";
export type { PValueStyle, FormatPValueOptions } from "./formatPValue/index.js";
export { formatPercent, formatCountPercent } from "./formatPercent/index.js";
export type { FormatPercentOptions, FormatCountPercentOptions } from "./formatPercent/index.js";
export { tableToMarkdown, tableToHtml, tableToCsv, escapeHtml, escapeMarkdown, csvField } from "./renderTable/index.js";
export type { DisplayCell, DisplayRow, DisplaySpanner, DisplayTable, TableToCsvOptions } from "./renderTable/index.js";
export {
  TEST_FOOTNOTES,
  selectCategoricalTest,
  selectContinuousTest,
  compareCounts,
  compareContinuous,
} from "./selectTest/index.js";
export type {
  TestId,
  SelectCategoricalTestOptions,
  CategoricalTestChoice,
  ContinuousSummary,
  SelectContinuousTestOptions,
  ContinuousTestChoice,
  GroupComparison,
} from "./selectTest/index.js";
export type { SummaryLevel, SummaryRow, SummaryGroup, SummaryTableResult, SummaryDisplayOptions, ContinuousCellSummary, SummaryDifference } from "./_lib/summary.js";
export { summaryTable } from "./summaryTable/index.js";
export type { SummaryValue, SummaryVariable, SummaryTableOptions, SummaryCiOptions, ContinuousSummaryChoice, SummaryTestChoice } from "./summaryTable/index.js";
export { summaryTableFromCounts } from "./summaryTableFromCounts/index.js";
export type {
  PublishedCountsRow,
  PublishedMeanSdRow,
  PublishedSummaryInput,
  SummaryTableFromCountsOptions,
} from "./summaryTableFromCounts/index.js";
export { outcomeRates } from "./outcomeRates/index.js";
export type {
  OutcomeStatus,
  OutcomeStatusRow,
  OutcomeRatesOptions,
  OutcomeRate,
  AcrossTimeTest,
  OutcomeRatesResult,
} from "./outcomeRates/index.js";
export { outcomeRowsFromTimeline } from "./outcomeRowsFromTimeline/index.js";
export type { OutcomeRowsFromTimelineOptions } from "./outcomeRowsFromTimeline/index.js";
export { adverseEventTable } from "./adverseEventTable/index.js";
export type {
  AdverseEventRow,
  AdverseEventCategory,
  AdverseEventTableOptions,
  AdverseEventLine,
  AdverseEventTableResult,
} from "./adverseEventTable/index.js";
export type { PatientGroup } from "./_lib/groups.js";
export { discontinuationSummary } from "./discontinuationSummary/index.js";
export type { DiscontinuationRow, DiscontinuationSummaryOptions, DiscontinuationSummaryResult } from "./discontinuationSummary/index.js";
export { labTrajectorySummary } from "./labTrajectorySummary/index.js";
export type {
  LabValueRow,
  LabTrajectorySummaryOptions,
  LabTimepointSummary,
  LabTrajectorySummaryResult,
} from "./labTrajectorySummary/index.js";
export { regressionTable } from "./regressionTable/index.js";
export type {
  RegressionLevel,
  RegressionTerm,
  RegressionTableOptions,
  RegressionTableRow,
  RegressionTableResult,
} from "./regressionTable/index.js";
export { outcomeRatesSvg } from "./outcomeRatesSvg/index.js";
export type { OutcomeRatesSvgOptions } from "./outcomeRatesSvg/index.js";
export { labTrajectorySvg } from "./labTrajectorySvg/index.js";
export type { LabTrajectorySvgOptions } from "./labTrajectorySvg/index.js";
export { rocCurveSvg } from "./rocCurveSvg/index.js";
export type { RocCurveSvgOptions } from "./rocCurveSvg/index.js";
export { forestPlotSvg } from "./forestPlotSvg/index.js";
export type { ForestPlotRow, ForestPlotSvgOptions } from "./forestPlotSvg/index.js";
export { patientFlowSvg } from "./patientFlowSvg/index.js";
export type { PatientFlowDiagramInput, PatientFlowSvgOptions } from "./patientFlowSvg/index.js";
export { ESTIMANDS, ESTIMAND_LABELS, applyEstimand } from "./estimands/index.js";
export type { Estimand, EstimandOrMi, EstimandFavour, ApplyEstimandOptions, EstimandRowCode, EstimandStatusRow } from "./estimands/index.js";
export { estimandRates } from "./estimandRates/index.js";
export type { EstimandRatesOptions, EstimandRate, EstimandRatesResult } from "./estimandRates/index.js";
export { multipleImputation } from "./multipleImputation/index.js";
export type {
  MultipleImputationOptions,
  ImputationModel,
  MultipleImputationRate,
  MultipleImputationDifference,
  MultipleImputationRow,
  MultipleImputationResult,
} from "./multipleImputation/index.js";
export { tippingPoint } from "./tippingPoint/index.js";
export type {
  TippingPointCounts,
  TippingPointOptions,
  TippingPointOneGroupOptions,
  TippingPointTwoGroupOptions,
  TippingConclusion,
  TippingPointRow,
  TippingPointResult,
  TippingPointCell,
  TippingPointGridResult,
} from "./tippingPoint/index.js";
export { estimandRatesSvg } from "./estimandRatesSvg/index.js";
export type { EstimandRatesSvgOptions } from "./estimandRatesSvg/index.js";
export { adverseEventHierarchyTable } from "./adverseEventHierarchy/index.js";
export type {
  AdverseEventPatient,
  CodedAdverseEvent,
  AdverseEventHierarchyTableOptions,
  AdverseEventCell,
  AdverseEventHierarchyLine,
  AdverseEventHierarchyTableResult,
} from "./adverseEventHierarchy/index.js";
export { balanceTable } from "./balanceTable/index.js";
export type { BalanceTableOptions } from "./balanceTable/index.js";
export { lovePlotSvg } from "./lovePlotSvg/index.js";
export type { LovePlotSvgOptions } from "./lovePlotSvg/index.js";
export { weightedSummaryTable } from "./weightedSummaryTable/index.js";
export type { WeightedSummaryTableOptions } from "./weightedSummaryTable/index.js";
export { propensityOverlapSvg } from "./propensityOverlapSvg/index.js";
export type { PropensityOverlapSvgOptions } from "./propensityOverlapSvg/index.js";
