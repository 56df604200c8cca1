/**
 * Ctrl-C and SIGTERM while files are being written. Writes are synchronous, so a signal reaches
 * its listener only when the event loop next polls (after two turns of the loop one poll phase
 * has passed, wherever the writer was called from). The writer runs with the signal held, stops at
 * the safe points it chooses, and the signal is raised again at the end, so that the process
 * still ends as the signal asked.
 */
import { CancelledError } from '../errors.js';

const signalsDelivered = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

/**
 * Runs `work` with Ctrl-C and SIGTERM held: one that arrives meanwhile is recorded, not acted on.
 * `checkpoint()` lets a held signal arrive and throws CancelledError if one has; `work` calls it
 * where stopping is safe. Once `work` is over (signals that came during its last synchronous steps
 * delivered too), the signal is raised again: with no listener left, Node's default ends the process.
 */
export async function withSignalsHeld<T>(work: (checkpoint: () => Promise<void>) => Promise<T>): Promise<T> {
  let received: NodeJS.Signals | undefined;
  const hold = (signal: NodeJS.Signals) => (received ??= signal);
  process.on('SIGINT', hold);
  process.on('SIGTERM', hold);
  const checkpoint = async () => {
    await signalsDelivered();
    if (received) throw new CancelledError();
  };
  try {
    return await work(checkpoint);
  } finally {
    await signalsDelivered();
    process.off('SIGINT', hold);
    process.off('SIGTERM', hold);
    if (received) process.kill(process.pid, received);
  }
}
