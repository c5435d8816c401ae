/** Gives the tab an access token for Stagemap's own API. Two implementations: MSAL (a tenant) and local (emulator). */
export interface TokenProvider {
  /** A valid access token, signing in first if needed (may navigate away for an interactive sign-in). */
  getToken(): Promise<string>;
  /** Forget the session (local: pick another demo user). */
  signOut(): Promise<void>;
}

export class ConsentRequiredError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConsentRequiredError';
  }
}
