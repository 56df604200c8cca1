/** Output through the file descriptors, and what happens when a pipe is full or gone. */
import { afterEach, describe, expect, it, vi } from 'vitest';

const fd = vi.hoisted(() => ({ writes: [] as string[], next: [] as Array<(bytes: Buffer, offset: number) => number> }));
vi.mock('node:fs', async (original) => ({
  ...(await original<typeof import('node:fs')>()),
  writeSync: (_fd: number, bytes: Buffer, offset = 0) => {
    const step = fd.next.shift();
    if (step) return step(bytes, offset);
    fd.writes.push(bytes.subarray(offset).toString());
    return bytes.length - offset;
  },
}));
const { writeLine } = await import('../../src/fronts/cli/process-io.js');

const failure = (code: string) => () => {
  throw Object.assign(new Error(code), { code });
};

describe('writeLine', () => {
  afterEach(() => {
    fd.writes.length = 0;
    fd.next.length = 0;
    vi.restoreAllMocks();
  });

  it('writes each line whole, however many writes the descriptor takes', () => {
    fd.next.push((bytes, offset) => (fd.writes.push(bytes.subarray(offset, offset + 3).toString()), 3));
    writeLine(2, 'a line');
    expect(fd.writes.join('')).toBe('a line\n');
  });

  it('ignores a reader that has gone away', () => {
    fd.next.push(failure('EPIPE'));
    expect(() => writeLine(2, 'nobody reads this')).not.toThrow();
  });

  it('sends the rest through the stream when the pipe is full, and every later line too, in order', () => {
    const stream = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    fd.next.push(
      (bytes, offset) => (fd.writes.push(bytes.subarray(offset, offset + 2).toString()), 2),
      failure('EAGAIN'),
    );
    writeLine(1, 'first');
    writeLine(1, 'second');
    expect(fd.writes).toEqual(['fi']);
    expect(stream.mock.calls.map(([chunk]) => String(chunk))).toEqual(['rst\n', 'second\n']);
  });

  it('reports any other error', () => {
    fd.next.push(failure('EIO'));
    expect(() => writeLine(2, 'x')).toThrow('EIO');
  });
});
