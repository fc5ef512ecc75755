/**
 * The real units the demo data is built on: Uttar Pradesh's 75 districts in their 18 divisions (the
 * grouping of divisions into 6 organisational regions is approximate) and Phú Thọ's 13 district-level
 * units as of 2020. Copied from the project's shared reference-units.json so the build needs no file
 * outside the repository.
 */

export interface ReferenceUnit {
  name: string;
  nameLatin: string;
}

export interface ReferenceDivision extends ReferenceUnit {
  districts: ReferenceUnit[];
}

export interface ReferenceRegion extends ReferenceUnit {
  divisions: ReferenceDivision[];
}

export const UTTAR_PRADESH: ReferenceUnit & { regions: ReferenceRegion[] } = {
  name: 'उत्तर प्रदेश',
  nameLatin: 'Uttar Pradesh',
  regions: [
    {
      name: 'पश्चिम',
      nameLatin: 'Paschim',
      divisions: [
        {
          name: 'मेरठ',
          nameLatin: 'Meerut',
          districts: [
            { name: 'बागपत', nameLatin: 'Baghpat' },
            { name: 'बुलंदशहर', nameLatin: 'Bulandshahr' },
            { name: 'गौतम बुद्ध नगर', nameLatin: 'Gautam Buddh Nagar' },
            { name: 'ग़ाज़ियाबाद', nameLatin: 'Ghaziabad' },
            { name: 'हापुड़', nameLatin: 'Hapur' },
            { name: 'मेरठ', nameLatin: 'Meerut' },
          ],
        },
        {
          name: 'सहारनपुर',
          nameLatin: 'Saharanpur',
          districts: [
            { name: 'मुज़फ़्फ़रनगर', nameLatin: 'Muzaffarnagar' },
            { name: 'सहारनपुर', nameLatin: 'Saharanpur' },
            { name: 'शामली', nameLatin: 'Shamli' },
          ],
        },
        {
          name: 'मुरादाबाद',
          nameLatin: 'Moradabad',
          districts: [
            { name: 'अमरोहा', nameLatin: 'Amroha' },
            { name: 'बिजनौर', nameLatin: 'Bijnor' },
            { name: 'मुरादाबाद', nameLatin: 'Moradabad' },
            { name: 'रामपुर', nameLatin: 'Rampur' },
            { name: 'सम्भल', nameLatin: 'Sambhal' },
          ],
        },
      ],
    },
    {
      name: 'ब्रज',
      nameLatin: 'Braj',
      divisions: [
        {
          name: 'आगरा',
          nameLatin: 'Agra',
          districts: [
            { name: 'आगरा', nameLatin: 'Agra' },
            { name: 'फ़िरोज़ाबाद', nameLatin: 'Firozabad' },
            { name: 'मैनपुरी', nameLatin: 'Mainpuri' },
            { name: 'मथुरा', nameLatin: 'Mathura' },
          ],
        },
        {
          name: 'अलीगढ़',
          nameLatin: 'Aligarh',
          districts: [
            { name: 'अलीगढ़', nameLatin: 'Aligarh' },
            { name: 'एटा', nameLatin: 'Etah' },
            { name: 'हाथरस', nameLatin: 'Hathras' },
            { name: 'कासगंज', nameLatin: 'Kasganj' },
          ],
        },
        {
          name: 'बरेली',
          nameLatin: 'Bareilly',
          districts: [
            { name: 'बदायूँ', nameLatin: 'Budaun' },
            { name: 'बरेली', nameLatin: 'Bareilly' },
            { name: 'पीलीभीत', nameLatin: 'Pilibhit' },
            { name: 'शाहजहाँपुर', nameLatin: 'Shahjahanpur' },
          ],
        },
      ],
    },
    {
      name: 'कानपुर-बुंदेलखंड',
      nameLatin: 'Kanpur-Bundelkhand',
      divisions: [
        {
          // The shared JSON spells this one division in Latin only; the Hindi name is कानपुर.
          name: 'कानपुर',
          nameLatin: 'Kanpur',
          districts: [
            { name: 'औरैया', nameLatin: 'Auraiya' },
            { name: 'इटावा', nameLatin: 'Etawah' },
            { name: 'फ़र्रुख़ाबाद', nameLatin: 'Farrukhabad' },
            { name: 'कन्नौज', nameLatin: 'Kannauj' },
            { name: 'कानपुर देहात', nameLatin: 'Kanpur Dehat' },
            { name: 'कानपुर नगर', nameLatin: 'Kanpur Nagar' },
          ],
        },
        {
          name: 'झाँसी',
          nameLatin: 'Jhansi',
          districts: [
            { name: 'जालौन', nameLatin: 'Jalaun' },
            { name: 'झाँसी', nameLatin: 'Jhansi' },
            { name: 'ललितपुर', nameLatin: 'Lalitpur' },
          ],
        },
        {
          name: 'चित्रकूट',
          nameLatin: 'Chitrakoot',
          districts: [
            { name: 'बाँदा', nameLatin: 'Banda' },
            { name: 'चित्रकूट', nameLatin: 'Chitrakoot' },
            { name: 'हमीरपुर', nameLatin: 'Hamirpur' },
            { name: 'महोबा', nameLatin: 'Mahoba' },
          ],
        },
      ],
    },
    {
      name: 'अवध',
      nameLatin: 'Awadh',
      divisions: [
        {
          name: 'लखनऊ',
          nameLatin: 'Lucknow',
          districts: [
            { name: 'हरदोई', nameLatin: 'Hardoi' },
            { name: 'लखीमपुर खीरी', nameLatin: 'Lakhimpur Kheri' },
            { name: 'लखनऊ', nameLatin: 'Lucknow' },
            { name: 'रायबरेली', nameLatin: 'Raebareli' },
            { name: 'सीतापुर', nameLatin: 'Sitapur' },
            { name: 'उन्नाव', nameLatin: 'Unnao' },
          ],
        },
        {
          name: 'अयोध्या',
          nameLatin: 'Ayodhya',
          districts: [
            { name: 'अम्बेडकर नगर', nameLatin: 'Ambedkar Nagar' },
            { name: 'अमेठी', nameLatin: 'Amethi' },
            { name: 'अयोध्या', nameLatin: 'Ayodhya' },
            { name: 'बाराबंकी', nameLatin: 'Barabanki' },
            { name: 'सुल्तानपुर', nameLatin: 'Sultanpur' },
          ],
        },
        {
          name: 'देवीपाटन',
          nameLatin: 'Devipatan',
          districts: [
            { name: 'बहराइच', nameLatin: 'Bahraich' },
            { name: 'बलरामपुर', nameLatin: 'Balrampur' },
            { name: 'गोंडा', nameLatin: 'Gonda' },
            { name: 'श्रावस्ती', nameLatin: 'Shravasti' },
          ],
        },
      ],
    },
    {
      name: 'गोरखपुर',
      nameLatin: 'Gorakhpur',
      divisions: [
        {
          name: 'गोरखपुर',
          nameLatin: 'Gorakhpur',
          districts: [
            { name: 'देवरिया', nameLatin: 'Deoria' },
            { name: 'गोरखपुर', nameLatin: 'Gorakhpur' },
            { name: 'कुशीनगर', nameLatin: 'Kushinagar' },
            { name: 'महराजगंज', nameLatin: 'Maharajganj' },
          ],
        },
        {
          name: 'बस्ती',
          nameLatin: 'Basti',
          districts: [
            { name: 'बस्ती', nameLatin: 'Basti' },
            { name: 'संत कबीर नगर', nameLatin: 'Sant Kabir Nagar' },
            { name: 'सिद्धार्थनगर', nameLatin: 'Siddharthnagar' },
          ],
        },
        {
          name: 'आज़मगढ़',
          nameLatin: 'Azamgarh',
          districts: [
            { name: 'आज़मगढ़', nameLatin: 'Azamgarh' },
            { name: 'बलिया', nameLatin: 'Ballia' },
            { name: 'मऊ', nameLatin: 'Mau' },
          ],
        },
      ],
    },
    {
      name: 'काशी',
      nameLatin: 'Kashi',
      divisions: [
        {
          name: 'वाराणसी',
          nameLatin: 'Varanasi',
          districts: [
            { name: 'चंदौली', nameLatin: 'Chandauli' },
            { name: 'ग़ाज़ीपुर', nameLatin: 'Ghazipur' },
            { name: 'जौनपुर', nameLatin: 'Jaunpur' },
            { name: 'वाराणसी', nameLatin: 'Varanasi' },
          ],
        },
        {
          name: 'मिर्ज़ापुर',
          nameLatin: 'Mirzapur',
          districts: [
            { name: 'भदोही', nameLatin: 'Bhadohi' },
            { name: 'मिर्ज़ापुर', nameLatin: 'Mirzapur' },
            { name: 'सोनभद्र', nameLatin: 'Sonbhadra' },
          ],
        },
        {
          name: 'प्रयागराज',
          nameLatin: 'Prayagraj',
          districts: [
            { name: 'फ़तेहपुर', nameLatin: 'Fatehpur' },
            { name: 'कौशाम्बी', nameLatin: 'Kaushambi' },
            { name: 'प्रतापगढ़', nameLatin: 'Pratapgarh' },
            { name: 'प्रयागराज', nameLatin: 'Prayagraj' },
          ],
        },
      ],
    },
  ],
};

export const PHU_THO: ReferenceUnit & { districts: ReferenceUnit[] } = {
  name: 'Phú Thọ',
  nameLatin: 'Phu Tho',
  districts: [
    { name: 'Thành phố Việt Trì', nameLatin: 'Thanh pho Viet Tri' },
    { name: 'Thị xã Phú Thọ', nameLatin: 'Thi xa Phu Tho' },
    { name: 'Đoan Hùng', nameLatin: 'Doan Hung' },
    { name: 'Hạ Hòa', nameLatin: 'Ha Hoa' },
    { name: 'Thanh Ba', nameLatin: 'Thanh Ba' },
    { name: 'Phù Ninh', nameLatin: 'Phu Ninh' },
    { name: 'Yên Lập', nameLatin: 'Yen Lap' },
    { name: 'Cẩm Khê', nameLatin: 'Cam Khe' },
    { name: 'Tam Nông', nameLatin: 'Tam Nong' },
    { name: 'Lâm Thao', nameLatin: 'Lam Thao' },
    { name: 'Thanh Sơn', nameLatin: 'Thanh Son' },
    { name: 'Thanh Thủy', nameLatin: 'Thanh Thuy' },
    { name: 'Tân Sơn', nameLatin: 'Tan Son' },
  ],
};
