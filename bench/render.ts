/**
 * Re-renders bench/results.md from bench/results.json (after a change to the report's
 * layout, without measuring again).
 *
 *   node --import tsx bench/render.ts [bench/results.json]
 */
import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { BENCH_DIR } from './paths.js';
import { renderReport, type BenchReport } from './results.js';

const input = path.resolve(process.argv[2] ?? path.join(BENCH_DIR, 'results.json'));
const report = JSON.parse(await readFile(input, 'utf8')) as BenchReport;
const output = input.replace(/\.json$/, '.md');
await writeFile(output, `${renderReport(report)}\n`);
process.stderr.write(`wrote ${output}\n`);
