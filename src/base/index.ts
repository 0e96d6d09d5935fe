export * from './assert';
export * from './brand';
export * from './result';
export * from './rng';
export * from './time';
export * from './deque';
export * from './utf8';
export * from './growable';
