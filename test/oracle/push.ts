/**
 * drizzle-kit as an oracle: a harness around `pushSchema(imports, db)` from
 * `drizzle-kit/api` (0.31), run against a real database (PGlite or the server).
 *
 * Two ways to ask it:
 * - `push()` is what CI sees: no terminal. drizzle-kit either returns the statements it
 *   would run, or throws "Interactive prompts require a TTY terminal" the moment it needs
 *   to ask "created or renamed?". We return that as `{ kind: 'would-prompt' }`.
 * - `pushAnswering()` pretends to be a terminal, records every prompt drizzle-kit shows
 *   (question, table, options) and answers each one with a callback (by default "create"),
 *   then returns the statements that follow from those answers.
 *
 * NOTE: drizzle-kit's push path writes a spinner to `process.stdout`, logs resolver output
 * with `console.log`/`console.error`, and calls `process.exit(1)` when introspection fails
 * (hanji `renderWithTask`). Every call here runs with those silenced and `process.exit`
 * turned into a thrown error, one call at a time (the patches are process-wide).
 */
import type { PGlite } from '@electric-sql/pglite';
import { pushSchema } from './drizzle-kit-api.js';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';

/** What drizzle-kit says about a schema and a database. */
export type PushOutcome = PushStatements | PushWouldPrompt;

export interface PushStatements {
  readonly kind: 'statements';
  /** Statements drizzle-kit would run, in its order; empty when in sync. */
  readonly statements: readonly string[];
  /** drizzle-kit's `hasDataLoss`: it would ask for approval (drops of non-empty tables/columns...). */
  readonly hasDataLoss: boolean;
  /** drizzle-kit's data-loss explanations, ANSI colours removed. */
  readonly warnings: readonly string[];
  /** Runs the statements on the database, as drizzle-kit's own `apply()` does. */
  apply(): Promise<void>;
}

export interface PushWouldPrompt {
  readonly kind: 'would-prompt';
  /** drizzle-kit's own error message ("Interactive prompts require a TTY terminal ..."). */
  readonly message: string;
}

/** One "created or renamed?" question drizzle-kit asks. */
export interface DrizzleKitPrompt {
  readonly entity: 'column' | 'table' | 'enum' | 'sequence' | 'view' | 'schema' | 'policy' | 'role';
  /** The name being created (`schema.name` when not in public, as drizzle-kit prints it). */
  readonly name: string;
  /** For column prompts, the table (as drizzle-kit prints it); else null. */
  readonly table: string | null;
  /** The options in drizzle-kit's order: first "create", then one "rename from" per candidate. */
  readonly options: readonly PromptOption[];
}

export type PromptOption =
  | { readonly kind: 'create'; readonly name: string }
  | { readonly kind: 'rename'; readonly from: string; readonly to: string };

/** Picks an option index for a prompt. */
export type PromptAnswer = (prompt: DrizzleKitPrompt) => number;

export const answerCreate: PromptAnswer = () => 0;

export interface AnsweredPush extends PushStatements {
  /** Every prompt shown, in order. */
  readonly prompts: readonly DrizzleKitPrompt[];
}

export interface PushOptions {
  /** Schemas drizzle-kit introspects; drizzle-kit's default is `['public']`. */
  readonly schemaFilters?: readonly string[];
  /** drizzle-kit `tablesFilter` globs. */
  readonly tablesFilter?: readonly string[];
}

/** The message drizzle-kit 0.31's terminal library (hanji) rejects with when no TTY is attached. */
export const TTY_ERROR_PREFIX = 'Interactive prompts require a TTY terminal';

type DrizzleForPush = Parameters<typeof pushSchema>[1];

/** A database drizzle-kit can push to. `close()` ends only what the oracle opened itself. */
export class DrizzleKitOracle {
  private constructor(
    private readonly db: DrizzleForPush,
    private readonly onClose: () => Promise<void>,
  ) {}

  /** On PGlite: shares the caller's instance (the caller closes it). */
  static pglite(pglite: PGlite): DrizzleKitOracle {
    return new DrizzleKitOracle(drizzlePglite(pglite) as unknown as DrizzleForPush, async () => undefined);
  }

  /** On the server: opens its own connection to `url`, closed by `close()`. */
  static async server(url: string): Promise<DrizzleKitOracle> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return new DrizzleKitOracle(drizzleNodePg(client) as unknown as DrizzleForPush, () => client.end());
  }

  /** What drizzle-kit push says in CI (no terminal). */
  push(imports: Readonly<Record<string, unknown>>, options: PushOptions = {}): Promise<PushOutcome> {
    return exclusive(async () => {
      try {
        return await silenced(async () => statementsOf(await this.call(imports, options)));
      } catch (error) {
        if (error instanceof Error && error.message.startsWith(TTY_ERROR_PREFIX)) {
          return { kind: 'would-prompt', message: error.message };
        }
        throw error;
      }
    });
  }

  /** What drizzle-kit push asks in a terminal, answered by `answer`, and what it would then run. */
  pushAnswering(
    imports: Readonly<Record<string, unknown>>,
    answer: PromptAnswer = answerCreate,
    options: PushOptions = {},
  ): Promise<AnsweredPush> {
    return exclusive(() =>
      silenced(async (terminal) => {
        const prompts: DrizzleKitPrompt[] = [];
        const stop = terminal.answerPrompts((prompt) => {
          prompts.push(prompt);
          return answer(prompt);
        });
        try {
          return { ...statementsOf(await this.call(imports, options)), prompts };
        } finally {
          stop();
        }
      }),
    );
  }

  /**
   * Like `pushAnswering`, but a failure of drizzle-kit's diff after some prompts (it throws on
   * some answers) is returned with the prompts asked until then.
   */
  async askAll(
    imports: Readonly<Record<string, unknown>>,
    answer: PromptAnswer = answerCreate,
    options: PushOptions = {},
  ): Promise<{ readonly prompts: readonly DrizzleKitPrompt[]; readonly outcome: { readonly kind: 'statements'; readonly statements: readonly string[] } | { readonly kind: 'failed'; readonly message: string } }> {
    const prompts: DrizzleKitPrompt[] = [];
    try {
      const answered = await this.pushAnswering(imports, (prompt) => (prompts.push(prompt), answer(prompt)), options);
      return { prompts, outcome: { kind: 'statements', statements: answered.statements } };
    } catch (error) {
      if (error instanceof DrizzleKitExit) throw error;
      return { prompts, outcome: { kind: 'failed', message: error instanceof Error ? error.message : String(error) } };
    }
  }

  close(): Promise<void> {
    return this.onClose();
  }

  private call(imports: Readonly<Record<string, unknown>>, options: PushOptions) {
    return pushSchema(
      { ...imports },
      this.db,
      options.schemaFilters ? [...options.schemaFilters] : undefined,
      options.tablesFilter ? [...options.tablesFilter] : undefined,
    );
  }
}

const statementsOf = (result: Awaited<ReturnType<typeof pushSchema>>): PushStatements => ({
  kind: 'statements',
  statements: [...result.statementsToExecute],
  hasDataLoss: result.hasDataLoss,
  warnings: result.warnings.map(stripAnsi),
  apply: () => exclusive(() => silenced(() => result.apply())),
});

// --- process-wide patches, one call at a time --------------------------------------

let queue: Promise<unknown> = Promise.resolve();

const exclusive = <T>(run: () => Promise<T>): Promise<T> => {
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
};

/** Thrown in place of drizzle-kit's `process.exit(code)`. */
export class DrizzleKitExit extends Error {
  constructor(readonly code: number | string | null | undefined, readonly output: string) {
    super(`drizzle-kit called process.exit(${String(code)}); its output:\n${output}`);
  }
}

interface FakeTerminal {
  /** Makes hanji believe a TTY is attached and answers each prompt; returns the undo. */
  answerPrompts(answer: PromptAnswer): () => void;
}

type Write = typeof process.stdout.write;

const silenced = async <T>(run: (terminal: FakeTerminal) => Promise<T>): Promise<T> => {
  const { stdout, stdin } = process;
  const original = { write: stdout.write, log: console.log, error: console.error, exit: process.exit };
  let output = '';
  // Set while a prompt is being set up: its next question-like write is the rendered prompt.
  let onPromptRender: ((text: string) => void) | null = null;
  const write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    output += text;
    const render = onPromptRender;
    // hanji first hides the cursor, then renders the question in the same tick.
    if (render && text.includes('created or renamed')) {
      onPromptRender = null;
      render(text);
    }
    const callback = rest.find((r): r is () => void => typeof r === 'function');
    callback?.();
    return true;
  }) as Write;
  stdout.write = write;
  console.log = (...args: unknown[]) => void (output += `${args.map(String).join(' ')}\n`);
  console.error = console.log;
  process.exit = ((code?: number | string | null) => {
    throw new DrizzleKitExit(code, stripAnsi(output));
  }) as typeof process.exit;

  const terminal: FakeTerminal = {
    answerPrompts(answer) {
      const tty = { stdin: stdin.isTTY, stdout: stdout.isTTY };
      const hadRawMode = Object.prototype.hasOwnProperty.call(stdin, 'setRawMode');
      const rawMode = (stdin as { setRawMode?: unknown }).setRawMode;
      stdin.isTTY = true;
      stdout.isTTY = true;
      if (typeof rawMode !== 'function') (stdin as { setRawMode?: unknown }).setRawMode = () => stdin;
      // hanji's Terminal subscribes to 'keypress' and then renders the question synchronously.
      const onListener = (event: string | symbol) => {
        if (event !== 'keypress') return;
        onPromptRender = (text) => {
          const prompt = parsePrompt(text);
          const choice = answer(prompt);
          if (!Number.isInteger(choice) || choice < 0 || choice >= prompt.options.length) {
            throw new Error(`answer ${choice} out of range for ${JSON.stringify(prompt)}`);
          }
          setImmediate(() => {
            for (let i = 0; i < choice; i += 1) stdin.emit('keypress', undefined, { name: 'down' });
            stdin.emit('keypress', '\r', { name: 'return' });
          });
        };
      };
      stdin.on('newListener', onListener);
      return () => {
        stdin.off('newListener', onListener);
        stdin.isTTY = tty.stdin;
        stdout.isTTY = tty.stdout;
        if (!hadRawMode) delete (stdin as { setRawMode?: unknown }).setRawMode;
        stdin.pause();
      };
    },
  };

  try {
    return await run(terminal);
  } finally {
    stdout.write = original.write;
    console.log = original.log;
    console.error = original.error;
    process.exit = original.exit;
  }
};

// --- prompt text -----------------------------------------------------------------

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;
export const stripAnsi = (text: string): string => text.replace(ANSI, '');

const COLUMN_QUESTION = /^Is (.+) column in (.+) table created or renamed from another column\?$/;
const NAMED_QUESTION = /^Is (.+) (table|enum|sequence|view|schema|policy|role) created or renamed from another \2\?$/;
const OPTION = /^(?:❯ |  )([+~]) (.+?) +(create|rename) (\w+)$/;

/** Reads a prompt back from hanji's rendering (drizzle-kit `src/cli/views.ts`). */
export const parsePrompt = (rendered: string): DrizzleKitPrompt => {
  const lines = stripAnsi(rendered)
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '');
  const [question, ...rest] = lines;
  const column = question ? COLUMN_QUESTION.exec(question) : null;
  const named = question ? NAMED_QUESTION.exec(question) : null;
  if (!column && !named) throw new Error(`unrecognised drizzle-kit prompt:\n${rendered}`);
  const options = rest.map((line): PromptOption => {
    const match = OPTION.exec(line);
    if (!match) throw new Error(`unrecognised drizzle-kit prompt option: ${JSON.stringify(line)}`);
    const [, , title = '', action] = match;
    if (action === 'create') return { kind: 'create', name: title.trim() };
    const [from = '', to = ''] = title.split(' › ').map((part) => part.trim());
    return { kind: 'rename', from, to };
  });
  return column
    ? { entity: 'column', name: column[1] ?? '', table: column[2] ?? '', options }
    : { entity: (named?.[2] ?? 'table') as DrizzleKitPrompt['entity'], name: named?.[1] ?? '', table: null, options };
};
