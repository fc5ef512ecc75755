import { foldDiacritics, searchKey, toLatin } from './latin';

describe('toLatin', () => {
  it.each([
    ['संजय राय', 'Sanjay Ray'],
    ['राम प्रकाश शर्मा', 'Ram Prakash Sharma'],
    ['गोरखपुर', 'Gorakhpur'],
    ['लखनऊ', 'Lakhnau'],
    ['प्रयागराज', 'Prayagraj'],
    ['अखिलेश कुमार सिंह', 'Akhilesh Kumar Singh'],
    ['कृष्ण', 'Krishna'],
    ['अंबेडकर नगर', 'Ambedkar Nagar'],
    ['ग़ाज़ियाबाद', 'Ghaziyabad'],
    ['बूथ १२३', 'Buth 123'],
  ])('transliterates %s as %s', (written, latin) => {
    expect(toLatin(written)).toBe(latin);
  });

  it('folds Vietnamese diacritics', () => {
    expect(toLatin('Nguyễn Thanh Tâm')).toBe('Nguyen Thanh Tam');
    expect(toLatin('Đỗ Thị Hằng')).toBe('Do Thi Hang');
    expect(foldDiacritics('Việt Trì')).toBe('Viet Tri');
  });

  it('leaves Latin text as it is', () => {
    expect(toLatin('  Jane   Doe ')).toBe('Jane Doe');
  });
});

describe('searchKey', () => {
  it('makes a query in Latin letters meet the Devanagari name', () => {
    expect(searchKey('संजय राय')).toContain(searchKey('sanjay'));
    expect(searchKey('संजय राय')).toBe(searchKey('Sanjay Rai'));
    expect(searchKey('श्रीवास्तव')).toBe(searchKey('Shrivastav'));
  });

  it('makes an unaccented query meet the Vietnamese name', () => {
    expect(searchKey('Nguyễn Thanh Tâm')).toBe(searchKey('nguyen thanh tam'));
  });

  it('does not make different names meet', () => {
    expect(searchKey('संजय राय')).not.toContain(searchKey('ajay'));
    expect(searchKey('Trần Văn Nam')).not.toBe(searchKey('Tran Van Lam'));
  });
});
