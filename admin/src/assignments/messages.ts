import type { Messages } from '../i18n/catalog';

export const messages: Messages = {
  en: {
    resources: {
      assignments: {
        name: 'Assignment |||| Assignments',
        fields: {
          id: 'Id',
          cadreId: 'Cadre',
          unitId: 'Unit',
          startsOn: 'From',
          endsOn: 'Until',
          note: 'Note',
          active: 'In force today',
          version: 'Version',
          createdAt: 'Created',
          updatedAt: 'Last changed',
        },
        help: {
          startsOn: 'Today when left empty',
          endsOn: 'Set it to end the assignment',
        },
        sections: {
          visits: "The cadre's visits to this unit and below",
        },
      },
    },
  },
  hi: {
    resources: {
      assignments: {
        name: 'प्रभार |||| प्रभार',
        fields: {
          id: 'आईडी',
          cadreId: 'कार्यकर्ता',
          unitId: 'इकाई',
          startsOn: 'से',
          endsOn: 'तक',
          note: 'टिप्पणी',
          active: 'आज लागू',
          version: 'संस्करण',
          createdAt: 'बनाया गया',
          updatedAt: 'अंतिम बदलाव',
        },
        help: {
          startsOn: 'खाली छोड़ने पर आज की तिथि',
          endsOn: 'प्रभार समाप्त करने के लिए भरें',
        },
        sections: {
          visits: 'इस इकाई और उसके नीचे कार्यकर्ता के दौरे',
        },
      },
    },
  },
  vi: {
    resources: {
      assignments: {
        name: 'Phân công phụ trách |||| Phân công phụ trách',
        fields: {
          id: 'Mã',
          cadreId: 'Cán bộ',
          unitId: 'Đơn vị',
          startsOn: 'Từ ngày',
          endsOn: 'Đến ngày',
          note: 'Ghi chú',
          active: 'Đang hiệu lực',
          version: 'Phiên bản',
          createdAt: 'Ngày tạo',
          updatedAt: 'Sửa lần cuối',
        },
        help: {
          startsOn: 'Để trống là hôm nay',
          endsOn: 'Điền để kết thúc phân công',
        },
        sections: {
          visits: 'Các chuyến đi cơ sở của cán bộ tại đơn vị này và cấp dưới',
        },
      },
    },
  },
};
