/**
 * Ctrl-C and SIGTERM while files are being written. Writes are synchronous, so a signal reaches
 * its listener only when the event loop next polls; these helpers hold it until then, let the
 * writer decide at safe points, and raise it again at the end so that the process still ends as
 * the signal asked.
 */

/**
 * Runs `work` with Ctrl-C and SIGTERM held: one that arrives meanwhile is recorded, not acted on,
 * and `work` asks `interrupted()` where stopping is safe. Once `work` is over, the signal is raised
 * again (with no listener left, Node's default: the process ends).
 */
export async function withSignalsHeld<T>(work: (interrupted: () => NodeJS.Signals | undefined) => Promise<T>): Promise<T> {
  let received: NodeJS.Signals | undefined;
  const hold = (signal: NodeJS.Signals) => (received ??= signal);
  process.on('SIGINT', hold);
  process.on('SIGTERM', hold);
  try {
    return await work(() => received);
  } finally {
    process.off('SIGINT', hold);
    process.off('SIGTERM', hold);
    if (received) process.kill(process.pid, received);
  }
}

/**
 * Lets a signal that arrived while this process ran synchronously reach its listener: signals are
 * seen in the event loop's poll phase, and after two turns of the loop one has passed, wherever
 * this was called from.
 */
export function signalsDelivered(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}
