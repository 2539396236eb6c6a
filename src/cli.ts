/**
 * cac wiring only: flags → options → command → exit code. Commands live in
 * src/commands/; this file builds the parser and turns its outcome into an exit code.
 */
import { cac, type CAC } from 'cac';
import { checkOptions, closestFlag, optionSpecs } from './cli-options.js';
import { ExitCode, type CliIo } from './cli-io.js';
import { redactUrlsIn } from './commands/redact-output.js';
import { registerCapture, type CaptureCommandDeps } from './commands/capture.js';
import { registerVerify, type VerifyCommandDeps } from './commands/verify.js';
import { VERSION } from './version.js';

const NAME = 'drizzle-catalog';

/** What the commands take from outside besides `io` (the clock, for one); tests pin them. */
export interface CliDeps {
  readonly capture?: CaptureCommandDeps;
  readonly verify?: VerifyCommandDeps;
}

/** Builds the parser without running anything (tests call `parse(argv, { run: false })`). */
export const createCli = (io: CliIo, deps: CliDeps = {}): CAC => {
  const cli = cac(NAME);
  registerCapture(cli, io, deps.capture);
  registerVerify(cli, io, deps.verify);
  cli.help((sections) => {
    // cac prints help with console.info; route it through io so tests and pipes see it.
    io.stdout(`${sections.map((s) => (s.title ? `${s.title}:\n${s.body}` : s.body)).join('\n\n')}\n`);
    return [];
  });
  cli.version(VERSION);
  return cli;
};

/**
 * NOTE: cac's parser (mri) never takes an argument starting with `-` as an option's
 * value, so `--out -` (stdout) would parse as `--out` with no value. A lone `-` after
 * an option that takes a value is glued to it: `--out -` becomes `--out=-`. So is a
 * negative number (`--max-age -1` → `--max-age=-1`), which mri would read as flags `-1`,
 * so that the command can say what is wrong with the value.
 */
const NEGATIVE_NUMBER = /^-\d+(?:\.\d+)?$/;

const glueDashValues = (cli: CAC, argv: readonly string[]): string[] => {
  const valued = new Set(
    [...cli.commands, cli.globalCommand]
      .flatMap((command) => command.options)
      .filter((option) => /[<[]/.test(option.rawName))
      .flatMap((option) => option.rawName.split(/[<[]/)[0]?.match(/-{1,2}[\w-]+/g) ?? []),
  );
  const glued: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    if (next !== undefined && (next === '-' || NEGATIVE_NUMBER.test(next)) && valued.has(arg)) {
      glued.push(`${arg}=${next}`);
      i += 1;
    } else {
      glued.push(arg);
    }
  }
  return glued;
};

const usageError = (io: CliIo, command: string | undefined, message: string, hint?: string): number => {
  const prefix = command ? `${NAME} ${command}` : NAME;
  const help = `\`${prefix} --help\` for the options and examples`;
  io.stderr(`${prefix}: ${message}\n  hint: ${hint ? `${hint} See ${help}` : `run ${help}`}\n`);
  return ExitCode.usage;
};

/**
 * An error that is not the user's (a bug): one line and a hint, no stack, and no
 * credentials even if the error quotes a connection URL.
 * NOTE: DRIZZLE_CATALOG_DEBUG=1 prints the stack for whoever investigates.
 */
const internalError = (io: CliIo, error: unknown): number => {
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n').find((line) => line.trim() !== '') ?? 'unknown error';
  const debug = io.env['DRIZZLE_CATALOG_DEBUG'] !== undefined && io.env['DRIZZLE_CATALOG_DEBUG'] !== '';
  const details = debug && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  io.stderr(
    redactUrlsIn(
      `${NAME}: internal error: ${firstLine.trim()}${details}\n` +
        `  hint: this is a bug in ${NAME}, not in your input: please report it with the command you ran` +
        `${debug ? '' : ' (DRIZZLE_CATALOG_DEBUG=1 prints the stack)'}\n`,
    ),
  );
  return ExitCode.usage;
};

/** Runs the CLI on `argv` (without the node and script entries) and resolves to the exit code. */
export const runCli = async (argv: readonly string[], io: CliIo, deps: CliDeps = {}): Promise<number> => {
  const cli = createCli(io, deps);
  try {
    // cac prints the version with console.info; handle it here for the same reason as help.
    if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
      io.stdout(`${VERSION}\n`);
      return ExitCode.ok;
    }
    const glued = glueDashValues(cli, argv);
    const parsed = cli.parse(['node', NAME, ...glued], { run: false });
    if (parsed.options['help'] === true) return ExitCode.ok;
    if (cli.matchedCommand === undefined) {
      const unknown = parsed.args[0];
      io.stderr(
        unknown === undefined
          ? `${NAME}: a command is required. Run \`${NAME} --help\` to see capture and verify.\n`
          : `${NAME}: unknown command \`${String(unknown)}\`. Run \`${NAME} --help\` to see capture and verify.\n`,
      );
      return ExitCode.usage;
    }
    const command = cli.matchedCommand;
    const checked = checkOptions(glued, optionSpecs([...cli.globalCommand.options, ...command.options]), cli.options);
    if (!checked.ok) return usageError(io, command.name, checked.message);
    cli.options = { ...checked.options, '--': cli.options['--'] };
    const result: unknown = await cli.runMatchedCommand();
    return typeof result === 'number' ? result : ExitCode.ok;
  } catch (error) {
    if (error instanceof Error && error.name === 'CACError') {
      const command = cli.matchedCommand;
      const unknown = /^Unknown option `([^`]+)`/.exec(error.message)?.[1];
      const suggestion =
        unknown === undefined || command === undefined
          ? undefined
          : closestFlag(unknown, optionSpecs([...cli.globalCommand.options, ...command.options]).map((spec) => spec.flag));
      return usageError(io, command?.name, error.message, suggestion ? `did you mean ${suggestion}?` : undefined);
    }
    return internalError(io, error);
  }
};
