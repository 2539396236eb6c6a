/** Reporters: each returns a string; the CLI writes it. */
export { renderText, type TextReportOptions } from './text.js';
export { renderJson, toJsonReport, JSON_FORMAT_VERSION } from './json.js';
export { renderMarkdown, MARKDOWN_MAX_LENGTH, type MarkdownReportOptions } from './markdown.js';
export { renderGithub, githubAnnotations, workflowCommand, escapeData, escapeProperty, type Annotation, type GithubReportOptions } from './github.js';
export { createDeclarationIndex, journalEntryLine, type DeclarationIndex, type SourceFile, type SourceLocation } from './declarations.js';
export {
  verifyOutputSchema,
  verifyOutputJsonSchemaText,
  VERIFY_OUTPUT_SCHEMA_ID,
  VERIFY_OUTPUT_SCHEMA_PATH,
  type JsonReport,
} from './json-schema.js';
