import type { Messages } from '../i18n/catalog';

export const messages: Messages = {
  en: {
    resources: {
      positions: {
        name: 'Position |||| Positions',
        fields: {
          id: 'Id',
          memberId: 'Member',
          unitId: 'Unit',
          title: 'Title',
          titles: 'Titles',
          label: 'Label',
          startsOn: 'From',
          endsOn: 'Until',
          active: 'Held today',
          version: 'Version',
          createdAt: 'Created',
          updatedAt: 'Last changed',
        },
        help: {
          label: 'Free text, e.g. "Booth president" or "Media in-charge"',
          startsOn: 'Today when left empty',
          endsOn: 'Set it to end the term',
        },
      },
    },
    enums: {
      PositionTitle: {
        PRESIDENT: 'President',
        VICE_PRESIDENT: 'Vice-president',
        GENERAL_SECRETARY: 'General secretary',
        SECRETARY: 'Secretary',
        TREASURER: 'Treasurer',
        SPOKESPERSON: 'Spokesperson',
        CONVENOR: 'Convenor',
        CO_CONVENOR: 'Co-convenor',
        IN_CHARGE: 'In-charge',
        COMMITTEE_MEMBER: 'Committee member',
      },
    },
  },
  hi: {
    resources: {
      positions: {
        name: 'पद |||| पद',
        fields: {
          id: 'आईडी',
          memberId: 'सदस्य',
          unitId: 'इकाई',
          title: 'पदनाम',
          titles: 'पदनाम',
          label: 'विवरण',
          startsOn: 'से',
          endsOn: 'तक',
          active: 'आज पद पर',
          version: 'संस्करण',
          createdAt: 'बनाया गया',
          updatedAt: 'अंतिम बदलाव',
        },
        help: {
          label: 'अपने शब्दों में, जैसे "बूथ अध्यक्ष" या "मीडिया प्रभारी"',
          startsOn: 'खाली छोड़ने पर आज की तिथि',
          endsOn: 'कार्यकाल समाप्त करने के लिए भरें',
        },
      },
    },
    enums: {
      PositionTitle: {
        PRESIDENT: 'अध्यक्ष',
        VICE_PRESIDENT: 'उपाध्यक्ष',
        GENERAL_SECRETARY: 'महामंत्री',
        SECRETARY: 'मंत्री',
        TREASURER: 'कोषाध्यक्ष',
        SPOKESPERSON: 'प्रवक्ता',
        CONVENOR: 'संयोजक',
        CO_CONVENOR: 'सह-संयोजक',
        IN_CHARGE: 'प्रभारी',
        COMMITTEE_MEMBER: 'कार्यसमिति सदस्य',
      },
    },
  },
  vi: {
    resources: {
      positions: {
        name: 'Chức vụ |||| Chức vụ',
        fields: {
          id: 'Mã',
          memberId: 'Hội viên',
          unitId: 'Đơn vị',
          title: 'Chức danh',
          titles: 'Chức danh',
          label: 'Ghi rõ',
          startsOn: 'Từ ngày',
          endsOn: 'Đến ngày',
          active: 'Đang giữ',
          version: 'Phiên bản',
          createdAt: 'Ngày tạo',
          updatedAt: 'Sửa lần cuối',
        },
        help: {
          label: 'Tự ghi, ví dụ "Bí thư chi đoàn" hoặc "Phụ trách truyền thông"',
          startsOn: 'Để trống là hôm nay',
          endsOn: 'Điền để kết thúc nhiệm kỳ',
        },
      },
    },
    enums: {
      PositionTitle: {
        PRESIDENT: 'Chủ tịch',
        VICE_PRESIDENT: 'Phó Chủ tịch',
        GENERAL_SECRETARY: 'Tổng Thư ký',
        SECRETARY: 'Bí thư',
        TREASURER: 'Thủ quỹ',
        SPOKESPERSON: 'Người phát ngôn',
        CONVENOR: 'Trưởng ban',
        CO_CONVENOR: 'Phó ban',
        IN_CHARGE: 'Phụ trách',
        COMMITTEE_MEMBER: 'Ủy viên Ban Chấp hành',
      },
    },
  },
};
