export * from './events';
export * from './format';
export * from './store';
export * from './view';
