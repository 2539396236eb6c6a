// Polls for something that never comes: the timer keeps the process alive.
await new Promise<void>(() => {
  setInterval(() => undefined, 60_000);
});
export const ready = true;
