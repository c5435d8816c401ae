import type { EmulatorModule } from './context';

/**
 * The emulator's modules in registration order (identity is built in). Each creates its own tables and routes.
 * Order matters only for middlewares: throttling and faults wrap everything registered after them.
 */
export const EMULATOR_MODULES: EmulatorModule[] = [];
