import type { Messages } from '../i18n/catalog';

export const messages: Messages = {
  en: {
    resources: {
      campaignPhases: {
        name: 'Campaign phase |||| Campaign phases',
        fields: {
          id: 'Id',
          campaignId: 'Campaign',
          number: 'No.',
          name: 'Name',
          startsOn: 'Starts on',
          endsOn: 'Ends on',
          targetCamps: 'Target camps',
          targetTrainees: 'Target trainees',
          campLevel: 'Camps held at level',
          progress: 'Progress against targets',
          campsHeldOfTarget: 'Camps held / target',
          traineesOfTarget: 'Trained / target',
          version: 'Version',
          createdAt: 'Created',
          updatedAt: 'Last changed',
        },
        tabs: {
          summary: 'Summary',
          camps: 'Camps',
        },
        help: {
          campLevel: 'The unit level the phase’s camps are held at, e.g. district in phase 1',
        },
        addCamp: 'Add camp',
      },
    },
  },
  hi: {
    resources: {
      campaignPhases: {
        name: 'अभियान का चरण |||| अभियान के चरण',
        fields: {
          id: 'आईडी',
          campaignId: 'अभियान',
          number: 'क्रम',
          name: 'नाम',
          startsOn: 'प्रारंभ तिथि',
          endsOn: 'समाप्ति तिथि',
          targetCamps: 'शिविरों का लक्ष्य',
          targetTrainees: 'प्रशिक्षुओं का लक्ष्य',
          campLevel: 'शिविर किस स्तर पर',
          progress: 'लक्ष्य के मुकाबले प्रगति',
          campsHeldOfTarget: 'आयोजित शिविर / लक्ष्य',
          traineesOfTarget: 'प्रशिक्षित / लक्ष्य',
          version: 'संस्करण',
          createdAt: 'बनाया गया',
          updatedAt: 'अंतिम बदलाव',
        },
        tabs: {
          summary: 'सारांश',
          camps: 'शिविर',
        },
        help: {
          campLevel: 'चरण के शिविर किस स्तर की इकाइयों में होंगे, जैसे पहले चरण में ज़िला',
        },
        addCamp: 'शिविर जोड़ें',
      },
    },
  },
  vi: {
    resources: {
      campaignPhases: {
        name: 'Giai đoạn chiến dịch',
        fields: {
          id: 'Mã',
          campaignId: 'Chiến dịch',
          number: 'STT',
          name: 'Tên giai đoạn',
          startsOn: 'Ngày bắt đầu',
          endsOn: 'Ngày kết thúc',
          targetCamps: 'Chỉ tiêu số lớp',
          targetTrainees: 'Chỉ tiêu học viên',
          campLevel: 'Cấp tổ chức lớp',
          progress: 'Tiến độ so với chỉ tiêu',
          campsHeldOfTarget: 'Lớp đã tổ chức / chỉ tiêu',
          traineesOfTarget: 'Đã tập huấn / chỉ tiêu',
          version: 'Phiên bản',
          createdAt: 'Ngày tạo',
          updatedAt: 'Ngày cập nhật',
        },
        tabs: {
          summary: 'Tổng quan',
          camps: 'Lớp tập huấn',
        },
        help: {
          campLevel: 'Cấp đơn vị tổ chức các lớp của giai đoạn, ví dụ cấp huyện ở giai đoạn 1',
        },
        addCamp: 'Thêm lớp tập huấn',
      },
    },
  },
};
