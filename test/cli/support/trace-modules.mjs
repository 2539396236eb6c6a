/**
 * Test instrumentation, preloaded with `--import` into a CLI child process only: prints
 * `[module] <url>` on stderr for every ES module the process loads.
 */
import { register } from 'node:module';

register('./trace-modules-hooks.mjs', import.meta.url);
