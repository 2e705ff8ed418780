import type { DemoDirectory } from "./directory";

const htmlEntities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => htmlEntities[character] ?? character);
}

const styles = `
  body { font-family: system-ui, sans-serif; background: #f1f5f9; color: #0f172a; margin: 0; }
  main { max-width: 24rem; margin: 4rem auto; background: #fff; padding: 2rem; border-radius: 0.75rem;
         box-shadow: 0 1px 3px rgb(0 0 0 / 0.15); }
  h1 { font-size: 1.25rem; margin: 0 0 1.5rem; }
  label { display: block; font-weight: 600; margin: 1rem 0 0.25rem; }
  input { box-sizing: border-box; width: 100%; padding: 0.5rem; font-size: 1rem; border: 1px solid #64748b;
          border-radius: 0.375rem; }
  button { margin-top: 1.5rem; width: 100%; padding: 0.625rem; font-size: 1rem; font-weight: 600; color: #fff;
           background: #1d4ed8; border: 0; border-radius: 0.375rem; cursor: pointer; }
  input:focus-visible, button:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
  .error { color: #b91c1c; background: #fef2f2; border: 1px solid #fecaca; padding: 0.5rem; border-radius: 0.375rem; }
  .hint { color: #334155; font-size: 0.875rem; margin-top: 1.5rem; }
  code { background: #e2e8f0; padding: 0 0.25rem; border-radius: 0.25rem; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${styles}</style></head>
<body><main>${body}</main></body>
</html>`;
}

export function renderLoginPage(options: {
  action: string;
  directory: DemoDirectory;
  username?: string;
  error?: string;
}): string {
  const usernames = options.directory.users.map((user) => `<code>${escapeHtml(user.username)}</code>`).join(", ");
  const error = options.error
    ? `<p class="error" role="alert" id="login-error">${escapeHtml(options.error)}</p>`
    : "";
  const describedBy = options.error ? ' aria-describedby="login-error"' : "";
  // After a failed attempt the username is kept, so the password is what to type next.
  const [usernameFocus, passwordFocus] = options.username ? ["", " autofocus"] : [" autofocus", ""];
  return page(
    "Sign in — Confer dev identity provider",
    `<h1>Confer dev identity provider</h1>
${error}
<form method="post" action="${escapeHtml(options.action)}">
  <label for="username">Username</label>
  <input id="username" name="username" autocomplete="username" required${usernameFocus}
         value="${escapeHtml(options.username ?? "")}"${describedBy}>
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required${passwordFocus}${describedBy}>
  <button type="submit">Sign in</button>
</form>
<p class="hint">Demo accounts: ${usernames}. Password for all: <code>${escapeHtml(options.directory.password)}</code>.</p>`,
  );
}

export function renderMessagePage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`);
}

/**
 * The IdP's sign-out confirmation. When the app sent a valid `id_token_hint` it has already asked the user, so
 * the form submits itself; otherwise (a stray link) the user confirms.
 */
export function renderLogoutPage(form: string, autoSubmit: boolean): string {
  const script = autoSubmit ? `<script>document.getElementById("confirm-sign-out").click();</script>` : "";
  return page(
    "Sign out — Confer dev identity provider",
    `<h1>Sign out of the dev identity provider?</h1>
${form}
<button id="confirm-sign-out" type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>
${script}`,
  );
}
