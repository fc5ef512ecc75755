import 'reflect-metadata';

export * from './base-entity';
export * from './config';
export * from './data-source';
export * from './database';
export * from './errors';
export * from './federation';
export * from './latin';
export * from './logger';
export * from './pagination';
export * from './scalars';
export * from './server';
export * from './testing';
export * from './record-service';
export * from './crud-resolver';
