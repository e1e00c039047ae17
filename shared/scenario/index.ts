export * from './limits';
export * from './task-kinds';
export * from './strategy';
export * from './scenario-schema';
export * from './parse-scenario';
export * from './strategy-text';
export * from './external-effects';
export * from './sql-statements';
