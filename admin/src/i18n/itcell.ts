import type { Area } from './areas';

export const itcell: Area = {
  en: { resources: {}, enums: {} },
  hi: { resources: {}, enums: {} },
  vi: { resources: {}, enums: {} },
};
