/**
 * Every URL of the UI in one place. Vietnamese slugs because people read and share these links;
 * `path` is the router pattern, `getHref` builds a concrete link.
 */
const fixed = (path: string) => ({ path, getHref: () => path });

export const paths = {
  login: {
    path: '/dang-nhap',
    getHref: (next?: string) => (next && next !== '/' ? `/dang-nhap?next=${encodeURIComponent(next)}` : '/dang-nhap'),
  },
  home: fixed('/'),
  agency: { path: '/co-quan/:id', getHref: (id: string) => `/co-quan/${encodeURIComponent(id)}` },
  changePassword: fixed('/doi-mat-khau'),
  mySignature: fixed('/chu-ky-so'),
  registers: fixed('/so-van-ban'),
  audit: fixed('/nhat-ky'),
  incoming: {
    list: fixed('/van-ban-den'),
    register: fixed('/van-ban-den/dang-ky'),
    detail: { path: '/van-ban-den/:id', getHref: (id: string) => `/van-ban-den/${encodeURIComponent(id)}` },
    awaitingDirection: fixed('/cho-chi-dao'),
    unitDocuments: fixed('/van-ban-don-vi'),
    myTasks: fixed('/viec-cua-toi'),
    inbox: fixed('/van-ban-den/dien-tu'),
  },
  outgoing: {
    list: fixed('/van-ban-di'),
    compose: fixed('/van-ban-di/soan-thao'),
    detail: { path: '/van-ban-di/:id', getHref: (id: string) => `/van-ban-di/${encodeURIComponent(id)}` },
    awaitingSignature: fixed('/cho-ky'),
    draftsToReview: fixed('/du-thao-cho-duyet'),
  },
  admin: {
    agencies: fixed('/quan-tri/co-quan'),
    users: fixed('/quan-tri/nguoi-dung'),
    calendar: fixed('/quan-tri/lich-lam-viec'),
    jobs: fixed('/quan-tri/hang-doi-cong-viec'),
  },
  // Screens that later issues build; until then each shows an "under construction" page.
  upcoming: {
    caseFiles: fixed('/ho-so-cong-viec'),
    archive: fixed('/kho-luu-tru'),
    transfers: fixed('/ho-so-nop-luu'),
    inspection: fixed('/thanh-tra'),
  },
} as const;

export type UpcomingKey = keyof typeof paths.upcoming;

export const UPCOMING_TITLES: Record<UpcomingKey, string> = {
  caseFiles: 'Hồ sơ công việc',
  archive: 'Kho lưu trữ',
  transfers: 'Hồ sơ nộp lưu',
  inspection: 'Thanh tra',
};
