export const graphLayer = 'graph';
