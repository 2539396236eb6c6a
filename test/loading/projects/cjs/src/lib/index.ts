export * from './timestamps';
