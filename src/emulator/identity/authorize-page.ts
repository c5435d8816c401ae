import type { DirectoryUser } from './directory-store';

/** Everything user-supplied or stored goes through here before it reaches HTML. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const PARAMS = [
  'client_id',
  'redirect_uri',
  'response_type',
  'response_mode',
  'scope',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
  'prompt',
] as const;

/**
 * The local sign-in page: a picker of the demo organisation's users. Each button posts the original authorize
 * request back with the chosen user, the way the real sign-in page posts credentials.
 */
export function userPickerPage(
  action: string,
  params: URLSearchParams,
  users: DirectoryUser[],
  error?: string,
): string {
  const hidden = PARAMS.filter((p) => params.has(p))
    .map((p) => `<input type="hidden" name="${p}" value="${escapeHtml(params.get(p) ?? '')}">`)
    .join('\n      ');
  const rows = users
    .map(
      (u) => `<li><button type="submit" name="login_hint" value="${escapeHtml(u.userPrincipalName)}">
          <strong>${escapeHtml(u.displayName)}</strong>
          <span>${escapeHtml([u.jobTitle, u.department].filter(Boolean).join(' · '))}</span>
          <small>${escapeHtml(u.userPrincipalName)}</small>
        </button></li>`,
    )
    .join('\n        ');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Sign in – Stagemap local tenant</title>
  <style>
    body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
    ul { list-style: none; padding: 0; }
    button { display: grid; width: 100%; text-align: left; padding: .6rem .8rem; margin: .3rem 0; border: 1px solid #ccc;
      border-radius: 6px; background: #fff; cursor: pointer; font: inherit; }
    button:hover, button:focus { border-color: #5b5fc7; outline: none; background: #f5f5ff; }
    span, small { color: #555; } .error { color: #a4262c; }
  </style>
</head>
<body>
  <h1>Pick an account</h1>
  <p>Local Microsoft 365 emulator: no passwords, choose a user of the demo organisation.</p>
  ${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
  <form method="post" action="${escapeHtml(action)}">
      ${hidden}
      <ul>
        ${rows}
      </ul>
  </form>
</body>
</html>`;
}

/** An identity-platform error page (bad client or redirect URI: nothing may be redirected). */
export function errorPage(code: string, message: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign-in error</title></head>
<body><h1>Sign in</h1><p>Sorry, but we’re having trouble signing you in.</p>
<p><strong>${escapeHtml(code)}</strong>: ${escapeHtml(message)}</p></body></html>`;
}

/** response_mode=form_post: an auto-submitting form to the redirect URI. */
export function formPostPage(redirectUri: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Working…</title></head>
<body onload="document.forms[0].submit()"><form method="post" action="${escapeHtml(redirectUri)}">${inputs}
<noscript><button type="submit">Continue</button></noscript></form></body></html>`;
}
