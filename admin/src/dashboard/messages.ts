import type { Area } from '../i18n/areas';

export const dashboard: Area = {
  en: { resources: {}, dashboard: { title: 'Dashboard' } },
  hi: { resources: {}, dashboard: { title: 'डैशबोर्ड' } },
  vi: { resources: {}, dashboard: { title: 'Tổng quan' } },
};
