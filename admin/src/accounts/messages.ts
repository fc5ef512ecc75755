import type { Messages } from '../i18n/catalog';

export const messages: Messages = {
  en: {
    resources: {
      accounts: {
        name: 'Account |||| Accounts',
        fields: {
          displayName: 'Name',
          email: 'Email',
          password: 'Password',
          role: 'Role',
          scopeUnitId: 'Scope unit',
          organizationId: 'Organisation',
          memberId: 'Member',
          active: 'Active',
          lastLoginAt: 'Last sign-in',
          createdAt: 'Created',
          updatedAt: 'Last changed',
        },
        help: {
          scopeUnitId: 'The account sees this unit and everything below it; required for every role but superadmin',
          memberId: 'The member this account belongs to, if any',
          active: 'A deactivated account cannot sign in, and its sessions end at once',
        },
        activate: 'Activate',
        deactivate: 'Deactivate',
        activated: 'The account can sign in again',
        deactivated: 'The account is deactivated; its sessions have ended',
        resetPassword: {
          action: 'Reset password',
          title: 'New password for %{name}',
          done: 'The password of %{name} has been reset',
        },
      },
    },
    enums: {
      Role: {
        SUPERADMIN: 'Superadmin',
        ADMIN: 'Admin',
        EDITOR: 'Editor',
        VIEWER: 'Viewer',
      },
    },
  },
  hi: {
    resources: {
      accounts: {
        name: 'खाता |||| खाते',
        fields: {
          displayName: 'नाम',
          email: 'ईमेल',
          password: 'पासवर्ड',
          role: 'भूमिका',
          scopeUnitId: 'दायरे की इकाई',
          organizationId: 'संगठन',
          memberId: 'सदस्य',
          active: 'सक्रिय',
          lastLoginAt: 'पिछला साइन इन',
          createdAt: 'बनाया गया',
          updatedAt: 'अंतिम बदलाव',
        },
        help: {
          scopeUnitId: 'खाता यह इकाई और इसके नीचे की सभी इकाइयाँ देखता है; सुपरएडमिन के अलावा हर भूमिका के लिए आवश्यक',
          memberId: 'वह सदस्य जिसका यह खाता है, यदि कोई हो',
          active: 'निष्क्रिय खाता साइन इन नहीं कर सकता, और उसके सत्र तुरंत समाप्त हो जाते हैं',
        },
        activate: 'सक्रिय करें',
        deactivate: 'निष्क्रिय करें',
        activated: 'खाता फिर से साइन इन कर सकता है',
        deactivated: 'खाता निष्क्रिय है; उसके सत्र समाप्त हो गए हैं',
        resetPassword: {
          action: 'पासवर्ड रीसेट करें',
          title: '%{name} के लिए नया पासवर्ड',
          done: '%{name} का पासवर्ड रीसेट कर दिया गया है',
        },
      },
    },
    enums: {
      Role: {
        SUPERADMIN: 'सुपरएडमिन',
        ADMIN: 'एडमिन',
        EDITOR: 'संपादक',
        VIEWER: 'दर्शक',
      },
    },
  },
  vi: {
    resources: {
      accounts: {
        name: 'Tài khoản',
        fields: {
          displayName: 'Tên',
          email: 'Email',
          password: 'Mật khẩu',
          role: 'Vai trò',
          scopeUnitId: 'Đơn vị phạm vi',
          organizationId: 'Tổ chức',
          memberId: 'Hội viên',
          active: 'Đang hoạt động',
          lastLoginAt: 'Đăng nhập lần cuối',
          createdAt: 'Ngày tạo',
          updatedAt: 'Sửa lần cuối',
        },
        help: {
          scopeUnitId: 'Tài khoản xem được đơn vị này và mọi đơn vị cấp dưới; bắt buộc với mọi vai trò trừ quản trị tối cao',
          memberId: 'Hội viên sở hữu tài khoản này, nếu có',
          active: 'Tài khoản bị khoá không đăng nhập được, và các phiên làm việc của nó kết thúc ngay',
        },
        activate: 'Mở khoá',
        deactivate: 'Khoá',
        activated: 'Tài khoản đã đăng nhập lại được',
        deactivated: 'Tài khoản đã bị khoá; các phiên làm việc đã kết thúc',
        resetPassword: {
          action: 'Đặt lại mật khẩu',
          title: 'Mật khẩu mới cho %{name}',
          done: 'Đã đặt lại mật khẩu của %{name}',
        },
      },
    },
    enums: {
      Role: {
        SUPERADMIN: 'Quản trị tối cao',
        ADMIN: 'Quản trị',
        EDITOR: 'Biên tập',
        VIEWER: 'Chỉ xem',
      },
    },
  },
};
