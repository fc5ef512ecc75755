export { DEFAULT_LIMITS, limitsWith, readLimitsConfig, type LimitsConfig, type OperationLimits, type RateLimits } from './config';
export { pageCostEstimator, UNPAGED_LIST_SIZE } from './cost';
export { GatewayLimits } from './gateway-limits';
export { checkOperation, checkTokens, countRootFields, operationCost, operationLimitsPlugin } from './operation-limits';
export { RequestRateLimiter } from './rate-limits';
