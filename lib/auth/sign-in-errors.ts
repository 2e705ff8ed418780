import { SIGN_IN_LOCKED_MESSAGE } from "@/lib/server/rate-limit/limits";

/**
 * What to tell the user for an `error` code on the sign-in page (Auth.js's error types plus our own
 * `OidcUnavailable`) and the credentials provider's `detail` code; never the underlying error, which stays in the server log.
 */
export function signInErrorMessage(code: string | undefined, oidcDisplayName: string, detail?: string): string | null {
  // Auth.js names a credentials provider's own error in `code` beside `error=CredentialsSignin`.
  if (code === "CredentialsSignin" && detail === "rate_limited") return SIGN_IN_LOCKED_MESSAGE;
  switch (code) {
    case undefined:
      return null;
    case "OidcUnavailable":
    case "Configuration":
      return `${oidcDisplayName} can't be reached or isn't set up correctly. Try again in a minute; if it keeps failing, tell your IT admin.`;
    case "CredentialsSignin":
      return "Wrong username or password.";
    default:
      return "Sign-in didn't complete. Please try again.";
  }
}
