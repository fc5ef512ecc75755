import type { Messages } from '../i18n/catalog';

export const messages: Messages = {
  en: {
    resources: {
      outreachDrives: {
        name: 'Outreach drive |||| Outreach drives',
        fields: {
          name: 'Name',
          kind: 'Kind',
          kinds: 'Kinds',
          unitId: 'Root unit',
          startsOn: 'Starts on',
          endsOn: 'Ends on',
          activeOn: 'Running on',
          progress: 'Achieved of target',
          organizationId: 'Organisation',
          createdAt: 'Created',
          updatedAt: 'Updated',
        },
        tabs: {
          summary: 'Summary',
          byUnit: 'Progress by unit',
          targets: 'Targets',
          reports: 'Reports',
        },
        progress: {
          level: 'Show units at level',
          unit: 'Unit',
          target: 'Target',
          achieved: 'Achieved',
          percent: 'Progress',
          empty: 'No units at this level',
        },
        targets: {
          edit: 'Edit targets',
          title: 'Targets of %{name}',
          help: 'Saving replaces all the targets of the drive: a unit removed from this list loses its target.',
          addUnit: 'Add a unit',
          saved: 'Targets saved',
        },
        addReport: 'Add report',
        unitHelp: 'The drive covers this unit and every unit below it',
        endsBeforeStart: 'Must be on or after the start date',
      },
    },
    enums: {
      DriveKind: {
        APP_ONBOARDING: 'App onboarding',
        VOTER_REGISTRATION: 'Voter registration',
        OTHER: 'Other',
      },
    },
  },
  hi: {
    resources: {
      outreachDrives: {
        name: 'संपर्क अभियान |||| संपर्क अभियान',
        fields: {
          name: 'नाम',
          kind: 'प्रकार',
          kinds: 'प्रकार',
          unitId: 'मूल इकाई',
          startsOn: 'प्रारंभ तिथि',
          endsOn: 'समाप्ति तिथि',
          activeOn: 'इस दिन चल रहे',
          progress: 'लक्ष्य के मुकाबले उपलब्धि',
          organizationId: 'संगठन',
          createdAt: 'बनाया गया',
          updatedAt: 'अद्यतन',
        },
        tabs: {
          summary: 'सारांश',
          byUnit: 'इकाईवार प्रगति',
          targets: 'लक्ष्य',
          reports: 'रिपोर्टें',
        },
        progress: {
          level: 'इस स्तर की इकाइयाँ दिखाएँ',
          unit: 'इकाई',
          target: 'लक्ष्य',
          achieved: 'उपलब्धि',
          percent: 'प्रगति',
          empty: 'इस स्तर पर कोई इकाई नहीं',
        },
        targets: {
          edit: 'लक्ष्य बदलें',
          title: '%{name} के लक्ष्य',
          help: 'सहेजने पर अभियान के सभी लक्ष्य बदल जाते हैं: इस सूची से हटाई गई इकाई का लक्ष्य हट जाएगा।',
          addUnit: 'इकाई जोड़ें',
          saved: 'लक्ष्य सहेजे गए',
        },
        addReport: 'रिपोर्ट जोड़ें',
        unitHelp: 'अभियान इस इकाई और इसके नीचे की सभी इकाइयों में चलता है',
        endsBeforeStart: 'प्रारंभ तिथि के बाद की (या वही) तिथि होनी चाहिए',
      },
    },
    enums: {
      DriveKind: {
        APP_ONBOARDING: 'ऐप से जोड़ो अभियान',
        VOTER_REGISTRATION: 'मतदाता पंजीकरण',
        OTHER: 'अन्य',
      },
    },
  },
  vi: {
    resources: {
      outreachDrives: {
        name: 'Chiến dịch vận động',
        fields: {
          name: 'Tên chiến dịch',
          kind: 'Loại',
          kinds: 'Loại',
          unitId: 'Đơn vị gốc',
          startsOn: 'Ngày bắt đầu',
          endsOn: 'Ngày kết thúc',
          activeOn: 'Đang diễn ra vào ngày',
          progress: 'Kết quả so với chỉ tiêu',
          organizationId: 'Tổ chức',
          createdAt: 'Ngày tạo',
          updatedAt: 'Ngày cập nhật',
        },
        tabs: {
          summary: 'Tổng quan',
          byUnit: 'Tiến độ theo đơn vị',
          targets: 'Chỉ tiêu',
          reports: 'Báo cáo',
        },
        progress: {
          level: 'Hiển thị đơn vị cấp',
          unit: 'Đơn vị',
          target: 'Chỉ tiêu',
          achieved: 'Đạt được',
          percent: 'Tiến độ',
          empty: 'Không có đơn vị nào ở cấp này',
        },
        targets: {
          edit: 'Sửa chỉ tiêu',
          title: 'Chỉ tiêu của %{name}',
          help: 'Khi lưu, toàn bộ chỉ tiêu của chiến dịch được thay thế: đơn vị bị bỏ khỏi danh sách sẽ mất chỉ tiêu.',
          addUnit: 'Thêm đơn vị',
          saved: 'Đã lưu chỉ tiêu',
        },
        addReport: 'Thêm báo cáo',
        unitHelp: 'Chiến dịch áp dụng cho đơn vị này và mọi đơn vị cấp dưới',
        endsBeforeStart: 'Phải từ ngày bắt đầu trở đi',
      },
    },
    enums: {
      DriveKind: {
        APP_ONBOARDING: 'Vận động cài đặt ứng dụng',
        VOTER_REGISTRATION: 'Đăng ký cử tri',
        OTHER: 'Khác',
      },
    },
  },
};
