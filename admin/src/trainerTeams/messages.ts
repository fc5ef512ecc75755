import type { Messages } from '../i18n/catalog';

export const messages: Messages = {
  en: {
    resources: {
      trainerTeams: {
        name: 'Trainer team |||| Trainer teams',
        fields: {
          id: 'Id',
          campaignId: 'Campaign',
          name: 'Team name',
          trainerIds: 'Trainers',
          trainerId: 'Trainer',
          size: 'Trainers',
          version: 'Version',
          createdAt: 'Created',
          updatedAt: 'Last changed',
        },
        tabs: {
          trainers: 'Trainers',
          camps: 'Camps run',
        },
      },
    },
  },
  hi: {
    resources: {
      trainerTeams: {
        name: 'प्रशिक्षक दल |||| प्रशिक्षक दल',
        fields: {
          id: 'आईडी',
          campaignId: 'अभियान',
          name: 'दल का नाम',
          trainerIds: 'प्रशिक्षक',
          trainerId: 'प्रशिक्षक',
          size: 'प्रशिक्षक',
          version: 'संस्करण',
          createdAt: 'बनाया गया',
          updatedAt: 'अंतिम बदलाव',
        },
        tabs: {
          trainers: 'प्रशिक्षक',
          camps: 'संचालित शिविर',
        },
      },
    },
  },
  vi: {
    resources: {
      trainerTeams: {
        name: 'Nhóm giảng viên',
        fields: {
          id: 'Mã',
          campaignId: 'Chiến dịch',
          name: 'Tên nhóm',
          trainerIds: 'Giảng viên',
          trainerId: 'Giảng viên',
          size: 'Số giảng viên',
          version: 'Phiên bản',
          createdAt: 'Ngày tạo',
          updatedAt: 'Ngày cập nhật',
        },
        tabs: {
          trainers: 'Giảng viên',
          camps: 'Các lớp phụ trách',
        },
      },
    },
  },
};
