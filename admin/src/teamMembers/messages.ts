import type { Messages } from '../i18n/catalog';

export const messages: Messages = {
  en: {
    resources: {
      teamMembers: {
        name: 'Team member |||| Team members',
        fields: {
          teamId: 'Team',
          memberId: 'Member',
          role: 'Role',
          roles: 'Roles',
          since: 'Since',
          until: 'Until',
          current: 'Current',
          createdAt: 'Created',
          updatedAt: 'Updated',
        },
        untilHelp: 'Set it when the role ends; clear it to reopen the role',
      },
    },
    enums: {
      TeamRole: {
        CONVENOR: 'Convenor',
        CO_CONVENOR: 'Co-convenor',
        APP_IN_CHARGE: 'App in-charge',
        MEMBER: 'Member',
        CYBER_WARRIOR: 'Cyber warrior',
      },
    },
  },
  hi: {
    resources: {
      teamMembers: {
        name: 'टीम सदस्य |||| टीम सदस्य',
        fields: {
          teamId: 'टीम',
          memberId: 'सदस्य',
          role: 'दायित्व',
          roles: 'दायित्व',
          since: 'से',
          until: 'तक',
          current: 'वर्तमान',
          createdAt: 'बनाया गया',
          updatedAt: 'अद्यतन',
        },
        untilHelp: 'दायित्व समाप्त होने पर भरें; दायित्व फिर से शुरू करने के लिए खाली करें',
      },
    },
    enums: {
      TeamRole: {
        CONVENOR: 'संयोजक',
        CO_CONVENOR: 'सह-संयोजक',
        APP_IN_CHARGE: 'ऐप प्रभारी',
        MEMBER: 'सदस्य',
        CYBER_WARRIOR: 'साइबर योद्धा',
      },
    },
  },
  vi: {
    resources: {
      teamMembers: {
        name: 'Thành viên tổ',
        fields: {
          teamId: 'Tổ',
          memberId: 'Hội viên',
          role: 'Nhiệm vụ',
          roles: 'Nhiệm vụ',
          since: 'Từ ngày',
          until: 'Đến ngày',
          current: 'Đang đảm nhiệm',
          createdAt: 'Ngày tạo',
          updatedAt: 'Ngày cập nhật',
        },
        untilHelp: 'Điền khi thôi nhiệm vụ; để trống để đảm nhiệm lại',
      },
    },
    enums: {
      TeamRole: {
        CONVENOR: 'Tổ trưởng',
        CO_CONVENOR: 'Tổ phó',
        APP_IN_CHARGE: 'Phụ trách ứng dụng',
        MEMBER: 'Thành viên',
        CYBER_WARRIOR: 'Chiến sĩ mạng',
      },
    },
  },
};
