/**
 * Help text fitted to the terminal: lines wrapped at spaces, never inside a word, to the
 * terminal's width (80 columns when it is unknown, as when the output goes to a file or a pipe).
 */

export const DEFAULT_WIDTH = 80;

/** The width to wrap to: the terminal's, when there is one and it is not absurdly narrow. */
export function widthOf(columns: number | undefined): number {
  return columns !== undefined && columns >= 40 ? columns : DEFAULT_WIDTH;
}

/**
 * Wraps one line at spaces to `width` columns. Continuation lines start at `hanging` columns
 * (by default the line's own indent); a word longer than a line stays whole on a line of its own.
 */
export function wrapLine(line: string, width: number, hanging?: number): string {
  const lead = /^ */.exec(line)![0];
  const indent = ' '.repeat(hanging ?? lead.length);
  const lines: string[] = [];
  let current = lead;
  let started = false;
  // Split on single spaces: a run of spaces (a padded column) comes back as empty words, kept as they were.
  for (const word of line.slice(lead.length).split(' ')) {
    if (started && word !== '' && current.length + 1 + word.length > width && current.trim() !== '') {
      lines.push(current.trimEnd());
      current = indent + word;
    } else {
      current += `${started ? ' ' : ''}${word}`;
    }
    started = true;
  }
  lines.push(current);
  return lines.join('\n');
}

/**
 * A shell command, given as its words (each already quoted for the shell), wrapped to `width`
 * columns with ` \` at each break, so that it still pastes as one command; a flag stays on the
 * line of its value.
 */
export function wrapCommand(tokens: readonly string[], width: number, indent = 2): string {
  const continued = indent + 4;
  const groups: string[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    const next = tokens[index + 1];
    const pair = `${token} ${next}`;
    // Together unless the pair is too long for a line of its own.
    if (token.startsWith('--') && next !== undefined && !next.startsWith('-') && continued + pair.length + 2 <= width) {
      groups.push(pair);
      index++;
    } else {
      groups.push(token);
    }
  }
  const lines: string[] = [];
  let current = ' '.repeat(indent) + groups[0];
  for (const group of groups.slice(1)) {
    if (current.length + 1 + group.length + 2 > width) {
      lines.push(`${current} \\`);
      current = ' '.repeat(continued) + group;
    } else {
      current += ` ${group}`;
    }
  }
  lines.push(current);
  return lines.join('\n');
}
