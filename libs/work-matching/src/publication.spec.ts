import {
  editionNumber,
  pageCount,
  pagesCompatible,
  publisherForm,
  publishersCompatible,
} from './publication';

describe('editionNumber', () => {
  it.each([
    ['2nd ed.', 2],
    ['Second edition', 2],
    ['Xuất bản lần thứ 2', 2],
    ['Tái bản lần thứ 1', 2],
    ['Tái bản lần thứ hai, có sửa chữa, bổ sung', 3],
    ['In lần thứ 3', undefined],
    ['Rev. ed.', undefined],
    [undefined, undefined],
  ])('%s → %s', (statement, expected) => {
    expect(editionNumber(statement)).toBe(expected);
  });
});

describe('pageCount', () => {
  it.each([
    ['xii, 680 pages : maps ; 24 cm', 680],
    ['435 tr. ; 21 cm', 435],
    ['350 trang', 350],
    ['[12], 300 p.', 300],
    ['1 CD-ROM', undefined],
  ])('%s → %s', (extent, expected) => {
    expect(pageCount(extent)).toBe(expected);
  });

  it('allows what two catalogues count differently', () => {
    expect(pagesCompatible(435, 443)).toBe(true);
    expect(pagesCompatible(680, 740)).toBe(true);
    expect(pagesCompatible(435, 250)).toBe(false);
  });
});

describe('publishersCompatible', () => {
  const compatible = (a: string, b: string): boolean =>
    publishersCompatible(publisherForm(a), publisherForm(b));

  it.each([
    ['Nxb. Văn học', 'Nhà xuất bản Văn học'],
    ['CTQG', 'Nxb. Chính trị quốc gia Sự thật'],
    ['Nxb. ĐHQGHN', 'NXB Đại học Quốc gia Hà Nội'],
    ['CUP', 'Cambridge University Press'],
    ['Oxford Univ. Press', 'Oxford University Press, Inc.'],
    ['University of Hawaiʻi Press', 'Univ. of Hawaii Press'],
    ['[S.l.]', 'Văn học'],
  ])('%s ~ %s', (a, b) => {
    expect(compatible(a, b)).toBe(true);
    expect(compatible(b, a)).toBe(true);
  });

  it.each([
    ['Văn học', 'Trẻ'],
    ['Nxb. Khoa học xã hội', 'Kim Đồng'],
    ['Routledge', 'Cambridge University Press'],
  ])('%s ≁ %s', (a, b) => {
    expect(compatible(a, b)).toBe(false);
  });
});
