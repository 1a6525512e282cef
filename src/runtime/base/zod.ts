/**
 * zod/mini for the payload schemas (`*.schema.ts`) that the reference endpoint validates with. No browser code
 * imports it at run time, only the schemas' types: zod's object helpers walk `for…in` and break on a page whose
 * Object.prototype was extended, so the browser checks with config/validate.ts and the lead field table.
 */
import * as z from 'zod/mini';

/** Renders zod issues as `path: message` lines, the form both console warnings and 422 bodies use. */
export function describeIssues(error: z.core.$ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

export { z };
