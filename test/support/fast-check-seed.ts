/**
 * In CI, property tests use a fixed seed (override with FC_SEED) so a submission's run is
 * reproducible and a red CI always comes with the same counterexample; locally each run
 * draws a new seed and keeps exploring.
 */
import fc from 'fast-check';

if (process.env['CI']) {
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: Number(process.env['FC_SEED'] ?? 20261125) });
}
