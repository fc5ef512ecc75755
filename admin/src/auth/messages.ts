import type { Messages } from '../i18n/catalog';

/** Sign-in, the account menu and password changes. */
export const messages: Messages = {
  en: {
    // react-admin's user-menu item, in the console's words.
    ra: { auth: { logout: 'Sign out' } },
    sangathan: {
      auth: {
        title: 'Sign in to Sangathan',
        email: 'Email',
        password: 'Password',
        signIn: 'Sign in',
        signOut: 'Sign out',
        wrongCredentials: 'Wrong email or password.',
        throttled: 'Too many failed sign-ins. Try again in %{wait}.',
        unreachable: 'The server cannot be reached. Check the connection and try again.',
        failed: 'Signing in did not work: %{error}',
        sessionEnded: 'Your session has ended. Sign in again.',
        account: 'Account',
        signedInAs: 'Signed in as %{name}',
        everything: 'All organisations',
        changePassword: {
          action: 'Change password',
          current: 'Current password',
          new: 'New password',
          repeat: 'New password again',
          help: 'At least 10 characters, not a common password.',
          mismatch: 'The two new passwords differ',
          done: 'Your password has been changed',
        },
      },
    },
  },
  hi: {
    sangathan: {
      auth: {
        title: 'संगठन में साइन इन करें',
        email: 'ईमेल',
        password: 'पासवर्ड',
        signIn: 'साइन इन',
        signOut: 'साइन आउट',
        wrongCredentials: 'ईमेल या पासवर्ड गलत है।',
        throttled: 'बहुत अधिक असफल प्रयास। %{wait} बाद फिर से कोशिश करें।',
        unreachable: 'सर्वर से संपर्क नहीं हो पा रहा है। कनेक्शन जाँचें और फिर से कोशिश करें।',
        failed: 'साइन इन नहीं हो सका: %{error}',
        sessionEnded: 'आपका सत्र समाप्त हो गया है। फिर से साइन इन करें।',
        account: 'खाता',
        signedInAs: '%{name} के रूप में साइन इन',
        everything: 'सभी संगठन',
        changePassword: {
          action: 'पासवर्ड बदलें',
          current: 'मौजूदा पासवर्ड',
          new: 'नया पासवर्ड',
          repeat: 'नया पासवर्ड फिर से',
          help: 'कम से कम 10 अक्षर, कोई आम पासवर्ड नहीं।',
          mismatch: 'दोनों नए पासवर्ड अलग हैं',
          done: 'आपका पासवर्ड बदल दिया गया है',
        },
      },
    },
  },
  vi: {
    sangathan: {
      auth: {
        title: 'Đăng nhập Sangathan',
        email: 'Email',
        password: 'Mật khẩu',
        signIn: 'Đăng nhập',
        signOut: 'Đăng xuất',
        wrongCredentials: 'Email hoặc mật khẩu không đúng.',
        throttled: 'Đăng nhập sai quá nhiều lần. Hãy thử lại sau %{wait}.',
        unreachable: 'Không kết nối được máy chủ. Hãy kiểm tra kết nối rồi thử lại.',
        failed: 'Không đăng nhập được: %{error}',
        sessionEnded: 'Phiên làm việc đã kết thúc. Hãy đăng nhập lại.',
        account: 'Tài khoản',
        signedInAs: 'Đăng nhập với tên %{name}',
        everything: 'Mọi tổ chức',
        changePassword: {
          action: 'Đổi mật khẩu',
          current: 'Mật khẩu hiện tại',
          new: 'Mật khẩu mới',
          repeat: 'Nhập lại mật khẩu mới',
          help: 'Ít nhất 10 ký tự, không phải mật khẩu phổ biến.',
          mismatch: 'Hai mật khẩu mới không giống nhau',
          done: 'Đã đổi mật khẩu',
        },
      },
    },
  },
};
