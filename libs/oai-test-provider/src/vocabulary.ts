/** Word lists for realistic Vietnamese and English catalogue records. */

export interface FamousWork {
  title: string;
  subtitle?: string;
  author: string;
  addedAuthors?: string[];
  language: 'vie' | 'eng';
  year: number;
  publisher: Publisher;
  subjects: string[];
  ddc: string;
  pages: number;
  series?: string;
  summary: string;
}

export interface Publisher {
  name: string;
  place: string;
  /** Registrant element of the ISBN, so one publisher's ISBNs look alike. */
  isbnPrefix: string;
}

export const PUBLISHERS_VI: Publisher[] = [
  { name: 'Nxb. Giáo dục Việt Nam', place: 'Hà Nội', isbnPrefix: '9786040' },
  { name: 'Nxb. Kim Đồng', place: 'Hà Nội', isbnPrefix: '9786042' },
  { name: 'Nxb. Trẻ', place: 'TP. Hồ Chí Minh', isbnPrefix: '9786041' },
  { name: 'Nxb. Văn học', place: 'Hà Nội', isbnPrefix: '9786046' },
  { name: 'Nxb. Tổng hợp TP. Hồ Chí Minh', place: 'TP. Hồ Chí Minh', isbnPrefix: '9786045' },
  { name: 'Nxb. Đại học Quốc gia Hà Nội', place: 'Hà Nội', isbnPrefix: '9786043' },
  { name: 'Nxb. Chính trị Quốc gia Sự thật', place: 'Hà Nội', isbnPrefix: '9786045' },
  { name: 'Nxb. Hội Nhà văn', place: 'Hà Nội', isbnPrefix: '9786045' },
  { name: 'Nxb. Khoa học Xã hội', place: 'Hà Nội', isbnPrefix: '9786049' },
];

export const PUBLISHERS_EN: Publisher[] = [
  { name: 'Cambridge University Press', place: 'Cambridge', isbnPrefix: '9780521' },
  { name: 'Penguin Books', place: 'London', isbnPrefix: '9780140' },
  { name: 'MIT Press', place: 'Cambridge, Mass.', isbnPrefix: '9780262' },
  { name: 'Oxford University Press', place: 'Oxford', isbnPrefix: '9780198' },
  { name: 'Routledge', place: 'London', isbnPrefix: '9780415' },
];

export const FAMOUS_WORKS: FamousWork[] = [
  {
    title: 'Truyện Kiều',
    author: 'Nguyễn Du',
    addedAuthors: ['Đào Duy Anh'],
    language: 'vie',
    year: 2015,
    publisher: PUBLISHERS_VI[3],
    subjects: ['Văn học cổ điển', 'Thơ lục bát', 'Văn học Việt Nam'],
    ddc: '895.9221',
    pages: 412,
    summary: 'Truyện thơ Nôm kể về cuộc đời mười lăm năm lưu lạc của Thúy Kiều.',
  },
  {
    title: 'Lịch sử Việt Nam',
    subtitle: 'từ nguồn gốc đến năm 1858',
    author: 'Phan Huy Lê',
    addedAuthors: ['Trần Quốc Vượng', 'Hà Văn Tấn'],
    language: 'vie',
    year: 2012,
    publisher: PUBLISHERS_VI[0],
    subjects: ['Lịch sử', 'Việt Nam', 'Thời kỳ phong kiến'],
    ddc: '959.7',
    pages: 568,
    series: 'Tủ sách Lịch sử',
    summary: 'Giáo trình lịch sử Việt Nam từ thời tiền sử đến giữa thế kỷ XIX.',
  },
  {
    title: 'Số đỏ',
    author: 'Vũ Trọng Phụng',
    language: 'vie',
    year: 2016,
    publisher: PUBLISHERS_VI[3],
    subjects: ['Tiểu thuyết', 'Văn học hiện thực phê phán'],
    ddc: '895.9223',
    pages: 276,
    summary: 'Tiểu thuyết trào phúng về xã hội thành thị Hà Nội những năm 1930.',
  },
  {
    title: 'Dế Mèn phiêu lưu ký',
    author: 'Tô Hoài',
    language: 'vie',
    year: 2019,
    publisher: PUBLISHERS_VI[1],
    subjects: ['Văn học thiếu nhi', 'Truyện'],
    ddc: '895.9223',
    pages: 144,
    summary: 'Cuộc phiêu lưu của chú Dế Mèn qua thế giới loài vật.',
  },
  {
    title: 'Tắt đèn',
    author: 'Ngô Tất Tố',
    language: 'vie',
    year: 2017,
    publisher: PUBLISHERS_VI[3],
    subjects: ['Tiểu thuyết', 'Nông thôn Việt Nam'],
    ddc: '895.9223',
    pages: 220,
    summary: 'Số phận người nông dân dưới chế độ sưu thuế trước Cách mạng tháng Tám.',
  },
  {
    title: 'Nỗi buồn chiến tranh',
    author: 'Bảo Ninh',
    language: 'vie',
    year: 2011,
    publisher: PUBLISHERS_VI[2],
    subjects: ['Tiểu thuyết', 'Chiến tranh Việt Nam'],
    ddc: '895.9223',
    pages: 300,
    summary: 'Ký ức chiến tranh của người lính Kiên.',
  },
  {
    title: 'Văn học Việt Nam hiện đại',
    subtitle: 'nghiên cứu và phê bình',
    author: 'Đặng Thai Mai',
    language: 'vie',
    year: 2010,
    publisher: PUBLISHERS_VI[8],
    subjects: ['Văn học Việt Nam', 'Phê bình văn học'],
    ddc: '895.92209',
    pages: 486,
    summary: 'Tuyển tập các công trình nghiên cứu văn học của Đặng Thai Mai.',
  },
  {
    title: 'Từ điển tiếng Việt',
    author: 'Hoàng Phê',
    language: 'vie',
    year: 2018,
    publisher: PUBLISHERS_VI[5],
    subjects: ['Tiếng Việt', 'Từ điển'],
    ddc: '495.9223',
    pages: 1504,
    summary: 'Từ điển giải thích tiếng Việt của Viện Ngôn ngữ học.',
  },
  {
    title: 'The Sorrow of War',
    subtitle: 'a novel of North Vietnam',
    author: 'Bảo Ninh',
    addedAuthors: ['Phan Thanh Hảo', 'Frank Palmos'],
    language: 'eng',
    year: 1994,
    publisher: PUBLISHERS_EN[1],
    subjects: ['Vietnam War, 1961-1975', 'Fiction'],
    ddc: '895.9223',
    pages: 233,
    summary: 'An English translation of Nỗi buồn chiến tranh.',
  },
  {
    title: 'Vietnam',
    subtitle: 'a history',
    author: 'Karnow, Stanley',
    language: 'eng',
    year: 1997,
    publisher: PUBLISHERS_EN[1],
    subjects: ['Vietnam', 'History', 'Vietnam War, 1961-1975'],
    ddc: '959.704',
    pages: 768,
    summary: 'A narrative history of Vietnam and its wars in the twentieth century.',
  },
  {
    title: 'The Tale of Kieu',
    author: 'Nguyễn Du',
    addedAuthors: ['Huỳnh Sanh Thông'],
    language: 'eng',
    year: 1983,
    publisher: { name: 'Yale University Press', place: 'New Haven', isbnPrefix: '9780300' },
    subjects: ['Vietnamese poetry', 'Translations into English'],
    ddc: '895.9221',
    pages: 224,
    summary: 'A bilingual edition of Truyện Kiều with translation and notes.',
  },
  {
    title: 'Introduction to Algorithms',
    author: 'Cormen, Thomas H.',
    addedAuthors: ['Leiserson, Charles E.', 'Rivest, Ronald L.', 'Stein, Clifford'],
    language: 'eng',
    year: 2009,
    publisher: PUBLISHERS_EN[2],
    subjects: ['Computer algorithms', 'Computer programming'],
    ddc: '005.1',
    pages: 1292,
    summary: 'A comprehensive textbook on the design and analysis of algorithms.',
  },
];

export const AUTHORS_VI = [
  'Nguyễn Du',
  'Đặng Thai Mai',
  'Vũ Trọng Phụng',
  'Tô Hoài',
  'Ngô Tất Tố',
  'Nam Cao',
  'Bảo Ninh',
  'Trần Quốc Vượng',
  'Phan Huy Lê',
  'Hoàng Phê',
  'Xuân Diệu',
  'Nguyễn Nhật Ánh',
  'Trần Văn Giàu',
  'Đào Duy Anh',
  'Nguyễn Tuân',
  'Hồ Xuân Hương',
  'Lê Quý Đôn',
  'Phạm Văn Đồng',
  'Nguyễn Khắc Viện',
  'Trịnh Công Sơn',
  'Nguyễn Thị Minh Khai',
  'Lê Văn Hưu',
  'Phạm Quỳnh',
  'Dương Thu Hương',
  'Ma Văn Kháng',
];

export const AUTHORS_EN = [
  'Taylor, Keith Weller',
  'Goscha, Christopher',
  'Marr, David G.',
  'Woodside, Alexander',
  'Kiernan, Ben',
  'Knuth, Donald E.',
  'Sedgewick, Robert',
  'Tanenbaum, Andrew S.',
  'Anderson, Benedict',
];

export const TOPICS_VI = [
  'Lịch sử',
  'Văn hóa',
  'Kinh tế',
  'Giáo dục',
  'Địa lý',
  'Văn học dân gian',
  'Kiến trúc',
  'Âm nhạc truyền thống',
  'Nông nghiệp',
  'Y học cổ truyền',
  'Luật Dân sự',
  'Tin học cơ sở',
  'Môi trường',
  'Dân tộc học',
  'Ẩm thực',
];

export const PLACES_VI = [
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
];

export const QUALIFIERS_VI = [
  'thế kỷ XX',
  'thời kỳ đổi mới',
  'những vấn đề lý luận',
  'giáo trình',
  'tư liệu và nghiên cứu',
  'quá khứ và hiện tại',
  'từ truyền thống đến hiện đại',
  'tập 1',
  'tập 2',
  'sổ tay tra cứu',
];

export const TOPICS_EN = [
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
];

export const PLACES_EN = [
  'Vietnam',
  'Southeast Asia',
  'the Mekong Delta',
  'Hanoi',
  'Indochina',
  'Asia',
];

export const QUALIFIERS_EN = [
  'an introduction',
  'a reader',
  'past and present',
  'new perspectives',
  'a handbook',
  'since 1945',
];

export const DDC_BY_TOPIC: Record<string, string> = {
  'Lịch sử': '959.7',
  'Văn hóa': '306.09597',
  'Kinh tế': '330.9597',
  'Giáo dục': '370.9597',
  'Địa lý': '915.97',
  'Văn học dân gian': '398.209597',
  'Kiến trúc': '720.9597',
  'Âm nhạc truyền thống': '781.629',
  'Nông nghiệp': '630.9597',
  'Y học cổ truyền': '615.88',
  'Luật Dân sự': '346.597',
  'Tin học cơ sở': '004',
  'Môi trường': '363.7',
  'Dân tộc học': '305.8',
  'Ẩm thực': '641.59597',
  History: '959.7',
  Culture: '306.09597',
  Economics: '330.9597',
  Education: '370.9597',
  Geography: '915.97',
  Architecture: '720.9597',
  Agriculture: '630.9597',
  Medicine: '610',
  'Environmental policy': '363.7',
  Linguistics: '495.922',
};

/** Characters outside the BMP that Vietnamese data really contains (Chữ Nôm, CJK Ext. B). */
export const NON_BMP_SAMPLES = ['𡨸喃', '𠊛', '𤾓𢆥', '𨤮'];

/*
 * The broad vocabulary (GenerateOptions.vocabulary 'broad'): titles and names composed from
 * more parts, so a 200,000-record catalogue has thousands of distinct titles and authors,
 * not hundreds, as a real one does.
 */
export const ASPECTS_VI = [
  'Tìm hiểu',
  'Nghiên cứu',
  'Khảo cứu',
  'Một số vấn đề',
  'Tổng quan',
  'Bước đầu tìm hiểu',
  'Đại cương',
  'Cơ sở',
  'Lược khảo',
  'Góp phần nghiên cứu',
  'Tư liệu',
  'Những trang',
  'Chuyên khảo',
  'Hỏi đáp',
  'Sổ tay',
  'Bàn về',
  'Di sản',
  'Truyền thống',
  'Phát triển',
  'Biên niên',
];

export const ASPECTS_EN = [
  'Essays on',
  'Studies in',
  'A survey of',
  'Readings in',
  'Perspectives on',
  'Foundations of',
  'Topics in',
  'Sources for',
  'Rethinking',
  'A guide to',
  'Debates in',
  'Themes in',
];

export const FAMILY_NAMES_VI = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];

export const MIDDLE_NAMES_VI = [
  'Văn',
  'Thị',
  'Hữu',
  'Đức',
  'Minh',
  'Quốc',
  'Thanh',
  'Ngọc',
  'Xuân',
  'Công',
];

export const GIVEN_NAMES_VI = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hiếu',
  'Hoà',
  'Hùng',
  'Hương',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Nga',
  'Phúc',
  'Phương',
  'Quang',
  'Sơn',
  'Tâm',
  'Thảo',
  'Thành',
  'Trang',
  'Trung',
  'Tuấn',
  'Vân',
];

export const SURNAMES_EN = [
  'Anderson',
  'Baker',
  'Brown',
  'Clark',
  'Davis',
  'Evans',
  'Fischer',
  'Garcia',
  'Hall',
  'Harris',
  'Jackson',
  'Johnson',
  'King',
  'Lee',
  'Lewis',
  'Martin',
  'Miller',
  'Moore',
  'Nguyen',
  'Parker',
  'Robinson',
  'Scott',
  'Taylor',
  'Thomas',
  'Turner',
  'Walker',
  'White',
  'Wilson',
  'Wright',
  'Young',
];

export const FORENAMES_EN = [
  'Alice',
  'Daniel',
  'Emma',
  'George',
  'Helen',
  'James',
  'Laura',
  'Mark',
  'Peter',
  'Sarah',
  'Thomas',
  'William',
];
