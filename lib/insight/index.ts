// The insight domain's public verbs (§12), ctx-first: the dashboard and the reports. They
// only read; the rollup they sum is kept by the `insight.rollup` job (./rollups).
export { getDashboard, type Dashboard } from './dashboard'
export { getReport, reportCsv, reportKinds, type Report, type ReportKind, type ReportRow } from './reports'
export { listInsightTeams } from './teams'
