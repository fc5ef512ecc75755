import type { Messages } from '../i18n/catalog';

export const messages: Messages = {
  en: {
    resources: {
      socialTeams: {
        name: 'Social-media team |||| Social-media teams',
        fields: {
          name: 'Team name',
          unitId: 'Unit',
          unitLevel: 'Unit level',
          unitLevels: 'Unit levels',
          status: 'Status',
          statuses: 'Statuses',
          formedOn: 'Formed on',
          currentMembers: 'Current members',
          organizationId: 'Organisation',
          createdAt: 'Created',
          updatedAt: 'Updated',
        },
        roles: 'Members and roles',
        accounts: 'Accounts of the team',
        addMember: 'Add member',
        addAccount: 'Add account',
      },
    },
    enums: {
      TeamStatus: {
        ACTIVE: 'Active',
        DORMANT: 'Dormant',
        DISSOLVED: 'Dissolved',
      },
    },
  },
  hi: {
    resources: {
      socialTeams: {
        name: 'सोशल मीडिया टीम |||| सोशल मीडिया टीमें',
        fields: {
          name: 'टीम का नाम',
          unitId: 'इकाई',
          unitLevel: 'इकाई स्तर',
          unitLevels: 'इकाई स्तर',
          status: 'स्थिति',
          statuses: 'स्थितियाँ',
          formedOn: 'गठन की तिथि',
          currentMembers: 'वर्तमान सदस्य',
          organizationId: 'संगठन',
          createdAt: 'बनाया गया',
          updatedAt: 'अद्यतन',
        },
        roles: 'सदस्य और दायित्व',
        accounts: 'टीम के खाते',
        addMember: 'सदस्य जोड़ें',
        addAccount: 'खाता जोड़ें',
      },
    },
    enums: {
      TeamStatus: {
        ACTIVE: 'सक्रिय',
        DORMANT: 'निष्क्रिय',
        DISSOLVED: 'भंग',
      },
    },
  },
  vi: {
    resources: {
      socialTeams: {
        name: 'Tổ truyền thông số',
        fields: {
          name: 'Tên tổ',
          unitId: 'Đơn vị',
          unitLevel: 'Cấp đơn vị',
          unitLevels: 'Cấp đơn vị',
          status: 'Trạng thái',
          statuses: 'Trạng thái',
          formedOn: 'Ngày thành lập',
          currentMembers: 'Thành viên hiện tại',
          organizationId: 'Tổ chức',
          createdAt: 'Ngày tạo',
          updatedAt: 'Ngày cập nhật',
        },
        roles: 'Thành viên và nhiệm vụ',
        accounts: 'Tài khoản của tổ',
        addMember: 'Thêm thành viên',
        addAccount: 'Thêm tài khoản',
      },
    },
    enums: {
      TeamStatus: {
        ACTIVE: 'Đang hoạt động',
        DORMANT: 'Tạm ngừng hoạt động',
        DISSOLVED: 'Đã giải thể',
      },
    },
  },
};
