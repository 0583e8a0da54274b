export * from './model';
export { inventoryStats } from './stats';
