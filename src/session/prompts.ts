/**
 * The questions asked for answers that were not given. Each validates with the same schema
 * rule as its flag, so an invalid answer is asked again with the rule's message.
 */
import { FLAVOURS } from '../render/flavours.js';
import { metaOf, type AnswerField, type GivenAnswers } from '../schema/answers.js';
import { checkAnswer, choicesOf } from '../schema/parse.js';

export interface Question {
  type: 'input' | 'select' | 'confirm';
  name: string;
  message: string;
  default?: string | boolean;
  choices?: Array<{ name: string; value: string }>;
  validate?: (input: string, answers?: Record<string, unknown>) => true | string;
}

/** Fields asked about, in order; `allowAnyOrigin` is a deliberate flag, never a question. */
const ASKED: readonly AnswerField[] = [
  'name',
  'region',
  'userPoolId',
  'clientId',
  'origins',
  'scopes',
  'iac',
  'runtime',
];

function titleOf(field: AnswerField): string {
  return metaOf(field).title;
}

function choiceLabel(field: AnswerField, value: string): { name: string; value: string } {
  if (field !== 'iac') return { name: value, value };
  return { name: FLAVOURS[value as keyof typeof FLAVOURS].title, value };
}

/**
 * Questions for every asked field missing from `known`. `defaults` pre-fills answers the
 * environment suggests (e.g. the folder name, AWS_REGION).
 */
export function questionsFor(
  known: GivenAnswers,
  defaults: Partial<Record<AnswerField, string>> = {},
  only: readonly AnswerField[] = ASKED,
): Question[] {
  return ASKED.filter((field) => known[field] === undefined && only.includes(field)).map((field) => {
    const choices = choicesOf(field);
    const question: Question = {
      type: choices ? 'select' : 'input',
      name: field,
      message:
        field === 'scopes'
          ? `${titleOf(field)} (a token needs any one; comma-separated, empty for none)`
          : titleOf(field),
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

/** A pick from a list of existing resources (named `<field>Pick`), with a way out to type an id. */
export function pickQuestion(field: AnswerField, items: ReadonlyArray<{ id: string; name: string }>): Question {
  return {
    type: 'select',
    name: `${field}Pick`,
    message: titleOf(field),
    choices: [
      ...items.map((item) => ({ name: `${item.name} (${item.id})`, value: item.id })),
      { name: 'Enter an ID', value: '' },
    ],
    default: items[0]?.id,
  };
}

export function confirmQuestion(name: string, message: string, defaultAnswer: boolean): Question {
  return { type: 'confirm', name, message, default: defaultAnswer };
}
