export * from './model';
export * from './limits';
export { inventoryStats } from './stats';
