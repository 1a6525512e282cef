/**
 * zod/mini building blocks for the payload schemas shared by the widgets' lazy parts and the reference endpoint.
 * Nothing on the initial path imports this file (attributes use runtime/validate.ts).
 */
import * as z from 'zod/mini';

/** Renders zod issues as `path: message` lines, the form both console warnings and 422 bodies use. */
export function describeIssues(error: z.core.$ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

export { z };
