import { nameForm, namesCompatible, personKey } from './names';

const compatible = (a: string, b: string): boolean => namesCompatible(nameForm(a), nameForm(b));

describe('nameForm', () => {
  it('reads inverted, Vietnamese and Western orders', () => {
    expect(nameForm('Phan, Huy Lê')).toMatchObject({ family: 'phan', given: ['huy', 'le'] });
    expect(nameForm('Phan Huy Lê')).toMatchObject({ family: 'phan', given: ['huy', 'le'] });
    expect(nameForm('Nguyen Van Khoa')).toMatchObject({ family: 'nguyen', vietnamese: true });
    expect(nameForm('John A. Smith')).toMatchObject({ family: 'smith', given: ['john', 'a'] });
    expect(nameForm('Taylor, K. W. (Keith Weller)')).toMatchObject({
      family: 'taylor',
      given: ['k', 'w'],
    });
    expect(nameForm('Nguyễn Du, 1765-1820')).toMatchObject({ family: 'nguyen', given: ['du'] });
    expect(nameForm('Smith, John, Jr.')).toMatchObject({ family: 'smith', given: ['john'] });
    expect(nameForm('Nguyễn Du, tác giả')).toMatchObject({ family: 'nguyen', given: ['du'] });
    expect(nameForm('Whitmore, John K., editor')).toMatchObject({ given: ['john', 'k'] });
  });
});

describe('namesCompatible', () => {
  it.each([
    ['Phan Huy Lê', 'Phan, Huy Lê'],
    ['Phan Huy Lê', 'Phan Huy Le'],
    ['Smith, John A.', 'Smith, J. A.'],
    ['Smith, John A.', 'John Smith'],
    ['Nguyễn Du', 'Nguyen, Du'],
    ['Nguyễn Du', 'Du Nguyen'],
    ['Đặng Thai Mai', 'Dang, Thai Mai'],
    ['Nguyễn Văn Khoả', 'Nguyễn Khoả'],
    ['Taylor, K. W. (Keith Weller)', 'Taylor, Keith W.'],
  ])('%s ~ %s', (a, b) => {
    expect(compatible(a, b)).toBe(true);
    expect(compatible(b, a)).toBe(true);
  });

  it.each([
    ['Nguyễn Du', 'Nguyễn Văn Khoả'],
    ['Nguyễn Thị Hoa', 'Nguyễn Văn Hoa'],
    ['Nguyễn Du', 'Nguyễn'],
    ['Smith, John', 'Smith, James'],
    ['Smith, John', 'Jones, John'],
    ['Trần Văn Giàu', 'Trần Quốc Vượng'],
  ])('%s ≁ %s', (a, b) => {
    expect(compatible(a, b)).toBe(false);
    expect(compatible(b, a)).toBe(false);
  });
});

describe('corporate names', () => {
  it('compares bodies by their words, and never with a person', () => {
    expect(nameForm('Việt Nam. Bộ Giáo dục và Đào tạo')).toMatchObject({ corporate: true });
    expect(nameForm('Trương Văn Hùng')).toMatchObject({ corporate: false, family: 'truong' });
    expect(nameForm('Trường Đại học Sư phạm Hà Nội')).toMatchObject({ corporate: true });
    expect(compatible('Bộ Giáo dục và Đào tạo', 'Việt Nam. Bộ Giáo dục và Đào tạo')).toBe(true);
    expect(compatible('Bộ Giáo dục và Đào tạo', 'Bộ Y tế')).toBe(false);
    expect(compatible('World Bank', 'Bank, World')).toBe(true);
    expect(compatible('Viện Sử học', 'Sử, Học')).toBe(false);
  });
});

describe('personKey', () => {
  it('keeps the given name that tells Vietnamese people apart, the initial for others', () => {
    expect(personKey(nameForm('Nguyễn Du'))).toBe('nguyen du');
    expect(personKey(nameForm('Nguyễn, Văn Khoả'))).toBe('nguyen khoa');
    expect(personKey(nameForm('Smith, John A.'))).toBe('smith j');
  });
});
