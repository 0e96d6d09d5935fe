export * from './events';
export * from './format';
export * from './store';
export * from './fold';
export * from './state';
export * from './trace-index';
export * from './export';
export * from './locals';
