/**
 * The questions asked for answers that were not given. Each validates with the same schema
 * rule as its flag, so an invalid answer is asked again with the rule's message; messages name
 * an answer given as a flag by its flag, and one asked for by its question.
 */
import { FLAVOURS } from '../render/flavours.js';
import {
  ANSWER_FIELDS,
  DEFAULT_DEV_ORIGIN,
  FLAG_LABELS,
  metaOf,
  TITLE_LABELS,
  type AnswerField,
  type AnswerLabels,
  type GivenAnswers,
} from '../schema/answers.js';
import { checkAnswer, choicesOf } from '../schema/parse.js';

export interface Question {
  type: 'input' | 'select' | 'confirm';
  name: string;
  message: string;
  default?: string | boolean;
  choices?: Array<{ name: string; value: string }>;
  validate?: (input: string, answers?: Record<string, unknown>) => true | string;
}

/**
 * Fields asked about, in order. The region is the user pool id's prefix (the schema refuses any
 * other), `allowAnyOrigin` is a choice offered when "*" is typed as an origin, and the runtime
 * keeps its default unless --runtime is given.
 */
export const ASKED: readonly AnswerField[] = [
  'name',
  'userPoolId',
  'clientId',
  'origins',
  'devOrigins',
  'scopes',
  'iac',
];

/**
 * Labels for messages during questions: answers given as flags by their flag (`--region`),
 * answers asked for by their question's title ("AWS region").
 */
export function promptLabels(flags: Iterable<AnswerField> = []): AnswerLabels {
  const given = new Set(flags);
  return Object.fromEntries(
    ANSWER_FIELDS.map((field) => [field, given.has(field) ? FLAG_LABELS[field] : TITLE_LABELS[field]]),
  ) as AnswerLabels;
}

function messageOf(field: AnswerField): string {
  const title = metaOf(field).title;
  if (field === 'scopes') return `${title} (a token needs any one; comma-separated, empty for none)`;
  if (field === 'origins' || field === 'devOrigins') return `${title} (comma-separated)`;
  return title;
}

function choiceLabel(field: AnswerField, value: string): { name: string; value: string } {
  if (field !== 'iac') return { name: value, value };
  return { name: FLAVOURS[value as keyof typeof FLAVOURS].title, value };
}

/**
 * The question for one field. `known` holds the other answers so far, for the rules that
 * involve several; `suggestion` pre-fills the answer (e.g. the folder name, a previous answer).
 */
export function questionFor(
  field: AnswerField,
  known: GivenAnswers,
  options: { suggestion?: string; labels?: AnswerLabels } = {},
): Question {
  const labels = options.labels ?? promptLabels();
  const choices = choicesOf(field);
  const question: Question = {
    type: choices ? 'select' : 'input',
    name: field,
    message: messageOf(field),
    // Production's origins have none: a local front end's address belongs to the dev environment's.
    default: options.suggestion ?? (field === 'scopes' ? '' : field === 'devOrigins' ? DEFAULT_DEV_ORIGIN : undefined),
  };
  if (choices) {
    question.choices = choices.map((value) => choiceLabel(field, value));
    question.default ??= choices[0];
    return question;
  }
  question.validate = (raw, answers = {}) => {
    // Pasted text often brings a space or a line end along: the answer is what is inside.
    const input = raw.trim();
    if (field === 'scopes' && input === '') return true;
    // "*" is a choice the run offers next, with what it means.
    const context = field === 'origins' ? { allowAnyOrigin: true } : {};
    const errors = checkAnswer(field, input, { ...known, ...answers, ...context }, labels);
    return errors.length === 0 ? true : errors.map((error) => error.message).join('\n');
  };
  return question;
}

/**
 * Questions for every asked field missing from `known`, in order. `defaults` pre-fills answers
 * the environment suggests (e.g. the folder name).
 */
export function questionsFor(
  known: GivenAnswers,
  defaults: Partial<Record<AnswerField, string>> = {},
  only: readonly AnswerField[] = ASKED,
  labels?: AnswerLabels,
): Question[] {
  return ASKED.filter((field) => known[field] === undefined && only.includes(field)).map((field) =>
    questionFor(field, known, { suggestion: defaults[field], labels }),
  );
}

/** A pick from a list of existing resources (named `<field>Pick`), with a way out to type an id. */
export function pickQuestion(
  field: AnswerField,
  items: ReadonlyArray<{ id: string; name: string }>,
  where: string,
  suggestion?: string,
): Question {
  return {
    type: 'select',
    name: `${field}Pick`,
    message: `${metaOf(field).title} (${where})`,
    choices: [
      ...items.map((item) => ({ name: `${item.name} (${item.id})`, value: item.id })),
      { name: 'Enter an ID', value: '' },
    ],
    default: items.some((item) => item.id === suggestion) ? suggestion : items[0]?.id,
  };
}

export function confirmQuestion(name: string, message: string, defaultAnswer: boolean): Question {
  return { type: 'confirm', name, message, default: defaultAnswer };
}

export function selectQuestion(
  name: string,
  message: string,
  choices: Array<{ name: string; value: string }>,
  defaultValue?: string,
): Question {
  return { type: 'select', name, message, choices, default: defaultValue ?? choices[0]?.value };
}
