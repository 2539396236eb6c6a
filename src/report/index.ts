/** Reporters: each returns a string; the CLI writes it. */
export { renderText, type TextReportOptions } from './text.js';
export { renderJson, toJsonReport, JSON_FORMAT_VERSION } from './json.js';
