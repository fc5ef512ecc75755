import type { Area } from './areas';

export const training: Area = {
  en: { resources: {}, enums: {} },
  hi: { resources: {}, enums: {} },
  vi: { resources: {}, enums: {} },
};
