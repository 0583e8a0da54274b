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
  MAX_TOTAL_BYTES,
  DEFAULT_READ_LIMITS,
  type ReadLimits,
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
  type SuspectReport,
} from './fleet';
export { digestReport, type ReportDigest } from './fleet-digest';
export { reportChecker, resolveSuperseded, type SuspectFlag, type SuspectKind } from './fleet-suspect';
export { pruneReports, type PruneResult } from './prune';
export { renderFleetHtml, completionChart, esc } from './fleet-html';
export { renderFleetCsv, fleetCsvLines, csvCell, csvLine } from './fleet-csv';
