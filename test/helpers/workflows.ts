/** GitHub Actions workflows as GitHub reads them: its own parser and converter (`@actions/workflow-parser`). */
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';

/** Every error of GitHub's parser and converter, as the Actions service and its language server run them. */
export async function githubErrors(name: string, content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((error) => error.message);
  if (!parsed.value) return errors;
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  return [...errors, ...(template.errors ?? []).map((error) => error.Message)];
}

/** The workflow as GitHub converts it: its events and jobs (the parser must accept it). */
export async function convertedWorkflow(name: string, content: string) {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  return convertWorkflowTemplate(parsed.context, parsed.value!);
}
