import type { Messages } from '../i18n/catalog';

export const messages: Messages = {
  en: {
    resources: {
      fieldVisits: {
        name: 'Field visit |||| Field visits',
        fields: {
          id: 'Id',
          cadreId: 'Cadre',
          unitId: 'Unit',
          visitedOn: 'Visited on',
          purpose: 'Purpose',
          purposes: 'Purposes',
          activities: 'Activities',
          notes: 'Notes',
          from: 'From',
          to: 'To',
          version: 'Version',
          createdAt: 'Created',
          updatedAt: 'Last changed',
        },
        help: {
          activities: 'Type an activity and press Enter, e.g. "distributed 500 masks"',
        },
      },
    },
    enums: {
      VisitPurpose: {
        INSPECTION: 'Inspection',
        SUPERVISION: 'Supervision',
        VOLUNTEER_WORKS: 'Volunteer works',
        COMMUNICATION: 'Communication and awareness',
        RELIEF: 'Relief',
        MODEL_VISIT: 'Visit to a model',
        OTHER: 'Other',
      },
    },
  },
  hi: {
    resources: {
      fieldVisits: {
        name: 'क्षेत्र दौरा |||| क्षेत्र दौरे',
        fields: {
          id: 'आईडी',
          cadreId: 'कार्यकर्ता',
          unitId: 'इकाई',
          visitedOn: 'दौरे की तिथि',
          purpose: 'उद्देश्य',
          purposes: 'उद्देश्य',
          activities: 'गतिविधियाँ',
          notes: 'टिप्पणियाँ',
          from: 'से',
          to: 'तक',
          version: 'संस्करण',
          createdAt: 'बनाया गया',
          updatedAt: 'अंतिम बदलाव',
        },
        help: {
          activities: 'गतिविधि लिखकर Enter दबाएँ, जैसे "500 मास्क बाँटे"',
        },
      },
    },
    enums: {
      VisitPurpose: {
        INSPECTION: 'निरीक्षण',
        SUPERVISION: 'पर्यवेक्षण',
        VOLUNTEER_WORKS: 'स्वयंसेवी कार्य',
        COMMUNICATION: 'जन-जागरूकता और प्रचार',
        RELIEF: 'राहत कार्य',
        MODEL_VISIT: 'मॉडल का अवलोकन',
        OTHER: 'अन्य',
      },
    },
  },
  vi: {
    resources: {
      fieldVisits: {
        name: 'Chuyến đi cơ sở |||| Chuyến đi cơ sở',
        fields: {
          id: 'Mã',
          cadreId: 'Cán bộ',
          unitId: 'Đơn vị',
          visitedOn: 'Ngày đi',
          purpose: 'Mục đích',
          purposes: 'Mục đích',
          activities: 'Hoạt động',
          notes: 'Ghi chú',
          from: 'Từ ngày',
          to: 'Đến ngày',
          version: 'Phiên bản',
          createdAt: 'Ngày tạo',
          updatedAt: 'Sửa lần cuối',
        },
        help: {
          activities: 'Gõ từng hoạt động rồi nhấn Enter, ví dụ "phát 500 khẩu trang"',
        },
      },
    },
    enums: {
      VisitPurpose: {
        INSPECTION: 'Kiểm tra',
        SUPERVISION: 'Giám sát',
        VOLUNTEER_WORKS: 'Công trình thanh niên tình nguyện',
        COMMUNICATION: 'Tuyên truyền',
        RELIEF: 'Cứu trợ, khắc phục thiên tai',
        MODEL_VISIT: 'Thăm mô hình',
        OTHER: 'Khác',
      },
    },
  },
};
