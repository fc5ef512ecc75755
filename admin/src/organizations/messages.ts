import type { Messages } from '../i18n/catalog';

export const messages: Messages = {
  en: {
    resources: {
      organizations: {
        name: 'Organization |||| Organizations',
        fields: {
          id: 'Id',
          name: 'Name',
          shortName: 'Short name',
          country: 'Country',
          defaultLocale: 'Default language',
          unitLevels: 'Unit levels',
          version: 'Version',
          createdAt: 'Created',
          updatedAt: 'Last changed',
        },
        levelFields: {
          key: 'Key',
          label: 'Label',
          rank: 'Rank (0 = top)',
          shownAs: 'Shown as',
        },
        tabs: {
          organization: 'Organization',
          rootUnits: 'Top units',
        },
        help: {
          country: 'Two-letter ISO code, e.g. IN or VN',
        },
      },
    },
  },
  hi: {
    resources: {
      organizations: {
        name: 'संगठन |||| संगठन',
        fields: {
          id: 'आईडी',
          name: 'नाम',
          shortName: 'संक्षिप्त नाम',
          country: 'देश',
          defaultLocale: 'डिफ़ॉल्ट भाषा',
          unitLevels: 'इकाई स्तर',
          version: 'संस्करण',
          createdAt: 'बनाया गया',
          updatedAt: 'अंतिम बदलाव',
        },
        levelFields: {
          key: 'कुंजी',
          label: 'नाम',
          rank: 'क्रम (0 = सबसे ऊपर)',
          shownAs: 'इस रूप में दिखता है',
        },
        tabs: {
          organization: 'संगठन',
          rootUnits: 'शीर्ष इकाइयाँ',
        },
        help: {
          country: 'दो अक्षरों का ISO कोड, जैसे IN या VN',
        },
      },
    },
  },
  vi: {
    resources: {
      organizations: {
        name: 'Tổ chức |||| Tổ chức',
        fields: {
          id: 'Mã',
          name: 'Tên',
          shortName: 'Tên viết tắt',
          country: 'Quốc gia',
          defaultLocale: 'Ngôn ngữ mặc định',
          unitLevels: 'Các cấp đơn vị',
          version: 'Phiên bản',
          createdAt: 'Ngày tạo',
          updatedAt: 'Sửa lần cuối',
        },
        levelFields: {
          key: 'Khoá',
          label: 'Tên cấp',
          rank: 'Thứ bậc (0 = cao nhất)',
          shownAs: 'Hiển thị là',
        },
        tabs: {
          organization: 'Tổ chức',
          rootUnits: 'Đơn vị cấp cao nhất',
        },
        help: {
          country: 'Mã ISO hai chữ cái, ví dụ IN hoặc VN',
        },
      },
    },
  },
};
