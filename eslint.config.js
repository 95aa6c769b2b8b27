// The architecture's import rules, checked on every `npm test` (see docs/architecture.md).
// Type checking is tsc's job; ESLint here guards only what the compiler cannot see: which folder
// may import which.
import tsParser from '@typescript-eslint/parser';

const DOMAINS = ['agencies', 'users', 'registers', 'notifications', 'signing', 'incoming', 'outgoing', 'copies', 'demo'];
const domain = `(${DOMAINS.join('|')})`;
const TESTS = ['server/src/**/*.test.ts', 'server/src/**/testkit.ts', 'server/src/**/testing/**'];

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', 'web/**', 'e2e/**', 'server/bench/**', 'server/test/**'] },
  { files: ['server/src/**/*.ts'], languageOptions: { parser: tsParser } },
  {
    files: ['server/src/infra/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: `^(\\.\\./)+${domain}/`, message: 'infra/ is shared infrastructure and never imports a domain: pass what it needs in from the composition root (app.ts, runtime.ts).' }],
      }],
    },
  },
  {
    files: DOMAINS.map((d) => `server/src/${d}/**/*.ts`),
    ignores: TESTS,
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: `^(\\.\\./)+${domain}/(?!index\\.js$)`, message: 'Another domain is reached only through its index.ts.' }],
      }],
    },
  },
  {
    // Tests may also use another domain's test kit (fixtures built through its real functions).
    files: TESTS,
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: `^(\\.\\./)+${domain}/(?!index\\.js$|testkit\\.js$|testing/)`, message: 'A test reaches another domain through its index.ts or its test kit.' }],
      }],
    },
  },
];
