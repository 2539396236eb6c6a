/**
 * cac wiring only: flags → options → command → exit code. Commands live in
 * src/commands/; this file builds the parser and turns its outcome into an exit code.
 */
import { cac, type CAC } from 'cac';
import { ExitCode, type CliIo } from './cli-io.js';
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
 * an option that takes a value is glued to it: `--out -` becomes `--out=-`.
 */
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
    if (argv[i + 1] === '-' && valued.has(arg)) {
      glued.push(`${arg}=-`);
      i += 1;
    } else {
      glued.push(arg);
    }
  }
  return glued;
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
    const parsed = cli.parse(['node', NAME, ...glueDashValues(cli, argv)], { run: false });
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
    const result: unknown = await cli.runMatchedCommand();
    return typeof result === 'number' ? result : ExitCode.ok;
  } catch (error) {
    if (error instanceof Error && error.name === 'CACError') {
      const command = cli.matchedCommand?.name;
      io.stderr(`${NAME}: ${error.message}. Run \`${NAME}${command ? ` ${command}` : ''} --help\` for the options.\n`);
      return ExitCode.usage;
    }
    throw error;
  }
};
