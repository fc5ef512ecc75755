/**
 * Name lists for the demo data. People are synthetic (combinations of common names); the places
 * are real: assembly constituencies and localities of four Uttar Pradesh districts, and communes
 * and wards of Phú Thọ's districts.
 */

export interface NamePool {
  male: readonly string[];
  female: readonly string[];
  surnames: readonly string[];
}

/** Common Hindi given names and north Indian surnames, in Devanagari. */
export const HINDI_NAMES: NamePool = {
  male: [
    'संजय',
    'राम प्रकाश',
    'राजेश',
    'सुरेश',
    'अनिल',
    'विनोद',
    'अमित',
    'राहुल',
    'विजय',
    'अशोक',
    'मनोज',
    'दिनेश',
    'प्रमोद',
    'राकेश',
    'आलोक',
    'अजय',
    'पंकज',
    'धर्मेंद्र',
    'शिवम',
    'अभिषेक',
    'रमेश',
    'हरिशंकर',
    'अखिलेश',
    'सत्येंद्र',
  ],
  female: [
    'सुनीता',
    'अनीता',
    'पूजा',
    'प्रियंका',
    'नेहा',
    'रीना',
    'सीमा',
    'कविता',
    'मंजू',
    'ममता',
    'रेखा',
    'गीता',
    'आरती',
    'शालिनी',
    'स्वाति',
    'ज्योति',
    'किरण',
    'ऊषा',
  ],
  surnames: [
    'राय',
    'शर्मा',
    'सिंह',
    'यादव',
    'वर्मा',
    'मिश्रा',
    'त्रिपाठी',
    'पांडेय',
    'श्रीवास्तव',
    'गुप्ता',
    'तिवारी',
    'दुबे',
    'शुक्ला',
    'मौर्य',
    'कुशवाहा',
    'पटेल',
    'निषाद',
    'पाल',
    'प्रजापति',
    'सोनकर',
    'गौतम',
    'अग्रवाल',
    'जायसवाल',
    'चौहान',
    'राजभर',
    'कश्यप',
    'सैनी',
    'त्यागी',
    'चौधरी',
    'दीक्षित',
  ],
};

/** Muslim names, kept apart so given names and surnames combine plausibly. */
export const URDU_NAMES: NamePool = {
  male: ['आरिफ़', 'इमरान', 'शाहिद', 'फ़ैज़ान', 'मोहम्मद सलीम', 'नसीम'],
  female: ['शबाना', 'नाज़िया', 'रुख़साना', 'फ़ातिमा'],
  surnames: ['अंसारी', 'ख़ान', 'क़ुरैशी', 'सिद्दीक़ी', 'हाशमी'],
};

/** Vietnamese names with full diacritics; family names weighted roughly by frequency. */
export const VIETNAMESE_NAMES = {
  families: [
    ['Nguyễn', 30],
    ['Trần', 10],
    ['Lê', 8],
    ['Phạm', 7],
    ['Hoàng', 5],
    ['Vũ', 4],
    ['Đặng', 3],
    ['Bùi', 3],
    ['Đỗ', 3],
    ['Ngô', 2],
    ['Dương', 2],
    ['Hà', 4],
    ['Đinh', 3],
    ['Lương', 2],
    ['Cao', 2],
  ] as const,
  maleMiddle: ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Thanh', 'Xuân', 'Tiến'],
  femaleMiddle: ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Minh', 'Hồng', 'Phương', 'Kim'],
  male: ['Tâm', 'Hùng', 'Dũng', 'Tuấn', 'Nam', 'Long', 'Hải', 'Sơn', 'Thắng', 'Cường', 'Quân', 'Khánh', 'Huy', 'Trung', 'Phong', 'Việt'],
  female: ['Hằng', 'Lan', 'Hương', 'Trang', 'Linh', 'Thảo', 'Huyền', 'Mai', 'Ngọc', 'Hà', 'Nhung', 'Thủy', 'Yến', 'Vân', 'Tâm'],
};

export interface AssemblyConstituency {
  name: string;
  nameLatin: string;
  /** Localities that give the constituency's four mandals their names. */
  mandals: readonly [string, string, string, string];
}

/** Five real assembly constituencies (Vidhan Sabha) per demo district, keyed by the district's Latin name. */
export const DEMO_CONSTITUENCIES: Record<string, readonly AssemblyConstituency[]> = {
  Lucknow: [
    { name: 'लखनऊ पश्चिम', nameLatin: 'Lucknow West', mandals: ['ठाकुरगंज', 'सआदतगंज', 'राजाजीपुरम', 'बालागंज'] },
    { name: 'लखनऊ उत्तर', nameLatin: 'Lucknow North', mandals: ['अलीगंज', 'जानकीपुरम', 'कपूरथला', 'विकास नगर'] },
    { name: 'लखनऊ पूर्व', nameLatin: 'Lucknow East', mandals: ['गोमती नगर', 'इंदिरा नगर', 'चिनहट', 'महानगर'] },
    { name: 'लखनऊ मध्य', nameLatin: 'Lucknow Central', mandals: ['हज़रतगंज', 'अमीनाबाद', 'चौक', 'नरही'] },
    { name: 'लखनऊ कैंट', nameLatin: 'Lucknow Cantonment', mandals: ['आलमबाग', 'सदर', 'तेलीबाग', 'आशियाना'] },
  ],
  Varanasi: [
    { name: 'वाराणसी उत्तर', nameLatin: 'Varanasi North', mandals: ['पांडेयपुर', 'नदेसर', 'चौकाघाट', 'शिवपुर'] },
    { name: 'वाराणसी दक्षिण', nameLatin: 'Varanasi South', mandals: ['दशाश्वमेध', 'गोदौलिया', 'मैदागिन', 'चेतगंज'] },
    { name: 'वाराणसी कैंट', nameLatin: 'Varanasi Cantonment', mandals: ['सिगरा', 'लंका', 'भेलूपुर', 'महमूरगंज'] },
    { name: 'सेवापुरी', nameLatin: 'Sevapuri', mandals: ['सेवापुरी', 'कपसेठी', 'बड़ागांव', 'जंसा'] },
    { name: 'रोहनिया', nameLatin: 'Rohaniya', mandals: ['रोहनिया', 'मंडुवाडीह', 'लहरतारा', 'चितईपुर'] },
  ],
  Gorakhpur: [
    { name: 'गोरखपुर शहर', nameLatin: 'Gorakhpur Urban', mandals: ['गोलघर', 'बेतियाहाता', 'गोरखनाथ', 'बशारतपुर'] },
    { name: 'गोरखपुर ग्रामीण', nameLatin: 'Gorakhpur Rural', mandals: ['शाहपुर', 'राप्तीनगर', 'कूड़ाघाट', 'मोहद्दीपुर'] },
    { name: 'पिपराइच', nameLatin: 'Pipraich', mandals: ['पिपराइच', 'जंगल कौड़िया', 'भटहट', 'चरगांवा'] },
    { name: 'सहजनवा', nameLatin: 'Sahajanwa', mandals: ['सहजनवा', 'पाली', 'पिपरौली', 'घघसरा'] },
    { name: 'चौरी-चौरा', nameLatin: 'Chauri-Chaura', mandals: ['चौरी-चौरा', 'सरदारनगर', 'ब्रह्मपुर', 'भोपा बाज़ार'] },
  ],
  Meerut: [
    { name: 'मेरठ शहर', nameLatin: 'Meerut City', mandals: ['घंटाघर', 'सूरजकुंड', 'जली कोठी', 'बेगमपुल'] },
    { name: 'मेरठ कैंट', nameLatin: 'Meerut Cantonment', mandals: ['लालकुर्ती', 'सदर', 'आबूलेन', 'कंकरखेड़ा'] },
    { name: 'मेरठ दक्षिण', nameLatin: 'Meerut South', mandals: ['शास्त्री नगर', 'जागृति विहार', 'गंगानगर', 'पल्लवपुरम'] },
    { name: 'सरधना', nameLatin: 'Sardhana', mandals: ['सरधना', 'दौराला', 'रोहटा', 'कपसाड़'] },
    { name: 'हस्तिनापुर', nameLatin: 'Hastinapur', mandals: ['हस्तिनापुर', 'मवाना', 'परीक्षितगढ़', 'बहसूमा'] },
  ],
};

/** Buildings that polling booths are set up in. */
export const BOOTH_VENUES = [
  'प्राथमिक विद्यालय',
  'उच्च प्राथमिक विद्यालय',
  'कंपोजिट विद्यालय',
  'राजकीय इंटर कॉलेज',
  'पंचायत भवन',
  'आंगनबाड़ी केंद्र',
  'सामुदायिक भवन',
  'नगर निगम विद्यालय',
];

/** Mohallas and villages that booth buildings stand in. */
export const BOOTH_LOCALITIES = [
  'रामपुर',
  'शिवपुर',
  'कृष्णा नगर',
  'नई बस्ती',
  'पुरानी बस्ती',
  'गांधी नगर',
  'नेहरू नगर',
  'आज़ाद नगर',
  'सुभाष नगर',
  'राम नगर',
  'लक्ष्मी नगर',
  'प्रेम नगर',
  'मोती नगर',
  'हरि नगर',
  'देवीपुर',
  'माधोपुर',
  'सराय',
  'कटरा',
  'बड़ा बाज़ार',
  'गणेशपुर',
  'सूरजपुर',
  'चंद्रपुर',
  'बिशनपुर',
  'मोहनपुर',
  'सीतापुर',
  'कमला नगर',
  'विष्णुपुरी',
  'पटेल नगर',
];

/** Communes, wards and townships of each Phú Thọ district, keyed by the district's Latin name. */
export const PHU_THO_COMMUNES: Record<string, readonly string[]> = {
  'Thanh pho Viet Tri': ['Phường Gia Cẩm', 'Phường Tiên Cát', 'Phường Nông Trang', 'Phường Dữu Lâu', 'Phường Bến Gót', 'Xã Thụy Vân'],
  'Thi xa Phu Tho': ['Phường Âu Cơ', 'Phường Hùng Vương', 'Phường Phong Châu', 'Xã Thanh Minh'],
  'Doan Hung': ['Thị trấn Đoan Hùng', 'Xã Chí Đám', 'Xã Sóc Đăng', 'Xã Tây Cốc', 'Xã Vân Du'],
  'Ha Hoa': ['Thị trấn Hạ Hòa', 'Xã Ấm Hạ', 'Xã Gia Điền', 'Xã Hiền Lương', 'Xã Vĩnh Chân'],
  'Thanh Ba': ['Thị trấn Thanh Ba', 'Xã Đông Lĩnh', 'Xã Hanh Cù', 'Xã Yển Khê', 'Xã Chí Tiên', 'Xã Đỗ Sơn'],
  'Phu Ninh': ['Thị trấn Phong Châu', 'Xã Phú Lộc', 'Xã Tiên Du', 'Xã Trạm Thản', 'Xã Tử Đà'],
  'Yen Lap': ['Thị trấn Yên Lập', 'Xã Lương Sơn', 'Xã Mỹ Lung', 'Xã Minh Hòa'],
  'Cam Khe': ['Thị trấn Sông Thao', 'Xã Phương Xá', 'Xã Tiên Lương', 'Xã Văn Bán', 'Xã Hiền Đa', 'Xã Tuy Lộc'],
  'Tam Nong': ['Thị trấn Hưng Hóa', 'Xã Dậu Dương', 'Xã Hương Nộn', 'Xã Cổ Tiết', 'Xã Thọ Văn'],
  'Lam Thao': ['Thị trấn Lâm Thao', 'Thị trấn Hùng Sơn', 'Xã Tiên Kiên', 'Xã Xuân Lũng', 'Xã Cao Xá'],
  'Thanh Son': ['Thị trấn Thanh Sơn', 'Xã Võ Miếu', 'Xã Địch Quả', 'Xã Tất Thắng', 'Xã Thục Luyện', 'Xã Cự Thắng'],
  'Thanh Thuy': ['Thị trấn Thanh Thủy', 'Xã Đào Xá', 'Xã Tu Vũ', 'Xã Sơn Thủy', 'Xã Hoàng Xá'],
  'Tan Son': ['Xã Tân Phú', 'Xã Minh Đài', 'Xã Thạch Kiệt', 'Xã Kiệt Sơn', 'Xã Xuân Sơn', 'Xã Vinh Tiền'],
};
