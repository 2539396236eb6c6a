/**
 * The one adapter around pg-query-emscripten (PostgreSQL 16's parser, libpg_query,
 * compiled to WebAssembly). Everything version-specific about that package lives here:
 * how it is loaded, how it is called, how its output is repaired. A version change
 * touches this file only.
 *
 * NOTE: pg-query-emscripten 5.1.0 breaks after a few thousand `parse` calls (measured:
 * 3,531 calls of `select 1`; 8 calls of a 9 KB statement), then throws or returns
 * garbage JSON. The cause is its own `parse` wrapper, not the parser: it copies the
 * input onto the 64 KiB emscripten stack (`allocate(..., ALLOC_STACK)`), never restores
 * the stack pointer, and then `_free`s a stack address. Each call leaks
 * `align16(bytes + 1)` of stack until the stack runs into static data. So this adapter
 * never calls `parse`: it copies the input to the heap with `allocate(bytes, 0)`
 * (malloc), calls `raw_parse` and frees the copy. With that, 100,000 calls, and 2,000
 * calls of a 90 KB statement, ran without a fault. The heap starts at 16.8 MB and
 * grows on demand (an 8 MB statement parses), but never shrinks. Guards that remain:
 * - the instance is recycled (a fresh module) every `recycleAfterCalls` calls, and
 *   after a call that grew its heap beyond `recycleAboveHeapBytes`;
 * - a call that throws (out of memory, corrupted output) is retried once on a fresh
 *   instance, and reported as a `fault` failure if it throws again;
 * - SQL nested deeper than the 64 KiB stack allows is refused before the call
 *   (token-guard.ts): overflowing it corrupts memory and can abort the process.
 *
 * NOTE: the module's factory is asynchronous (it returns a promise) although nothing
 * in it needs to wait. To offer a synchronous API and to get a fresh instance in the
 * middle of a batch, the module source is evaluated in a `vm` context with
 * `microtaskMode: 'afterEvaluate'`, where its promises settle before `runInContext`
 * returns, and WebAssembly is compiled synchronously (SYNC_INSTANTIATE_SHIM).
 * Creating an instance that way takes 10-50 ms (decoding the embedded binary).
 *
 * NOTE: libpg_query 16's JSON output drops the value of negative integer constants
 * (`-1` prints as `{"A_Const":{"ival":{}}}`, like `0`), pganalyze/libpg_query#243,
 * fixed upstream in #249 but not in this build. The adapter restores the value from
 * the source text at the constant's location (see `repairNegativeIntegers`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import * as vm from 'node:vm';
import { fieldsOf, isArray, isObject, type Json, type JsonObject } from './ast.js';
import { MAX_PARSE_DEPTH, tokenShape, tooDeep } from './token-guard.js';

/** Top level of a successful parse: `{ version, stmts: [{ stmt, stmt_location?, stmt_len? }] }`. */
export interface ParseTree {
  readonly version: number;
  readonly stmts: readonly JsonObject[];
}

export type ParseResult =
  | { readonly ok: true; readonly tree: ParseTree }
  | {
      readonly ok: false;
      readonly error: string;
      /** 1-based character position of the error in the input, 0 when unknown. */
      readonly cursor: number;
      /** True when the parser itself failed (not the SQL): out of memory, corrupted output. */
      readonly fault: boolean;
    };

export interface SqlParser {
  /** Parses SQL text (one or more statements). Never throws for bad SQL. */
  parse(sql: string): ParseResult;
}

export interface SqlParserOptions {
  /** Replace the module instance after this many calls. */
  readonly recycleAfterCalls?: number;
  /** Replace the module instance once its heap has grown beyond this many bytes. */
  readonly recycleAboveHeapBytes?: number;
}

/** Shape of the emscripten module we use; checked at runtime since it comes from another realm. */
interface RawModule {
  allocate(bytes: Uint8Array, allocator: number): number;
  _free(pointer: number): void;
  raw_parse(pointer: number): { parse_tree: string; error: { message: string; cursorpos: number } };
  /** The heap as bytes; replaced by a larger view when the heap grows. */
  readonly HEAPU8: { readonly length: number };
}

/** `allocate`'s allocator argument: 0 is ALLOC_NORMAL (malloc); 1 (ALLOC_STACK) is what leaks. */
const ALLOC_NORMAL = 0;
const DEFAULT_RECYCLE_AFTER_CALLS = 2_000;
const DEFAULT_RECYCLE_ABOVE_HEAP_BYTES = 64 * 1024 * 1024;
const FACTORY_GLOBAL = '__pgQueryFactory';
const INSTANCE_GLOBAL = '__pgQueryInstance';
const FAILURE_GLOBAL = '__pgQueryFailure';
const EXPORT_STATEMENT = 'export default pgQuery;';

let loaded: { readonly context: vm.Context; readonly instantiate: vm.Script } | undefined;

/**
 * The package ships two builds of the same parser: `pg_query.js` (its `main`: the
 * WebAssembly translated to JavaScript) and `pg_query_wasm.js` (real WebAssembly,
 * embedded as base64). We load the WebAssembly one: measured here it parses a
 * 200-expression batch twice as fast, and a memory fault in it is a clean, catchable
 * trap, where the JavaScript build's faults can abort the whole process.
 */
const BUILD = 'pg-query-emscripten/pg_query_wasm.js';

/**
 * Runs in the module's context before it: emscripten instantiates WebAssembly through
 * the asynchronous `WebAssembly.instantiate`, whose compilation settles on a later
 * task, outside `microtaskMode`'s reach. This replacement compiles synchronously
 * (allowed in Node for any size) once, and creates one instance per call.
 */
const SYNC_INSTANTIATE_SHIM = `(() => {
  let compiled;
  WebAssembly.instantiate = (binary, imports) => {
    compiled ??= new WebAssembly.Module(binary);
    return Promise.resolve({ module: compiled, instance: new WebAssembly.Instance(compiled, imports) });
  };
})();`;

/** Evaluates the module source once in its own context; each instance is then one factory call. */
const loadModule = (): NonNullable<typeof loaded> => {
  if (loaded !== undefined) return loaded;
  const path = createRequire(import.meta.url).resolve(BUILD);
  const source = readFileSync(path, 'utf8');
  if (source.split(EXPORT_STATEMENT).length !== 2) {
    throw new Error(`${BUILD} changed layout (no single "${EXPORT_STATEMENT}"); update src/sql/parser.ts`);
  }
  const silent = (): void => undefined;
  const context = vm.createContext(
    {
      // The module prints through console on some errors; the core never prints.
      console: { log: silent, warn: silent, error: silent, info: silent, debug: silent },
      TextDecoder,
      TextEncoder,
      atob,
    },
    { name: 'pg-query-emscripten', microtaskMode: 'afterEvaluate' },
  );
  new vm.Script(SYNC_INSTANTIATE_SHIM).runInContext(context);
  new vm.Script(source.replace(EXPORT_STATEMENT, `globalThis.${FACTORY_GLOBAL} = pgQuery;`), { filename: path }).runInContext(
    context,
  );
  const instantiate = new vm.Script(
    `globalThis.${INSTANCE_GLOBAL} = undefined; globalThis.${FAILURE_GLOBAL} = undefined;
     globalThis.${FACTORY_GLOBAL}().then((m) => { globalThis.${INSTANCE_GLOBAL} = m; }, (e) => { globalThis.${FAILURE_GLOBAL} = String(e); });`,
  );
  loaded = { context, instantiate };
  return loaded;
};

const isRawModule = (value: unknown): value is RawModule => {
  if (typeof value !== 'object' || value === null) return false;
  const module = value as Record<string, unknown>;
  return (
    typeof module['allocate'] === 'function' &&
    typeof module['_free'] === 'function' &&
    typeof module['raw_parse'] === 'function' &&
    typeof (module['HEAPU8'] as { length?: unknown } | undefined)?.length === 'number'
  );
};

/**
 * NOTE: V8 first compiles WebAssembly with its baseline compiler (Liftoff), then, on
 * background threads, compiles the whole module again with its optimizing compiler
 * (TurboFan), which Node 20 does for this 1.5 MB module even when no function is hot.
 * Measured on a 2,000-table verify: that second compile costs about 40 MiB of resident
 * memory and 0.15 s of CPU competing with the main thread, and parsing is no faster for
 * it (the parse is a small part of normalizing). So the module is compiled with
 * `--liftoff-only`, set for that one synchronous compile and then restored; the module
 * keeps the tiering it was compiled with. A process started with the flag keeps it.
 */
const LIFTOFF_ONLY = '--liftoff-only';

const startedWithLiftoffOnly = (): boolean =>
  [...process.execArgv, ...(process.env['NODE_OPTIONS'] ?? '').split(/\s+/)].some((arg) => arg.includes('liftoff'));

const compilingWithLiftoffOnly = <T>(compile: () => T): T => {
  if (startedWithLiftoffOnly()) return compile();
  setFlagsFromString(LIFTOFF_ONLY);
  try {
    return compile();
  } finally {
    setFlagsFromString(`--no-${LIFTOFF_ONLY.slice(2)}`);
  }
};

let compiled = false;

const createInstance = (): RawModule => {
  const { context, instantiate } = loadModule();
  // The first instance compiles the module (SYNC_INSTANTIATE_SHIM keeps it for the next ones).
  if (compiled) instantiate.runInContext(context);
  else compilingWithLiftoffOnly(() => instantiate.runInContext(context));
  compiled = true;
  const globals = context as Record<string, unknown>;
  const instance = globals[INSTANCE_GLOBAL];
  if (!isRawModule(instance)) {
    const failure = globals[FAILURE_GLOBAL];
    throw new Error(`pg-query-emscripten did not initialize synchronously${typeof failure === 'string' ? `: ${failure}` : ''}`);
  }
  return instance;
};

const encoder = new TextEncoder();

/** A parser instance with recycling. A class because it holds a resource: the module instance. */
export class PgQueryParser implements SqlParser {
  readonly #recycleAfterCalls: number;
  readonly #recycleAboveHeapBytes: number;
  #instance: RawModule | undefined;
  #calls = 0;
  #instancesCreated = 0;

  constructor(options: SqlParserOptions = {}) {
    this.#recycleAfterCalls = Math.max(1, options.recycleAfterCalls ?? DEFAULT_RECYCLE_AFTER_CALLS);
    this.#recycleAboveHeapBytes = options.recycleAboveHeapBytes ?? DEFAULT_RECYCLE_ABOVE_HEAP_BYTES;
  }

  /** How many module instances this parser has created (for tests of recycling). */
  get instancesCreated(): number {
    return this.#instancesCreated;
  }

  parse(sql: string): ParseResult {
    // Deep trees overflow the module's stack and can abort the process (token-guard.ts).
    const depth = tokenShape(sql).depth;
    if (depth > MAX_PARSE_DEPTH) return { ok: false, error: tooDeep(depth, MAX_PARSE_DEPTH), cursor: 0, fault: false };
    const bytes = encoder.encode(`${sql}\0`);
    try {
      return this.#parseOnce(bytes);
    } catch {
      this.#instance = undefined;
      try {
        return this.#parseOnce(bytes);
      } catch (error) {
        this.#instance = undefined;
        return { ok: false, error: `parser fault: ${error instanceof Error ? error.message : String(error)}`, cursor: 0, fault: true };
      }
    }
  }

  #parseOnce(bytes: Uint8Array): ParseResult {
    if (this.#instance === undefined || this.#calls >= this.#recycleAfterCalls) {
      this.#instance = createInstance();
      this.#instancesCreated += 1;
      this.#calls = 0;
    }
    const instance = this.#instance;
    this.#calls += 1;
    const pointer = instance.allocate(bytes, ALLOC_NORMAL);
    if (pointer === 0) throw new Error('out of memory');
    let raw: ReturnType<RawModule['raw_parse']>;
    try {
      raw = instance.raw_parse(pointer);
    } finally {
      instance._free(pointer);
    }
    if (instance.HEAPU8.length > this.#recycleAboveHeapBytes) this.#instance = undefined;
    const message = String(raw.error.message);
    if (message !== '') return { ok: false, error: message, cursor: Number(raw.error.cursorpos) || 0, fault: false };
    const text = String(raw.parse_tree);
    const tree: unknown = JSON.parse(text);
    if (!isParseTree(tree)) throw new Error('unexpected parse tree shape');
    if (text.includes('"ival":{}')) repairNegativeIntegers(tree.stmts, bytes);
    return { ok: true, tree };
  }
}

const isParseTree = (value: unknown): value is ParseTree =>
  typeof value === 'object' && value !== null && Array.isArray((value as { stmts?: unknown }).stmts);

/**
 * Restores integer constants printed without a value (see the NOTE above): a constant
 * at a `0` is zero; one at a `-` is the negated integer literal that follows, possibly
 * after spaces, comments and parentheses (`-5`, `- 5`, `-(5)`).
 */
const repairNegativeIntegers = (value: Json, bytes: Uint8Array): void => {
  if (isArray(value)) {
    for (const item of value) repairNegativeIntegers(item, bytes);
    return;
  }
  if (!isObject(value)) return;
  const constant = fieldsOf(value, 'A_Const');
  const ival = constant?.['ival'];
  if (constant !== undefined && isObject(ival) && ival['ival'] === undefined) {
    const location = constant['location'];
    const recovered = typeof location === 'number' ? integerAt(bytes, location) : undefined;
    if (recovered === undefined) throw new Error('could not recover an integer constant from the source');
    // The tree is ours (fresh from JSON.parse); mutate it in place before anyone reads it.
    (ival as Record<string, Json>)['ival'] = recovered;
    return;
  }
  for (const key of Object.keys(value)) repairNegativeIntegers(value[key] ?? null, bytes);
};

const MINUS = 0x2d;
const isDigit = (byte: number | undefined): boolean => byte !== undefined && byte >= 0x30 && byte <= 0x39;
const isWordByte = (byte: number | undefined): boolean =>
  byte !== undefined && (isDigit(byte) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x5f);

const integerAt = (bytes: Uint8Array, location: number): number | undefined => {
  if (isDigit(bytes[location])) return 0;
  if (bytes[location] !== MINUS) return undefined;
  let at = skipSpaceCommentsAndParens(bytes, location + 1);
  const start = at;
  while (isWordByte(bytes[at])) at += 1;
  const literal = new TextDecoder().decode(bytes.subarray(start, at)).replaceAll('_', '').toLowerCase();
  const magnitude = /^(0x[0-9a-f]+|0o[0-7]+|0b[01]+|[0-9]+)$/.test(literal) ? Number(literal) : Number.NaN;
  if (!Number.isSafeInteger(magnitude)) return undefined;
  return magnitude === 0 ? 0 : -magnitude;
};

const skipSpaceCommentsAndParens = (bytes: Uint8Array, from: number): number => {
  let at = from;
  for (;;) {
    const byte = bytes[at];
    if (byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x0c || byte === 0x0b || byte === 0x28) {
      at += 1;
    } else if (byte === MINUS && bytes[at + 1] === MINUS) {
      while (at < bytes.length && bytes[at] !== 0x0a) at += 1;
    } else if (byte === 0x2f && bytes[at + 1] === 0x2a) {
      let depth = 1;
      at += 2;
      while (at < bytes.length && depth > 0) {
        if (bytes[at] === 0x2f && bytes[at + 1] === 0x2a) (depth += 1), (at += 2);
        else if (bytes[at] === 0x2a && bytes[at + 1] === 0x2f) (depth -= 1), (at += 2);
        else at += 1;
      }
    } else {
      return at;
    }
  }
};

let shared: PgQueryParser | undefined;

/** The process-wide parser (module instances are 16 MiB each: share one). */
export const sharedSqlParser = (): SqlParser => {
  shared ??= new PgQueryParser();
  return shared;
};
