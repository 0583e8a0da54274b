export * from './channels';
export * from './schemas';
export * from './views';
export * from './contract';
