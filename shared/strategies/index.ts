export * from './strategy-guide';
export * from './strategy-code';
export * from './orphan-cause';
export * from './runtime-code';
