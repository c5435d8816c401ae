import { adminModule } from './admin/admin-module';
import { batchModule } from './batch/batch-module';
import { botConnectorModule } from './bot-connector/bot-connector-module';
import type { EmulatorModule } from './context';
import { directoryModule } from './directory/directory-module';
import { drivesModule } from './drives/drives-module';
import { mailModule } from './mail/mail-module';
import { throttlingModule } from './throttling/throttling-module';
import { sharepointModule } from './sharepoint/sharepoint-module';
import { teamsUiModule } from './teams-ui/teams-ui-module';

/**
 * The emulator's modules in registration order (identity is built in). Each creates its own tables and routes.
 * Order matters only for middlewares: throttling and faults wrap everything registered after them.
 */
export const EMULATOR_MODULES: EmulatorModule[] = [
  throttlingModule, // first: throttling and fault injection wrap every Graph request and $batch sub-request
  directoryModule,
  mailModule,
  batchModule,
  adminModule,
  sharepointModule,
  drivesModule, // after sharepointModule: libraries are lists (sites, columns, list items, roles) and drives
  botConnectorModule, // Bot Connector, Bot Framework channel, Teams app installation (Graph) and their admin API
  teamsUiModule, // after botConnectorModule: its `/_emulator/teams/{user}` page must not shadow the admin routes
];
