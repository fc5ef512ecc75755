/** The console's own messages (not per resource): navigation, errors, export, themes, units. */
export const app = {
  en: {
    sangathan: {
      title: 'Sangathan',
      menu: {
        membership: 'Membership',
        itcell: 'IT cell',
        training: 'Training',
        tools: 'Tools',
        playground: 'API playground',
        access: 'Access',
      },
      language: 'Language',
      errors: {
        invalid: 'Some fields are not valid; see the messages under them',
        conflict:
          'Someone else changed this record while you were editing it. The form now shows their version; your changes were not saved, apply them again.',
      },
      delete: {
        done: '%{name} deleted |||| %{smart_count} records deleted',
        restored: 'Restored',
      },
      export: {
        title: 'Exporting %{resource}',
        progress: '%{done} of %{total} rows',
        done: 'Exported %{smart_count} row |||| Exported %{smart_count} rows',
        failed: 'Export failed: %{error}',
      },
      filters: { withinUnit: 'Within unit', search: 'Search (any script)' },
      tree: { title: 'Unit tree', expand: 'Show units below', empty: 'No units below' },
      unavailable: {
        partial: 'Some details are missing: the %{services} service is not answering right now',
        notAvailable: 'not available',
      },
    },
  },
  hi: {
    sangathan: {
      title: 'संगठन',
      menu: { membership: 'सदस्यता', itcell: 'आईटी सेल', training: 'प्रशिक्षण', tools: 'उपकरण', playground: 'एपीआई प्लेग्राउंड', access: 'पहुँच' },
      language: 'भाषा',
      errors: {
        invalid: 'कुछ फ़ील्ड सही नहीं हैं; उनके नीचे संदेश देखें',
        conflict: 'आपके संपादन के दौरान किसी और ने यह रिकॉर्ड बदल दिया। फ़ॉर्म अब उनका संस्करण दिखा रहा है; आपके बदलाव सहेजे नहीं गए, उन्हें फिर से करें।',
      },
      delete: {
        done: '%{name} हटाया गया |||| %{smart_count} रिकॉर्ड हटाए गए',
        restored: 'वापस लाया गया',
      },
      export: {
        title: '%{resource} निर्यात हो रहा है',
        progress: '%{total} में से %{done} पंक्तियाँ',
        done: '%{smart_count} पंक्ति निर्यात हुई |||| %{smart_count} पंक्तियाँ निर्यात हुईं',
        failed: 'निर्यात विफल: %{error}',
      },
      filters: { withinUnit: 'इकाई के भीतर', search: 'खोजें (किसी भी लिपि में)' },
      tree: { title: 'इकाई वृक्ष', expand: 'नीचे की इकाइयाँ दिखाएँ', empty: 'नीचे कोई इकाई नहीं' },
      unavailable: {
        partial: 'कुछ विवरण नहीं दिख रहे: %{services} सेवा अभी उत्तर नहीं दे रही है',
        notAvailable: 'उपलब्ध नहीं',
      },
    },
  },
  vi: {
    sangathan: {
      title: 'Sangathan',
      menu: {
        membership: 'Hội viên',
        itcell: 'Ban truyền thông số',
        training: 'Tập huấn',
        tools: 'Công cụ',
        playground: 'Sân thử API',
        access: 'Quyền truy cập',
      },
      language: 'Ngôn ngữ',
      errors: {
        invalid: 'Một số trường chưa hợp lệ; xem thông báo bên dưới từng trường',
        conflict:
          'Người khác đã sửa bản ghi này trong lúc bạn đang sửa. Biểu mẫu đang hiển thị phiên bản của họ; thay đổi của bạn chưa được lưu, hãy nhập lại.',
      },
      delete: {
        done: 'Đã xoá %{name} |||| Đã xoá %{smart_count} bản ghi',
        restored: 'Đã khôi phục',
      },
      export: {
        title: 'Đang xuất %{resource}',
        progress: '%{done} / %{total} dòng',
        done: 'Đã xuất %{smart_count} dòng',
        failed: 'Xuất thất bại: %{error}',
      },
      filters: { withinUnit: 'Thuộc đơn vị', search: 'Tìm kiếm (mọi kiểu chữ)' },
      tree: { title: 'Cây đơn vị', expand: 'Hiện các đơn vị cấp dưới', empty: 'Không có đơn vị cấp dưới' },
      unavailable: {
        partial: 'Thiếu một số thông tin: dịch vụ %{services} hiện không phản hồi',
        notAvailable: 'không khả dụng',
      },
    },
  },
};
