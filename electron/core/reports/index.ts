export { buildReport, contactOf, defaultReportIdentity, type ReportContext } from './build';
export { sanitizeSegment, MAX_SEGMENT_LENGTH } from './sanitize';
export { reportDayFolder, reportFileName, shortReportId, isTempFileName, tempFileName } from './names';
export {
  ReportWriter,
  ReportWriteError,
  nodeReportFs,
  type ReportFs,
  type ReportWriterOptions,
  type WriteOutcome,
  type WriteStage,
} from './writer';
export {
  ReportDelivery,
  REPORT_OUTBOX_KIND,
  reportBackoffMs,
  submitWithReport,
  type DeliveryRound,
  type ReportDeliveryDeps,
  type ReportOutbox,
} from './delivery';
export {
  readResults,
  ResultsFolderError,
  MAX_REPORT_BYTES,
  type ReadReport,
  type ResultsRead,
  type SkippedFile,
  type SkipKind,
} from './fleet-read';
export {
  summarizeFleet,
  DEFAULT_EXPECTATION_DAYS,
  type FleetOptions,
  type FleetSummary,
  type ServiceWindow,
  type ServiceWindowStatus,
  type ApplicationSummary,
  type ServiceCompletion,
  type ProblemRow,
  type VerifiedBy,
} from './fleet';
export { renderFleetHtml, completionChart, esc } from './fleet-html';
export { renderFleetCsv, csvCell, csvLine } from './fleet-csv';
