export * from './predict-run';
