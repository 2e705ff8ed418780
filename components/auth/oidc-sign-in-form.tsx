import { buttonClasses } from "@/components/ui/button";

/** Starts the OpenID Connect redirect; `action` is the sign-in page's server action. */
export function OidcSignInForm({
  action,
  displayName,
  callbackPath,
}: {
  action: (formData: FormData) => Promise<void>;
  displayName: string;
  callbackPath: string;
}) {
  return (
    <form action={action}>
      <input type="hidden" name="callbackUrl" value={callbackPath} />
      <button type="submit" className={buttonClasses("primary", "w-full py-3 text-base")}>
        Sign in with {displayName}
      </button>
    </form>
  );
}
