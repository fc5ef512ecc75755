export * from './access';
export * from './auth-config';
export * from './authenticator';
export * from './data-scope';
export * from './identity';
export * from './request-info';
export * from './tokens';
