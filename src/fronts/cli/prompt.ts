/**
 * The command line's prompts: the questions of src/session/prompts.ts asked one by one in the
 * terminal, each validated (and re-asked) with the answers so far. Ctrl-C rejects with
 * ExitPromptError.
 */
import { confirm, input, select } from '@inquirer/prompts';
import type { Question } from '../../session/prompts.js';

export async function askInTerminal(questions: readonly Question[]): Promise<Record<string, unknown>> {
  const answers: Record<string, unknown> = {};
  for (const question of questions) {
    if (question.type === 'select') {
      answers[question.name] = await select({
        message: question.message,
        choices: question.choices ?? [],
        default: typeof question.default === 'string' ? question.default : undefined,
      });
    } else if (question.type === 'confirm') {
      answers[question.name] = await confirm({ message: question.message, default: question.default !== false });
    } else {
      const validate = question.validate;
      answers[question.name] = await input({
        message: question.message,
        default: typeof question.default === 'string' && question.default !== '' ? question.default : undefined,
        validate: validate ? (value: string) => validate(value, answers) : undefined,
      });
    }
  }
  return answers;
}
