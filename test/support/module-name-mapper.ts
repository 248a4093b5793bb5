// Mirrors the "paths" of tsconfig.json so jest resolves @hop-luu/* the way tsc does.
const libs = [
  'config',
  'database',
  'search-index',
  'observability',
  'platform',
  'oai-pmh',
  'records',
];

export const moduleNameMapper: Record<string, string> = Object.fromEntries(
  libs.map((lib) => [`^@hop-luu/${lib}$`, `<rootDir>/libs/${lib}/src`]),
);
