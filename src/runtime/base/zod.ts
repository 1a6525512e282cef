/**
 * zod/mini for the payload schemas (`*.schema.ts`) that the reference endpoint validates with. No browser code
 * imports it at run time, only the schemas' types: zod's object helpers walk `for…in` and break on a page whose
 * Object.prototype was extended, so the browser checks with config/validate.ts and the lead field table.
 */
import * as z from 'zod/mini';

/**
 * Renders zod issues as `{ path, message }` in plain words a form can show: "required" for a missing value (parse
 * with `reportInput: true`), "too long", "invalid"; other issues keep zod's message.
 */
export function describeIssues(error: z.core.$ZodError): { path: string; message: string }[] {
  const plain = (issue: z.core.$ZodIssue): string => {
    if (issue.code === 'invalid_type' && issue.input === undefined) return 'required';
    if (issue.code === 'too_big') return 'too long';
    if (issue.code === 'invalid_format' || issue.code === 'invalid_value' || issue.code === 'custom') return 'invalid';
    return issue.message;
  };
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: plain(issue) }));
}

export { z };
