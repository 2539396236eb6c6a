/**
 * Runs `body` with the global console's output methods writing to `write` (the CLI's
 * stderr): user schema modules may log while they are imported, and stdout must carry
 * only the report (`--format json` is parsed by scripts).
 */
const METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;

export const withConsoleOn = async <T>(write: (text: string) => void, body: () => Promise<T>): Promise<T> => {
  const saved = METHODS.map((name) => [name, console[name]] as const);
  for (const name of METHODS) {
    console[name] = (...args: unknown[]): void => write(`${args.map(String).join(' ')}\n`);
  }
  try {
    return await body();
  } finally {
    for (const [name, method] of saved) console[name] = method;
  }
};
