import type { Messages } from '../i18n/catalog';

export const messages: Messages = {
  en: {
    resources: {
      topics: {
        name: 'Topic |||| Topics',
        fields: {
          id: 'Id',
          campaignId: 'Campaign',
          title: 'Title',
          description: 'Description',
          minutes: 'Minutes',
          version: 'Version',
          createdAt: 'Created',
          updatedAt: 'Last changed',
        },
        help: {
          minutes: 'Length of the session in minutes',
        },
        campsTeaching: 'Camps teaching this topic',
      },
    },
  },
  hi: {
    resources: {
      topics: {
        name: 'विषय |||| विषय',
        fields: {
          id: 'आईडी',
          campaignId: 'अभियान',
          title: 'शीर्षक',
          description: 'विवरण',
          minutes: 'मिनट',
          version: 'संस्करण',
          createdAt: 'बनाया गया',
          updatedAt: 'अंतिम बदलाव',
        },
        help: {
          minutes: 'सत्र की अवधि, मिनटों में',
        },
        campsTeaching: 'यह विषय पढ़ाने वाले शिविर',
      },
    },
  },
  vi: {
    resources: {
      topics: {
        name: 'Chủ đề tập huấn',
        fields: {
          id: 'Mã',
          campaignId: 'Chiến dịch',
          title: 'Tên chủ đề',
          description: 'Mô tả',
          minutes: 'Số phút',
          version: 'Phiên bản',
          createdAt: 'Ngày tạo',
          updatedAt: 'Ngày cập nhật',
        },
        help: {
          minutes: 'Thời lượng buổi học, tính bằng phút',
        },
        campsTeaching: 'Các lớp giảng dạy chủ đề này',
      },
    },
  },
};
