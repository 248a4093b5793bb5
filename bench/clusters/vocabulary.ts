/** Word lists for the labelled set's generated works (see README). */

/** Vietnamese family names with their rough share of the population (percent). */
export const VI_FAMILIES: ReadonlyArray<readonly [string, number]> = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 5],
  ['Phan', 4.5],
  ['Vũ', 4],
  ['Đặng', 2],
  ['Bùi', 2],
  ['Đỗ', 1.5],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Đinh', 1],
  ['Trịnh', 1],
  ['Đào', 1],
  ['Mai', 0.5],
  ['Lương', 0.5],
  ['Tạ', 0.3],
];
export const VI_MIDDLES = [
  'Văn',
  'Thị',
  'Hữu',
  'Đức',
  'Minh',
  'Quốc',
  'Thanh',
  'Ngọc',
  'Xuân',
  'Huy',
  'Công',
  'Thu',
  'Hồng',
  'Kim',
  'Quang',
];
export const VI_GIVENS = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hà',
  'Hải',
  'Hùng',
  'Hương',
  'Khoa',
  'Khoả',
  'Lan',
  'Long',
  'Mai',
  'Nam',
  'Phong',
  'Quang',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trung',
  'Tuấn',
  'Vân',
  'Yến',
  'Hoà',
  'Thuỷ',
  'Đông',
  'Giang',
  'Hiếu',
  'Lộc',
  'Nghĩa',
  'Oanh',
  'Phúc',
  'Thắng',
  'Việt',
];
export const EN_FAMILIES = [
  'Smith',
  'Taylor',
  'Brown',
  'Marr',
  'Kiernan',
  'Goscha',
  'Anderson',
  'Miller',
  'Wilson',
  'Porter',
  'Elliott',
  'Dutton',
  'Tai',
  'Womack',
];
export const EN_GIVENS = [
  'John',
  'Keith',
  'David',
  'Ben',
  'Christopher',
  'Mary',
  'Anne',
  'Robert',
  'James',
  'Hue-Tam',
  'Philip',
  'George',
  'Sarah',
  'Brantly',
];

export interface PublisherForms {
  /** How different catalogues write it: first is the commonest. */
  readonly names: readonly string[];
  readonly place: string;
  readonly isbnPrefix: string;
}

export const VI_PUBLISHERS: readonly PublisherForms[] = [
  {
    names: ['Văn học', 'Nxb. Văn học', 'Nhà xuất bản Văn học'],
    place: 'Hà Nội',
    isbnPrefix: '978604690',
  },
  {
    names: ['Giáo dục Việt Nam', 'Nxb. Giáo dục Việt Nam', 'NXB Giáo dục'],
    place: 'Hà Nội',
    isbnPrefix: '978604000',
  },
  {
    names: ['Trẻ', 'Nxb. Trẻ', 'Nhà xuất bản Trẻ'],
    place: 'TP. Hồ Chí Minh',
    isbnPrefix: '978604100',
  },
  {
    names: ['Khoa học xã hội', 'Nxb. Khoa học xã hội', 'KHXH'],
    place: 'Hà Nội',
    isbnPrefix: '978604900',
  },
  {
    names: ['Đại học Quốc gia Hà Nội', 'Nxb. ĐHQGHN', 'NXB Đại học Quốc gia Hà Nội'],
    place: 'Hà Nội',
    isbnPrefix: '978604300',
  },
  {
    names: ['Chính trị quốc gia', 'Nxb. Chính trị quốc gia Sự thật', 'CTQG'],
    place: 'Hà Nội',
    isbnPrefix: '978604570',
  },
  {
    names: ['Kim Đồng', 'Nxb. Kim Đồng', 'Nhà xuất bản Kim Đồng'],
    place: 'Hà Nội',
    isbnPrefix: '978604200',
  },
  {
    names: ['Hội Nhà văn', 'Nxb. Hội Nhà văn', 'NXB Hội nhà văn'],
    place: 'Hà Nội',
    isbnPrefix: '978604530',
  },
  {
    names: ['Y học', 'Nxb. Y học', 'Nhà xuất bản Y học'],
    place: 'Hà Nội',
    isbnPrefix: '978604660',
  },
  {
    names: [
      'Tổng hợp TP. Hồ Chí Minh',
      'Nxb. Tổng hợp TP.HCM',
      'NXB Tổng hợp Thành phố Hồ Chí Minh',
    ],
    place: 'TP. Hồ Chí Minh',
    isbnPrefix: '978604580',
  },
];
export const EN_PUBLISHERS: readonly PublisherForms[] = [
  {
    names: ['Cambridge University Press', 'Cambridge Univ. Press', 'CUP'],
    place: 'Cambridge',
    isbnPrefix: '978052100',
  },
  {
    names: ['Oxford University Press', 'Oxford Univ. Press', 'Oxford University Press, Inc.'],
    place: 'New York',
    isbnPrefix: '978019000',
  },
  {
    names: ['Routledge', 'Routledge', 'Routledge, Taylor & Francis Group'],
    place: 'London',
    isbnPrefix: '978041500',
  },
  {
    names: ['University of Hawaiʻi Press', 'University of Hawaii Press', 'Univ. of Hawaii Press'],
    place: 'Honolulu',
    isbnPrefix: '978082400',
  },
  {
    names: ['Cornell University Press', 'Cornell Univ. Press', 'Cornell University Press'],
    place: 'Ithaca',
    isbnPrefix: '978080140',
  },
  {
    names: ['NIAS Press', 'NIAS', 'Nordic Institute of Asian Studies'],
    place: 'Copenhagen',
    isbnPrefix: '978877694',
  },
];

export const VI_TOPICS = [
  'Lịch sử',
  'Văn hoá',
  'Kinh tế',
  'Giáo dục',
  'Địa lý',
  'Văn học dân gian',
  'Kiến trúc',
  'Âm nhạc truyền thống',
  'Nông nghiệp',
  'Y học cổ truyền',
  'Pháp luật',
  'Tin học cơ sở',
  'Môi trường',
  'Dân tộc học',
  'Ẩm thực',
  'Tín ngưỡng',
  'Làng nghề',
  'Ngôn ngữ',
  'Báo chí',
  'Du lịch',
  'Thuỷ lợi',
  'Lâm nghiệp',
];
export const VI_PLACES = [
  'Việt Nam',
  'Hà Nội',
  'Huế',
  'Nam Bộ',
  'đồng bằng sông Cửu Long',
  'Tây Nguyên',
  'Thăng Long',
  'Sài Gòn',
  'Đà Nẵng',
  'vùng núi phía Bắc',
  'Hội An',
  'Nghệ An',
  'Thái Bình',
  'Quảng Nam',
];
export const VI_PATTERNS = [
  '{topic} {place}',
  '{topic} {place}',
  'Giáo trình {topic}',
  'Đại cương {topic}',
  '{topic} {place} thời kỳ đổi mới',
  'Tìm hiểu {topic} {place}',
  'Những vấn đề {topic} {place}',
  'Cơ sở {topic}',
  '{topic} và phát triển bền vững ở {place}',
];
export const VI_SUBTITLES = [
  'giáo trình',
  'sách chuyên khảo',
  'tuyển tập',
  'những vấn đề lý luận và thực tiễn',
  'tư liệu và nghiên cứu',
  'quá khứ và hiện tại',
  'từ truyền thống đến hiện đại',
  'sổ tay tra cứu',
  'dùng cho sinh viên các trường đại học',
];
export const EN_TOPICS = [
  'History',
  'Culture',
  'Economics',
  'Education',
  'Geography',
  'Architecture',
  'Agriculture',
  'Medicine',
  'Environmental policy',
  'Linguistics',
  'Religion',
  'Urban life',
];
export const EN_PLACES = [
  'Vietnam',
  'Southeast Asia',
  'the Mekong Delta',
  'Hanoi',
  'Indochina',
  'Saigon',
];
export const EN_PATTERNS = [
  '{topic} of {place}',
  'The {topic} of {place}',
  '{topic} in {place}',
  'A {topic} of modern {place}',
  '{topic} and society in {place}',
];
export const EN_SUBTITLES = [
  'an introduction',
  'a reader',
  'past and present',
  'a social history',
  'essays',
  'from colonialism to the present',
];

/** Vietnamese classics that every library holds in many editions. */
export const VI_CLASSICS: ReadonlyArray<readonly [title: string, author: string, english: string]> =
  [
    ['Truyện Kiều', 'Nguyễn Du', 'The tale of Kieu'],
    ['Số đỏ', 'Vũ Trọng Phụng', 'Dumb luck'],
    ['Tắt đèn', 'Ngô Tất Tố', 'When the light is out'],
    ['Dế mèn phiêu lưu ký', 'Tô Hoài', 'Diary of a cricket'],
    ['Nỗi buồn chiến tranh', 'Bảo Ninh', 'The sorrow of war'],
    ['Chí Phèo', 'Nam Cao', 'Chi Pheo and other stories'],
  ];

export const SERIALS: ReadonlyArray<readonly [title: string, publisher: string]> = [
  ['Tạp chí Nghiên cứu Lịch sử', 'Viện Sử học'],
  ['Tạp chí Nghiên cứu Văn học', 'Viện Văn học'],
  ['Tạp chí Khoa học xã hội Việt Nam', 'Viện Hàn lâm Khoa học xã hội Việt Nam'],
  ['Tạp chí Kinh tế và Dự báo', 'Bộ Kế hoạch và Đầu tư'],
  ['Vietnam social sciences', 'Vietnam Academy of Social Sciences'],
  ['Tạp chí Y học Việt Nam', 'Tổng hội Y học Việt Nam'],
  ['Tạp chí Nghiên cứu Kinh tế', 'Viện Kinh tế Việt Nam'],
  ['Journal of Vietnamese studies', 'University of California Press'],
];

/** Book companies that publish with a licensed publisher; some catalogues record only them. */
export const VI_PARTNERS = [
  'Nhã Nam',
  'Alpha Books',
  'First News',
  'Đông A',
  'Phương Nam Book',
  'Đinh Tị',
];
