import type { CAC } from 'cac';
import { ExitCode, type CliIo } from '../cli-io.js';

export const registerVerify = (cli: CAC, io: CliIo): void => {
  cli
    .command('verify', 'Compare the Drizzle schema with a snapshot, offline, and explain every difference')
    .option('--snapshot <file>', 'Snapshot written by capture', { default: 'snapshots/production.json' })
    .option('--config <file>', 'drizzle-kit config (default: drizzle.config.{ts,mts,js,mjs,json} in the current directory)')
    .example('  $ drizzle-catalog verify --snapshot snapshots/production.json')
    .action((): number => {
      io.stderr('drizzle-catalog verify: not implemented yet (see the verify issue)\n');
      return ExitCode.usage;
    });
};
