/**
 * Notes on what a changed answer does beyond the files: to the deployed service (a new name, a
 * new IaC flavour) or to the project's own values (origins replaced as a list).
 */
import { resourcePrefixOf, stackIdOf, stackNameOf } from '../render/template-data.js';
import { FLAVOURS } from '../render/flavours.js';
import { ENVIRONMENTS, type Answers, type GivenAnswers } from '../schema/answers.js';
import { normaliseAnswer } from '../schema/parse.js';
import { flagOf } from '../schema/rules.js';

type Iac = Answers['iac'];

/**
 * How each flavour tears down what it deployed: the command, and what it needs of the old files.
 * `name` and `region` are the project's before the change.
 */
const TEAR_DOWN = {
  cdk: ({ name, region }) =>
    `the stacks ${stacks(name)} in ${region} that the CDK app deployed are left running. To delete them, run ` +
    '`npm run destroy:dev` and `npm run destroy:prod` while the CDK files are there: before applying this ' +
    'update, or later from the commit before it (checked out in another folder, with its dependencies installed)',
  terraform: () =>
    'the resources Terraform deployed are left running, and their state stays in infra/terraform.tfstate.d/ ' +
    "(each workspace's; infra/terraform.tfstate for a deployment from before environments), unless you " +
    'configured a backend: keep it, out of git (the new .gitignore may no longer ' +
    'ignore it), until they are destroyed. To destroy them, run `npm run destroy:dev` and `npm run destroy:prod` ' +
    'while the Terraform files are there: before applying this update, or later in this folder with infra/ and ' +
    'package.json checked out from the commit before it',
  sam: ({ name, region }) =>
    `the stacks ${stacks(name)} that SAM deployed are left running. To delete them, run ` +
    ENVIRONMENTS.map(
      (environment) => `\`sam delete --stack-name ${stackNameOf(name, environment)} --region ${region}\``,
    ).join(' and ') +
    ' (they need none of the old files)',
} as const satisfies Record<Iac, (before: { name: string; region: string }) => string>;

/** The stack of each environment, e.g. "orders-api-dev and orders-api-prod". */
const stacks = (name: string) => ENVIRONMENTS.map((environment) => stackNameOf(name, environment)).join(' and ');

/** Whether the names the stack and resources take from the package name change (a scope alone does not). */
function deployedNameChanges(before: string, after: string): boolean {
  return stackIdOf(before) !== stackIdOf(after) || resourcePrefixOf(before) !== resourcePrefixOf(after);
}

/**
 * What removing the custom domain does: the next deploy deletes it from API Gateway, while its DNS
 * record, the user's, still points there; a record left pointing at a released name can be taken over.
 */
function domainRemoved(domain: string): string {
  return (
    `the custom domain ${domain} goes: the next deploy deletes it and its API mapping from API Gateway. ` +
    `Remove or repoint its DNS record first (a record left pointing at a deleted domain name is dangling), ` +
    'and delete its ACM certificate when nothing else uses it'
  );
}

/** What a new name does to a deployed API: the stack and resource names follow it. */
function renamed(before: string, answers: Answers): string {
  const what =
    answers.iac === 'terraform'
      ? 'the next apply replaces the API and its functions, whose names follow it (the API gets a new URL)'
      : 'the stack is named after it, so the next deploy creates a second stack and API (with a new URL) beside ' +
        'the old one: delete the old stack once the new one serves';
  return (
    `the name changes from ${JSON.stringify(before)} to ${JSON.stringify(answers.name)}: ${what}. Keep ` +
    `--name ${before} to deploy over the same one`
  );
}

const isIac = (value: unknown): value is Iac => typeof value === 'string' && value in FLAVOURS;

/** The flavour the project had before this run, when the run switches to another. */
export function previousIac(before: GivenAnswers, answers: Answers): Iac | undefined {
  return isIac(before.iac) && before.iac !== answers.iac ? before.iac : undefined;
}

/** What a switch of IaC flavour leaves behind: the old flavour's deployment, and how to tear it down. */
function switchedIac(from: Iac, before: GivenAnswers, answers: Answers): string {
  const name = typeof before.name === 'string' ? before.name : answers.name;
  const region = typeof before.region === 'string' ? before.region : answers.region;
  return (
    `--iac changes from ${from} to ${answers.iac}: this update writes ${FLAVOURS[answers.iac].title} files ` +
    `and removes the ${FLAVOURS[from].title} ones, but deletes nothing deployed: ${TEAR_DOWN[from]({ name, region })}`
  );
}

/** `--origins` (`--dev-origins`) replaces the whole list: which origins that removes, and which it adds. */
function replacedOrigins(
  field: 'origins' | 'devOrigins',
  before: unknown,
  after: readonly string[],
): string | undefined {
  const previous = (normaliseAnswer(field, before) as string[] | undefined) ?? [];
  const removed = previous.filter((origin) => !after.includes(origin));
  const added = after.filter((origin) => !previous.includes(origin));
  if (removed.length === 0 && added.length === 0) return undefined;
  const list = (origins: string[]) => (origins.length > 0 ? origins.join(', ') : 'none');
  return (
    `${flagOf(field)} replaces the list of ${field === 'origins' ? 'production' : 'dev'} origins: ` +
    `removed ${list(removed)}; added ${list(added)}` +
    (removed.length > 0 ? ' (give every origin to keep, comma-separated)' : '')
  );
}

/**
 * Notes on the answers that change from `before` (the stored answers, with those src/api.ts
 * holds over them) to `answers`; `overrides` are the answer flags given.
 */
export function answerChangeNotes(before: GivenAnswers, answers: Answers, overrides: GivenAnswers): string[] {
  const notes: string[] = [];
  if (typeof before.name === 'string' && deployedNameChanges(before.name, answers.name))
    notes.push(renamed(before.name, answers));
  const from = previousIac(before, answers);
  if (from) notes.push(switchedIac(from, before, answers));
  if (typeof before.domain === 'string' && answers.domain === undefined) notes.push(domainRemoved(before.domain));
  for (const field of ['origins', 'devOrigins'] as const) {
    if (!(field in overrides)) continue;
    const origins = replacedOrigins(field, before[field], answers[field]);
    if (origins) notes.push(origins);
  }
  return notes;
}
