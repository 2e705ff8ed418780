"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

export type LdapSignInState = { error: string | null; username: string };

function SubmitButton({ displayName }: { displayName: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className={buttonClasses("secondary", "w-full py-3 text-base")}>
      {pending ? "Signing in…" : `Sign in with ${displayName}`}
    </button>
  );
}

/** Username and password for the LDAP directory; errors are announced and tied to both fields. */
export function LdapSignInForm({
  action,
  displayName,
  callbackPath,
}: {
  action: (state: LdapSignInState, formData: FormData) => Promise<LdapSignInState>;
  displayName: string;
  callbackPath: string;
}) {
  const [state, formAction] = useActionState(action, { error: null, username: "" });
  return (
    <form action={formAction} className="space-y-4" aria-labelledby="ldap-heading">
      <h2 id="ldap-heading" className="text-sm font-semibold text-fg">
        {displayName}
      </h2>
      {state.error ? (
        <p id="ldap-error" role="alert" className="rounded-md border border-danger-line bg-danger-soft px-3 py-2 text-sm text-danger-fg">
          {state.error}
        </p>
      ) : null}
      <input type="hidden" name="callbackUrl" value={callbackPath} />
      <Field
        id="ldap-username"
        name="username"
        label="Username"
        autoComplete="username"
        required
        maxLength={256}
        defaultValue={state.username}
        aria-invalid={state.error ? true : undefined}
        aria-describedby={state.error ? "ldap-error" : undefined}
      />
      <Field
        id="ldap-password"
        name="password"
        type="password"
        label="Password"
        autoComplete="current-password"
        required
        maxLength={1_024}
        aria-invalid={state.error ? true : undefined}
        aria-describedby={state.error ? "ldap-error" : undefined}
      />
      <SubmitButton displayName={displayName} />
    </form>
  );
}
