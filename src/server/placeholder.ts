export const serverLayer = 'server';
