#!/usr/bin/env node
import { runCli } from './cli.js';
import { processIo } from './cli-io.js';
import { installInterruptHandlers } from './interrupt.js';

const io = processIo();
installInterruptHandlers(io.stderr);
process.exitCode = await runCli(process.argv.slice(2), io);
