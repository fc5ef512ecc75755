import type { Messages } from '../i18n/catalog';

export const messages: Messages = {
  en: {
    resources: {
      driveTargets: {
        name: 'Drive target |||| Drive targets',
        fields: {
          driveId: 'Drive',
          unitId: 'Unit',
          unitLevel: 'Unit level',
          unitLevels: 'Unit levels',
          target: 'Target',
          organizationId: 'Organisation',
          createdAt: 'Created',
          updatedAt: 'Updated',
        },
      },
    },
  },
  hi: {
    resources: {
      driveTargets: {
        name: 'अभियान लक्ष्य |||| अभियान लक्ष्य',
        fields: {
          driveId: 'अभियान',
          unitId: 'इकाई',
          unitLevel: 'इकाई स्तर',
          unitLevels: 'इकाई स्तर',
          target: 'लक्ष्य',
          organizationId: 'संगठन',
          createdAt: 'बनाया गया',
          updatedAt: 'अद्यतन',
        },
      },
    },
  },
  vi: {
    resources: {
      driveTargets: {
        name: 'Chỉ tiêu chiến dịch',
        fields: {
          driveId: 'Chiến dịch',
          unitId: 'Đơn vị',
          unitLevel: 'Cấp đơn vị',
          unitLevels: 'Cấp đơn vị',
          target: 'Chỉ tiêu',
          organizationId: 'Tổ chức',
          createdAt: 'Ngày tạo',
          updatedAt: 'Ngày cập nhật',
        },
      },
    },
  },
};
