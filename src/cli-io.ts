/** Everything the CLI touches of its process, so tests can run it in memory. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Whether stdout is a terminal (colour, progress). */
  readonly isTTY: boolean;
  /** Reads standard input to its end (`capture --dump -`); absent where none is piped in (a terminal). */
  readonly stdin?: (() => Promise<Uint8Array>) | undefined;
}

export const processIo = (): CliIo => ({
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  isTTY: process.stdout.isTTY === true,
  // A terminal would wait for typing: only piped or redirected input is read.
  stdin: process.stdin.isTTY
    ? undefined
    : async () => {
        const chunks: Buffer[] = [];
        for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks);
      },
});

/** Exit codes, documented in the README. */
export const ExitCode = {
  /** Nothing reaches the `--fail-on` threshold. */
  ok: 0,
  /** A finding reaches the `--fail-on` threshold. */
  findings: 1,
  /** Usage or input error: bad flag, unreadable snapshot or schema, connection failure. */
  usage: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
