/**
 * What to tell the user for an `error` code on the sign-in page (Auth.js's error types plus our own
 * `OidcUnavailable`); never the underlying error, which stays in the server log.
 */
export function signInErrorMessage(code: string | undefined, oidcDisplayName: string): string | null {
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
