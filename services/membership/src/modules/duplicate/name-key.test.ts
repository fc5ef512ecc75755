import { DUPLICATE_WEIGHTS } from './duplicate-score';
import { nameKey, nameSimilarity } from './name-key';

describe('name keys', () => {
  it.each([
    ['संजय राय', 'Sanjay Rai'],
    ['संजय राय', 'Rai Sanjay'],
    ['Sanjay Ray', 'Sanjai Raay'],
    ['सुनीता देवी', 'Sunita Devi'],
    ['अजय कुमार', 'Ajay Kumaar'],
    ['राम लाल शर्मा', 'Ram Lal Sarma'],
    ['प्रदीप श्रीवास्तव', 'Pradeep Shrivastav'],
    ['Deepak Pandey', 'Dipak Pande'],
    ['Phool Singh', 'Fool Singh'],
    ['Nguyễn Thanh Tâm', 'Nguyen Thanh Tam'],
    ['Trần Thị Hồng Nhung', 'Tran Thi Hong Nhung'],
    ['Đỗ Văn Hùng', 'Do Van Hung'],
  ])('"%s" and "%s" share a key', (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
    expect(nameSimilarity(nameKey(a), nameKey(b))).toBe(1);
  });

  it.each([
    ['Sanjay Rai', 'Sunita Devi'],
    ['Nguyễn Thanh Tâm', 'Nguyễn Văn Nam'],
    ['Ram Lal', 'Ramesh Lal'],
  ])('"%s" and "%s" do not', (a, b) => {
    expect(nameKey(a)).not.toBe(nameKey(b));
  });

  it('scores near misses high and different people low', () => {
    const score = (a: string, b: string) => nameSimilarity(nameKey(a), nameKey(b));
    expect(score('Sanjay Rai', 'Sanjay Kumar Rai')).toBe(0.85);
    expect(score('Sanjay Rai', 'Sanjey Rai')).toBeGreaterThanOrEqual(0.8);
    expect(score('Sanjay Rai', 'Sunita Devi')).toBeLessThan(0.5);
    expect(score('A. Kumar', 'Ajay Kumar')).toBeGreaterThan(DUPLICATE_WEIGHTS.alikeName);
    // A shared family name alone stays below DUPLICATE_WEIGHTS.alikeName.
    expect(score('Nguyễn Thanh Tâm', 'Nguyễn Văn Nam')).toBeLessThan(DUPLICATE_WEIGHTS.alikeName);
    expect(score('', 'Sanjay Rai')).toBe(0);
  });
});
