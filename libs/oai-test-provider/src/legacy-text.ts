/**
 * Text as partner servers really send it, for the `legacyText` modes and the text-repair
 * tests: European titles and names that must come through untouched, and Vietnamese text
 * in legacy encodings or double-encoded, with what it should become. The encoded forms
 * are literal (TCVN3/VNI from the published tables, double-encoded from Python's cp1252
 * codec), not produced by the code under test.
 */

/** German, French, Czech, Polish and other European titles: valid as written. */
export const EUROPEAN_TITLES = [
  'Das Maß der Dinge',
  'Grüße aus Köln',
  'Über die Größe der Fußballfelder',
  'Die Straße der Ölsucher',
  'TGF-ß signaling in fibrosis',
  'Schuß und Gegenschuß im Film',
  'Heißer Süden – Geschichte Vietnams',
  'Hôtel de Ville',
  'Café de Paris',
  'Où est passée la mémoire ?',
  'Le thé de Chine',
  'Noël à Hanoï',
  'Les Misérables',
  'Élève, maître et école',
  'Cœur de pirate',
  'Août 1945 à Saïgon',
  "L'Indochine française, 1858–1954",
  'Goût du thé et naïveté',
  'Thaï et Khmer',
  'Příliš žluťoučký kůň úpěl ďábelské ódy',
  'Malý princ',
  'Národní knihovna České republiky',
  'Nesnesitelná lehkost bytí',
  'Pan Tadeusz czyli ostatni zajazd na Litwie',
  'Zażółć gęślą jaźń',
  'Kraków i Łódź',
  'Más allá del año 2000',
  '¿Qué es la vida?',
  'Saúde pública em São Paulo',
  'Più di così',
  'Giù la testa',
  'Ærø og Søby',
  'Pimeä huone',
  'Col·lecció de poesia',
  'Geïnteresseerd in coördinatie',
  'Alþingi og Þingvellir',
];

/** European names: valid as written. */
export const EUROPEAN_NAMES = [
  'Maß, Sandra',
  'Voß, Johann Heinrich',
  'Strauß, Franz Josef',
  'Weiß, Günther',
  'Müller-Lüdenscheidt, Jörg',
  'Gößmann, Bärbel',
  'Loïc Dupont',
  'Hémery, Daniel',
  'Brocheux, Pierre',
  'Raphaël Lefèvre',
  'Zoë Noël',
  'Dvořák, Antonín',
  'Čapek, Karel',
  'Hašek, Jaroslav',
  'Miłosz, Czesław',
  'Szymborska, Wisława',
  'Wałęsa, Lech',
  'Józef Piłsudski',
  'Raúl García Márquez',
  'Søren Kierkegaard',
  'Åsa Öberg',
  'Þórður Guðmundsson',
];

/** One-line TCVN3 titles as read with Latin-1, and the Vietnamese they are. */
export const TCVN3_TITLES: ReadonlyArray<readonly [string, string]> = [
  ['Céng hßa x· héi chñ nghÜa ViÖt Nam', 'Cộng hòa xã hội chủ nghĩa Việt Nam'],
  ['LÞch sö ViÖt Nam tõ nguån gèc ®Õn n¨m 1858', 'Lịch sử Việt Nam từ nguồn gốc đến năm 1858'],
  ['Tr\u00adêng §¹i häc B¸ch khoa Hµ Néi', 'Trường Đại học Bách khoa Hà Nội'],
  ['TruyÖn KiÒu', 'Truyện Kiều'],
  ['V¨n hãa d©n gian Nam Bé', 'Văn hóa dân gian Nam Bộ'],
  ['Gi¸o tr×nh kinh tÕ häc vi m«', 'Giáo trình kinh tế học vi mô'],
  ['Nh÷ng vÊn ®Ò lý luËn v¨n häc', 'Những vấn đề lý luận văn học'],
  ['Hå ChÝ Minh toµn tËp', 'Hồ Chí Minh toàn tập'],
];

/** One-line VNI-Windows titles as read with Windows-1252, and the Vietnamese they are. */
export const VNI_TITLES: ReadonlyArray<readonly [string, string]> = [
  ['Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam', 'Cộng hòa xã hội chủ nghĩa Việt Nam'],
  [
    'Lòch söû Vieät Nam töø nguoàn goác ñeán naêm 1858',
    'Lịch sử Việt Nam từ nguồn gốc đến năm 1858',
  ],
  ['Tröôøng Ñaïi hoïc Baùch khoa Haø Noäi', 'Trường Đại học Bách khoa Hà Nội'],
  ['Truyeän Kieàu', 'Truyện Kiều'],
  ['Vaên hoùa daân gian Nam Boä', 'Văn hóa dân gian Nam Bộ'],
  ['Giaùo trình kinh teá hoïc vi moâ', 'Giáo trình kinh tế học vi mô'],
  ['Nhöõng vaán ñeà lyù luaän vaên hoïc', 'Những vấn đề lý luận văn học'],
  ['Hoà Chí Minh toaøn taäp', 'Hồ Chí Minh toàn tập'],
];

/** Legacy-encoded creators (TCVN3 then VNI), and who they are. */
export const LEGACY_CREATORS: ReadonlyArray<readonly [string, string]> = [
  ['NguyÔn Du', 'Nguyễn Du'],
  ['T« Hoµi', 'Tô Hoài'],
  ['Nguyeãn Du', 'Nguyễn Du'],
  ['Toâ Hoaøi', 'Tô Hoài'],
];

/** UTF-8 read as Windows-1252 and sent again as UTF-8, and the text it was. */
export const DOUBLE_ENCODED: ReadonlyArray<readonly [string, string]> = [
  ['Há»“ ChÃ\u00ad Minh', 'Hồ Chí Minh'],
  ['Lá»‹ch sá»\u00ad Viá»‡t Nam', 'Lịch sử Việt Nam'],
  ['Nguyá»…n Thá»‹ Minh Khai', 'Nguyễn Thị Minh Khai'],
  ['Les MisÃ©rables', 'Les Misérables'],
  ['Ã‰mile Zola', 'Émile Zola'],
  ['BibliothÃ¨que nationale de France', 'Bibliothèque nationale de France'],
  ['MÃ¼ller, JÃ¶rg', 'Müller, Jörg'],
  ['DvoÅ™Ã¡k, AntonÃ\u00adn', 'Dvořák, Antonín'],
  // Bytes 0x90 and 0x9D have no Windows-1252 letter and arrive as U+0090 / U+009D.
  ['Ä\u0090áº·ng Thai Mai', 'Đặng Thai Mai'],
  ['TrÆ°á»\u009dng Ä\u0090áº¡i há»\u008dc SÆ° pháº¡m', 'Trường Đại học Sư phạm'],
];

/** Provider mode `legacyText`: which kind of text every record's title and creator get. */
export type LegacyTextMode = 'european' | 'doubleEncoded' | 'tcvn3' | 'vni';

/** What the provider sends for one record, and what the catalogue should hold. */
export interface LegacyText {
  readonly title: readonly [sent: string, indexed: string];
  readonly creator: readonly [sent: string, indexed: string];
}

const same = (text: string): readonly [string, string] => [text, text];

/** The title and creator of record `index` in `mode` (cycling through the lists above). */
export function legacyTextFor(mode: LegacyTextMode, index: number): LegacyText {
  const at = <T>(list: readonly T[], offset = 0): T => list[(index + offset) % list.length];
  switch (mode) {
    case 'european':
      return { title: same(at(EUROPEAN_TITLES)), creator: same(at(EUROPEAN_NAMES)) };
    case 'doubleEncoded':
      return { title: at(DOUBLE_ENCODED), creator: at(DOUBLE_ENCODED, 3) };
    case 'tcvn3':
      return { title: at(TCVN3_TITLES), creator: at(LEGACY_CREATORS.slice(0, 2)) };
    case 'vni':
      return { title: at(VNI_TITLES), creator: at(LEGACY_CREATORS.slice(2)) };
  }
}
