export * from './enums';
export * from './locale';
export * from './references';
export * from './undoableDelete';
export * from './views';
export { ExportAllButton } from './ExportAllButton';
export * from './sortableTable';
export * from './resource';
