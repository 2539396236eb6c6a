// The irreducible part of verify: import the schema modules and run drizzle-kit's
// generateDrizzleJson on their exports. Plain JavaScript on purpose: run with plain
// `node` on the transpiled copy it times no TypeScript loader at all; with `--tsx` it
// registers tsx's loader after drizzle-kit is loaded, to time the loader on the schema
// alone.
//
//   node bench/load-schema.mjs [--tsx] <schema files...>
//
// NOTE: registering tsx *before* importing drizzle-kit/api (e.g. `node --import tsx`)
// makes tsx transform drizzle-kit's 3 MB api.mjs too: about +3 s and +340 MiB on a
// 2-core machine, whatever the schema size (measured with drizzle-kit 0.31.11, tsx 4.23).
import { pathToFileURL } from 'node:url';
import { generateDrizzleJson } from 'drizzle-kit/api';

const args = process.argv.slice(2);
const useTsx = args[0] === '--tsx';
const files = useTsx ? args.slice(1) : args;
if (useTsx) {
  const { register } = await import('tsx/esm/api');
  register();
}
const imports = {};
for (const file of files) Object.assign(imports, await import(pathToFileURL(file).href));
const json = generateDrizzleJson(imports);
process.stdout.write(`${Object.keys(json.tables).length} tables\n`);
