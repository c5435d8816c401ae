import {
  createNestablePublicClientApplication,
  InteractionRequiredAuthError,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import { ConsentRequiredError, type TokenProvider } from './token-provider';

/**
 * A tenant: MSAL with nested app authentication. Inside Teams, Outlook and the Microsoft 365 app the host brokers
 * the token (no popup, no redirect URI in our origin); in a plain browser or a SharePoint page the same object is a
 * standard MSAL client. Silent first, a popup only when interaction is required.
 */
export function createMsalTokenProvider(o: {
  clientId: string;
  authority: string;
  scope: string;
}): TokenProvider {
  let pca: Promise<IPublicClientApplication> | undefined;
  const client = () =>
    (pca ??= createNestablePublicClientApplication({
      auth: {
        clientId: o.clientId,
        authority: o.authority,
        redirectUri: window.location.origin + '/tab/blank.html',
      },
      cache: { cacheLocation: 'localStorage' },
    }));

  return {
    async getToken() {
      const app = await client();
      const account = app.getActiveAccount() ?? app.getAllAccounts()[0] ?? null;
      const request = { scopes: [o.scope], ...(account ? { account } : {}) };
      try {
        return (await app.acquireTokenSilent(request)).accessToken;
      } catch (e) {
        if (!(e instanceof InteractionRequiredAuthError)) throw e;
        try {
          const r = await app.acquireTokenPopup(request);
          app.setActiveAccount(r.account);
          return r.accessToken;
        } catch (popupError) {
          const code = (popupError as { errorCode?: string }).errorCode ?? '';
          // AADSTS65001: the user or an administrator has not consented to the app.
          if (code === 'consent_required' || /AADSTS65001/.test(String(popupError)))
            throw new ConsentRequiredError(
              'Consent to Stagemap is missing: ask your Microsoft 365 administrator to grant it.',
            );
          throw popupError;
        }
      }
    },
    async signOut() {
      const app = await client();
      await app.logoutPopup();
    },
  };
}
