import type { CAC } from 'cac';
import { ExitCode, type CliIo } from '../cli-io.js';

export const registerCapture = (cli: CAC, io: CliIo): void => {
  cli
    .command('capture', 'Read a PostgreSQL catalog (never row data) into a versioned JSON snapshot to commit')
    .option('--url <url>', 'PostgreSQL connection URL (else DATABASE_URL, else dbCredentials.url of drizzle.config.*)')
    .option('--out <file>', 'Snapshot file to write, or - for stdout', { default: 'snapshots/production.json' })
    .example('  $ drizzle-catalog capture --url postgres://me@db.example.com/app --out snapshots/production.json')
    .action((): number => {
      io.stderr('drizzle-catalog capture: not implemented yet (see the capture issue)\n');
      return ExitCode.usage;
    });
};
