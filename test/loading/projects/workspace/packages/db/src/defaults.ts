export const NAME = { length: 120 } satisfies { length: number };
