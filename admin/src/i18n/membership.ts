import type { Area } from './areas';

export const membership: Area = {
  en: { resources: {}, enums: {} },
  hi: { resources: {}, enums: {} },
  vi: { resources: {}, enums: {} },
};
