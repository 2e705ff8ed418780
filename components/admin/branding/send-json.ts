/** The API's error shape (lib/server/http/error-response.ts), as far as the branding forms read it. */
export type ApiFailure = {
  message: string;
  fieldErrors: Record<string, string[] | undefined>;
  suggestions: Record<string, string | undefined>;
};

/** Sends a request to the app's API; null on success, else what went wrong in a form the page can show. */
export async function sendToApi(url: string, init: RequestInit): Promise<ApiFailure | null> {
  const response = await fetch(url, init).catch(() => null);
  if (response?.ok) return null;
  const body = (await response?.json().catch(() => null)) as { error?: { message?: string; details?: { fieldErrors?: ApiFailure["fieldErrors"]; suggestions?: ApiFailure["suggestions"] } } } | null;
  return {
    message: body?.error?.message ?? "Could not reach the server. Try again.",
    fieldErrors: body?.error?.details?.fieldErrors ?? {},
    suggestions: body?.error?.details?.suggestions ?? {},
  };
}
