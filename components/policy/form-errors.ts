import type { z } from "zod";

/** Form errors keyed by field path ("name", "policy.expiry.days"); "" holds errors about the form as a whole. */
export type FormErrors = Record<string, string>;

/**
 * One message per field from zod issues (the first wins, as a person fixes one thing at a time). `strip` drops a
 * leading path segment such as "changes" so an edit action's errors land on the same fields as a create's.
 */
export function errorsFromIssues(issues: readonly z.core.$ZodIssue[], strip?: string): FormErrors {
  const errors: FormErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String);
    if (strip && path[0] === strip) path.shift();
    const key = path.join(".");
    errors[key] ??= friendlyMessage(key, issue.message);
  }
  return errors;
}

type ErrorTree = { _errors?: string[] } & { [key: string]: unknown };

/**
 * The same map from next-safe-action's formatted validation errors ({ _errors, field: { _errors, … } }), for
 * server actions (handleValidationErrorsShape) so a request that skipped the browser's check still gets inline
 * errors on the right fields.
 */
export function errorsFromTree(tree: unknown, strip?: string): FormErrors {
  const errors: FormErrors = {};
  const walk = (node: unknown, path: string[]) => {
    if (node === null || typeof node !== "object") return;
    const { _errors, ...children } = node as ErrorTree;
    const visible = strip && path[0] === strip ? path.slice(1) : path;
    const key = visible.join(".");
    if (Array.isArray(_errors) && _errors[0] !== undefined) errors[key] ??= friendlyMessage(key, String(_errors[0]));
    for (const [name, child] of Object.entries(children)) walk(child, [...path, name]);
  };
  walk(tree, []);
  return errors;
}

// zod's own messages ("Too small: expected number to be >=2") are precise but terse; these fields get sentences.
const friendly: Record<string, string> = {
  "policy.maxParticipants": "Allow between 2 and 100 participants (a whole number).",
  "policy.expiry.days": "Enter a whole number of days from 0 to 3650.",
  "policy.reminderMinutes": "Enter a whole number of minutes from 0 to 1440 (0: no reminder).",
};

function friendlyMessage(key: string, message: string): string {
  return friendly[key] ?? message;
}
