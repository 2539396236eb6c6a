/**
 * `node --import tsx --import ./block-network-preload.ts ...`: blocks the network for the
 * whole process before the program starts, and on exit writes what was attempted to the
 * file named by DRIZZLE_CATALOG_TEST_NETWORK_LOG.
 */
import { writeFileSync } from 'node:fs';
import { blockNetwork } from './block-network.js';

const log = process.env['DRIZZLE_CATALOG_TEST_NETWORK_LOG'];
if (log === undefined) throw new Error('DRIZZLE_CATALOG_TEST_NETWORK_LOG is not set');
const block = blockNetwork();
process.on('exit', () => writeFileSync(log, JSON.stringify({ installed: true, attempts: block.attempts })));
