// XLSForm import and export. Server-only (exceljs); the engine in ../index.ts has no such dependency.
export { importXlsForm, type XlsFormImportResult } from "./import-xlsform";
export { exportXlsForm } from "./export-xlsform";
export { type XlsFormIssue, formatIssue } from "./issues";
