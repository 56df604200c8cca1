/**
 * The questions asked for answers that were not given. Each validates with the same schema
 * rule as its flag, so an invalid answer is asked again with the rule's message.
 */
import { FLAVOURS } from './render/flavours.js';
import { AnswersFields, type AnswerField, type GivenAnswers } from './schema/answers.js';
import { checkAnswer, choicesOf } from './schema/parse.js';

export interface Question {
  type: 'input' | 'select';
  name: AnswerField;
  message: string;
  default?: string;
  choices?: Array<{ name: string; value: string }>;
  validate?: (input: string, answers?: Record<string, unknown>) => true | string;
}

/** Fields asked about, in order; `allowAnyOrigin` is a deliberate flag, never a question. */
const ASKED: readonly AnswerField[] = ['name', 'region', 'userPoolId', 'clientId', 'origins', 'scopes', 'iac', 'runtime'];

function titleOf(field: AnswerField): string {
  const meta = AnswersFields.shape[field].meta() as { title?: string; description?: string } | undefined;
  return meta?.title ?? field;
}

function choiceLabel(field: AnswerField, value: string): { name: string; value: string } {
  if (field !== 'iac') return { name: value, value };
  return { name: FLAVOURS[value as keyof typeof FLAVOURS].title, value };
}

/**
 * Questions for every asked field missing from `known`. `defaults` pre-fills answers the
 * environment suggests (e.g. the folder name, AWS_REGION).
 */
export function questionsFor(known: GivenAnswers, defaults: Partial<Record<AnswerField, string>> = {}): Question[] {
  return ASKED.filter((field) => known[field] === undefined).map((field) => {
    const choices = choicesOf(field);
    const question: Question = {
      type: choices ? 'select' : 'input',
      name: field,
      message: field === 'scopes' ? `${titleOf(field)} (comma-separated, empty for none)` : titleOf(field),
      default: defaults[field] ?? (field === 'scopes' ? '' : undefined),
    };
    if (choices) {
      question.choices = choices.map((value) => choiceLabel(field, value));
      question.default ??= choices[0];
    } else {
      question.validate = (input, answers = {}) => {
        if (field === 'scopes' && input.trim() === '') return true;
        const errors = checkAnswer(field, input, { ...known, ...answers });
        return errors.length === 0 ? true : errors.map((error) => error.message).join('\n');
      };
    }
    return question;
  });
}
