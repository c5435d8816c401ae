/**
 * The Bot Framework's identity, as the emulator plays it. A bot gets its outgoing token (to call the Bot Connector)
 * from Entra ID with client credentials and the scope `https://api.botframework.com/.default`: multi-tenant bots
 * from the `botframework.com` tenant, single-tenant bots from their own tenant. Both are served locally.
 */
export const BOT_FRAMEWORK_AUDIENCE = 'https://api.botframework.com';
export const BOT_FRAMEWORK_SCOPE = `${BOT_FRAMEWORK_AUDIENCE}/.default`;
/** The tenant name the Teams SDK uses by default (`CloudEnvironment.loginTenant`). */
export const BOT_FRAMEWORK_TENANT = 'botframework.com';
/** Object id of the botframework.com tenant in the public cloud: the `tid` of tokens it issues. */
export const BOT_FRAMEWORK_TENANT_ID = 'd6d49420-f39b-4df7-a1dc-d59a935871db';
