export * from './strategy-guide';
export * from './strategy-code';
