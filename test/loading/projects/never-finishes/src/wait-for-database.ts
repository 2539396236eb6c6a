// Waits for a signal that never comes, without using the CPU.
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
export const ready = true;
