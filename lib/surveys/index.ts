/**
 * The survey engine: definitions, expressions, page flow, validation, piping. Runs
 * unchanged in the browser and on the server (no Node-only imports). XLSForm import and
 * export use exceljs and live in ./xlsform/index.ts, for server code only.
 */
export {
  surveyDefinitionSchema, questionSchema, optionSchema, pageSchema, repeatSchema, textSchema, MAX_REPEAT_ENTRIES,
  type SurveyDefinition, type SurveyDefinitionInput, type Question, type QuestionType, type Option, type Page,
  type Text, type Repeat, type MatrixRow, type PreloadField, type Calculate, type ChoiceQuestion, type MatrixQuestion, type ConsentQuestion,
} from "./definition";
export type { AnswerValue, Answers, SubmittedValue, Submission } from "./answers";
export {
  evaluateFlow, visibleQuestions, visibleOptions, firstPage, nextPage, previousPage, progress, validatePage, pruneHidden,
  type FlowState, type FlowOptions, type OptionView, type Progress, type PageValidation, type PruneResult,
} from "./flow";
export { visibleRows } from "./options";
export { pipe, displayValue, type PipeOptions } from "./pipe";
export { pageView, type PageView, type QuestionView } from "./page-view";
export { consentRecords, consentText, type ConsentRecord } from "./consent";
export { parseDefinition, parseDefinitionJson, stringifyDefinition, type DefinitionIssue, type DefinitionParseResult } from "./json";
export { diffDefinitions, type DefinitionChange } from "./diff-definitions";
export { listVariables, otherVariable, matrixRowVariable, type VariableInfo } from "./variables";
export { listExpressions, type ExpressionSite } from "./expression-sites";
export { resolveText, textIn } from "./texts";
export { summarizeDefinition } from "./summary";
export { message } from "./messages";
export {
  parseExpression, compileExpression, tryCompileExpression, referencedNames, ExprSyntaxError,
  type ExprNode, type ExprValue, type EvalScope, type CompiledExpression,
} from "./expr/index";
