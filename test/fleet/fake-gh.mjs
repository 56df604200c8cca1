/**
 * A stand-in for the GitHub CLI in tests (run as `gh` from PATH): answers the `gh pr` commands of
 * the template-update script from the JSON state file FAKE_GH_STATE ({ prs, calls }), records each
 * call there, and refuses what GitHub refuses (a second open pull request for a branch, a branch
 * the remote does not have). An open pull request's head is the remote branch's tip, as on GitHub.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const stateFile = process.env.FAKE_GH_STATE;
const state = JSON.parse(readFileSync(stateFile, 'utf8'));
const args = process.argv.slice(2);
state.calls.push(args);

const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const body = () => (option('--body-file') === '-' ? readFileSync(0, 'utf8') : option('--body'));
const remoteTip = (branch) =>
  execFileSync('git', ['ls-remote', 'origin', `refs/heads/${branch}`], { encoding: 'utf8' }).split(/\s/)[0];
const live = (pr) => (pr.state === 'OPEN' ? { ...pr, headRefOid: remoteTip(pr.headRefName) } : pr);
const pick = (pr, fields) => Object.fromEntries(fields.split(',').map((field) => [field, live(pr)[field]]));
const numbered = (number) => {
  const pr = state.prs.find((candidate) => candidate.number === Number(number));
  if (!pr) refuse(`no pull requests found for branch "${number}"`);
  return pr;
};

function refuse(message) {
  writeFileSync(stateFile, JSON.stringify(state, null, 2));
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

let out = '';
const [group, command, target] = args;
if (group !== 'pr') refuse(`unknown command "${group}" for "gh"`);
if (command === 'list') {
  const wanted = (option('--state') ?? 'open').toUpperCase();
  const prs = state.prs.filter(
    (pr) => pr.headRefName === option('--head') && (wanted === 'ALL' || pr.state === wanted),
  );
  out = JSON.stringify(prs.map((pr) => pick(pr, option('--json'))));
} else if (command === 'view') {
  out = JSON.stringify(pick(numbered(target), option('--json')));
} else if (command === 'create') {
  const head = option('--head');
  if (!remoteTip(head)) refuse(`pull request create failed: Head sha can't be blank, Head ref must be a branch`);
  const open = state.prs.find((pr) => pr.headRefName === head && pr.state === 'OPEN');
  if (open)
    refuse(`a pull request for branch "${head}" into branch "${option('--base')}" already exists:\n${open.url}`);
  const number = state.prs.length + 1;
  const url = `https://github.com/acme/service/pull/${number}`;
  state.prs.push({
    number,
    url,
    state: 'OPEN',
    title: option('--title'),
    body: body(),
    isDraft: args.includes('--draft'),
    baseRefName: option('--base'),
    headRefName: head,
    comments: [],
  });
  out = `${url}\n`;
} else if (command === 'edit') {
  const pr = numbered(target);
  pr.title = option('--title') ?? pr.title;
  pr.body = body() ?? pr.body;
  out = `${pr.url}\n`;
} else if (command === 'comment') {
  const pr = numbered(target);
  pr.comments.push({ author: { login: 'github-actions' }, body: body() });
  out = `${pr.url}#issuecomment-${pr.comments.length}\n`;
} else if (command === 'ready') {
  numbered(target).isDraft = args.includes('--undo');
} else {
  refuse(`unknown command "${command}" for "gh pr"`);
}
writeFileSync(stateFile, JSON.stringify(state, null, 2));
process.stdout.write(out);
