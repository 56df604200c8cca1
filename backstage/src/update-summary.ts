/** The pull request description of an update: what changed in which file and why, in Markdown. */
import path from 'node:path';
import { PACKAGE_NAME, PACKAGE_VERSION } from 'create-cognito-jwt-api';
import type { PlanEntry, UpdateComputation } from 'create-cognito-jwt-api/update';

/** Markdown table cell text: a pipe would end the cell, a line end the row. */
const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/**
 * `changed`: the plan's entries that change a file; `folder`: the service's folder in the
 * repository, relative to its root ('' for the root).
 */
export function updateSummary(update: UpdateComputation, changed: readonly PlanEntry[], folder: string): string {
  const where = folder ? ` in \`${folder.split(path.sep).join('/')}/\`` : '';
  const lines = [
    `Updates the service${where} to ${PACKAGE_NAME} ${PACKAGE_VERSION}: its files rendered again through ` +
      "this version's templates, with the answers it records, and merged with the changes made since, as " +
      `\`npx ${PACKAGE_NAME} update\` does. Files only you changed are kept; sample files are never overwritten.`,
    '',
  ];
  if (changed.length === 0) {
    lines.push(
      update.conflicts.length === 0
        ? `The service is current: no file changes${update.writes.size > 0 ? ' but its record' : ''}.`
        : 'No file changes.',
    );
  } else {
    lines.push('| File | Change | Why |', '| --- | --- | --- |');
    for (const entry of changed) lines.push(`| \`${cell(entry.path)}\` | ${entry.action} | ${cell(entry.reason)} |`);
  }
  if (update.conflicts.length > 0) {
    lines.push(
      '',
      `**Conflicts** in ${update.conflicts.map((file) => `\`${file}\``).join(', ')}: both you and the template ` +
        'changed the same lines. Resolve the `<<<<<<<` / `|||||||` / `=======` / `>>>>>>>` sections on this ' +
        'branch before merging.',
    );
  }
  if (update.notes.length > 0) lines.push('', 'Notes:', ...update.notes.map((note) => `- ${note}`));
  return `${lines.join('\n')}\n`;
}
