import type { Messages } from '../i18n/catalog';

export const messages: Messages = {
  en: {
    resources: {
      enrollments: {
        name: 'Enrolment |||| Enrolments',
        fields: {
          id: 'Id',
          campId: 'Camp',
          memberId: 'Member',
          status: 'Status',
          statuses: 'Statuses',
          topicsAttended: 'Topics attended',
          topicAttended: 'Topic attended',
          completedOn: 'Completed on',
          enrolledOn: 'Enrolled on',
          campaignId: 'Campaign',
          phaseId: 'Phase',
          version: 'Version',
          createdAt: 'Created',
          updatedAt: 'Last changed',
        },
        help: {
          status: 'Registered when left empty; attended, completed and no-show record a past camp',
          topicsAttended: 'Of the camp’s topics',
          completedOn: 'Not in the future',
        },
        markAs: 'Mark: %{status}',
        marked: '%{smart_count} enrolment marked “%{status}” |||| %{smart_count} enrolments marked “%{status}”',
      },
    },
    enums: {
      EnrollmentStatus: {
        REGISTERED: 'Registered',
        ATTENDED: 'Attended',
        COMPLETED: 'Completed',
        NO_SHOW: 'Did not come',
        CANCELLED: 'Cancelled',
      },
    },
  },
  hi: {
    resources: {
      enrollments: {
        name: 'नामांकन |||| नामांकन',
        fields: {
          id: 'आईडी',
          campId: 'शिविर',
          memberId: 'सदस्य',
          status: 'स्थिति',
          statuses: 'स्थितियाँ',
          topicsAttended: 'उपस्थित विषय',
          topicAttended: 'उपस्थित विषय',
          completedOn: 'पूर्ण होने की तिथि',
          enrolledOn: 'नामांकन तिथि',
          campaignId: 'अभियान',
          phaseId: 'चरण',
          version: 'संस्करण',
          createdAt: 'बनाया गया',
          updatedAt: 'अंतिम बदलाव',
        },
        help: {
          status: 'खाली छोड़ने पर पंजीकृत; उपस्थित, पूर्ण और अनुपस्थित बीते शिविर के लिए हैं',
          topicsAttended: 'शिविर के विषयों में से',
          completedOn: 'भविष्य की तिथि नहीं',
        },
        markAs: 'चिह्नित करें: %{status}',
        marked: '%{smart_count} नामांकन “%{status}” चिह्नित हुआ |||| %{smart_count} नामांकन “%{status}” चिह्नित हुए',
      },
    },
    enums: {
      EnrollmentStatus: {
        REGISTERED: 'पंजीकृत',
        ATTENDED: 'उपस्थित',
        COMPLETED: 'प्रशिक्षण पूर्ण',
        NO_SHOW: 'अनुपस्थित',
        CANCELLED: 'रद्द',
      },
    },
  },
  vi: {
    resources: {
      enrollments: {
        name: 'Ghi danh',
        fields: {
          id: 'Mã',
          campId: 'Lớp tập huấn',
          memberId: 'Hội viên',
          status: 'Trạng thái',
          statuses: 'Trạng thái',
          topicsAttended: 'Chủ đề đã tham dự',
          topicAttended: 'Chủ đề đã tham dự',
          completedOn: 'Ngày hoàn thành',
          enrolledOn: 'Ngày ghi danh',
          campaignId: 'Chiến dịch',
          phaseId: 'Giai đoạn',
          version: 'Phiên bản',
          createdAt: 'Ngày tạo',
          updatedAt: 'Ngày cập nhật',
        },
        help: {
          status: 'Để trống là đã đăng ký; đã tham dự, hoàn thành và vắng mặt dùng cho lớp đã qua',
          topicsAttended: 'Trong các chủ đề của lớp',
          completedOn: 'Không sau ngày hôm nay',
        },
        markAs: 'Đánh dấu: %{status}',
        marked: 'Đã đánh dấu %{smart_count} ghi danh là “%{status}”',
      },
    },
    enums: {
      EnrollmentStatus: {
        REGISTERED: 'Đã đăng ký',
        ATTENDED: 'Đã tham dự',
        COMPLETED: 'Hoàn thành',
        NO_SHOW: 'Vắng mặt',
        CANCELLED: 'Đã huỷ',
      },
    },
  },
};
