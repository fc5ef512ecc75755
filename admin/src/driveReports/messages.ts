import type { Messages } from '../i18n/catalog';

export const messages: Messages = {
  en: {
    resources: {
      driveReports: {
        name: 'Drive report |||| Drive reports',
        fields: {
          driveId: 'Drive',
          unitId: 'Unit',
          unitLevel: 'Unit level',
          reportedOn: 'Reported on',
          count: 'Count',
          reportedById: 'Reported by',
          note: 'Note',
          from: 'Reported from',
          to: 'Reported until',
          organizationId: 'Organisation',
          createdAt: 'Created',
          updatedAt: 'Updated',
        },
        reportedOnHelp: 'Within the drive’s dates; today when left empty',
      },
    },
  },
  hi: {
    resources: {
      driveReports: {
        name: 'अभियान रिपोर्ट |||| अभियान रिपोर्टें',
        fields: {
          driveId: 'अभियान',
          unitId: 'इकाई',
          unitLevel: 'इकाई स्तर',
          reportedOn: 'रिपोर्ट की तिथि',
          count: 'संख्या',
          reportedById: 'रिपोर्टकर्ता',
          note: 'टिप्पणी',
          from: 'इस तिथि से',
          to: 'इस तिथि तक',
          organizationId: 'संगठन',
          createdAt: 'बनाया गया',
          updatedAt: 'अद्यतन',
        },
        reportedOnHelp: 'अभियान की अवधि के भीतर; खाली छोड़ने पर आज की तिथि',
      },
    },
  },
  vi: {
    resources: {
      driveReports: {
        name: 'Báo cáo tiến độ',
        fields: {
          driveId: 'Chiến dịch',
          unitId: 'Đơn vị',
          unitLevel: 'Cấp đơn vị',
          reportedOn: 'Ngày báo cáo',
          count: 'Số lượng',
          reportedById: 'Người báo cáo',
          note: 'Ghi chú',
          from: 'Báo cáo từ ngày',
          to: 'Báo cáo đến ngày',
          organizationId: 'Tổ chức',
          createdAt: 'Ngày tạo',
          updatedAt: 'Ngày cập nhật',
        },
        reportedOnHelp: 'Trong thời gian chiến dịch; để trống là hôm nay',
      },
    },
  },
};
