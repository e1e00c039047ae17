export * from './finding-schema';
export * from './finding-columns';
export * from './thresholds';
export * from './find-findings';
export * from './sweep-findings';
export * from './scenario-patch';
export * from './compare-findings';
