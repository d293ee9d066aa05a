export * from './schema';
export * from './rules';
export * from './evaluate';
export * from './risk';
export * from './forecast';
export * from './eol';
