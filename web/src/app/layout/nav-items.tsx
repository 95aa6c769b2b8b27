import type { ReactNode } from 'react';
import type { MenuProps } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  CloudDownloadOutlined,
  ContainerOutlined,
  EditOutlined,
  FileDoneOutlined,
  FolderOpenOutlined,
  HomeOutlined,
  InboxOutlined,
  KeyOutlined,
  SignatureOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SendOutlined,
  SolutionOutlined,
  TeamOutlined,
  BookOutlined,
  DatabaseOutlined,
} from '@ant-design/icons';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import type { Role } from '@/config/roles';
import type { Session } from '@/types/api';

type MenuItem = NonNullable<MenuProps['items']>[number];

const item = (href: string, label: string, icon: ReactNode, testId: string): MenuItem => ({
  key: href,
  icon,
  label: (
    <Link to={href} data-testid={`nav-${testId}`}>
      {label}
    </Link>
  ),
});

const up = paths.upcoming;
const inc = paths.incoming;
const out = paths.outgoing;

/** What each role works on, in the order a person of that role would look for it. */
const ROLE_ITEMS: [Role[], MenuItem[]][] = [
  [
    ['clerk'],
    [
      item(inc.list.path, 'Văn bản đến', <InboxOutlined />, 'incoming'),
      item(inc.inbox.path, 'Văn bản điện tử nhận được', <CloudDownloadOutlined />, 'incoming-inbox'),
      item(out.list.path, 'Văn bản đi', <SendOutlined />, 'outgoing'),
      item(paths.registers.path, 'Sổ văn bản', <BookOutlined />, 'registers'),
    ],
  ],
  [
    ['agency_head', 'deputy_head'],
    [
      item(inc.awaitingDirection.path, 'Văn bản chờ chỉ đạo', <SolutionOutlined />, 'awaiting-direction'),
      item(out.awaitingSignature.path, 'Văn bản chờ ký', <EditOutlined />, 'awaiting-signature'),
      item(out.list.path, 'Văn bản đi', <SendOutlined />, 'outgoing'),
      item(paths.registers.path, 'Sổ văn bản', <BookOutlined />, 'registers'),
    ],
  ],
  [
    ['unit_head'],
    [
      item(inc.unitDocuments.path, 'Văn bản của đơn vị', <ProfileOutlined />, 'unit-documents'),
      item(out.draftsToReview.path, 'Dự thảo chờ duyệt', <FileDoneOutlined />, 'drafts-to-review'),
      item(out.list.path, 'Văn bản đi', <SendOutlined />, 'outgoing'),
    ],
  ],
  [
    ['staff'],
    [
      item(inc.myTasks.path, 'Việc của tôi', <CheckSquareOutlined />, 'my-tasks'),
      item(out.list.path, 'Văn bản đi', <SendOutlined />, 'outgoing'),
      item(up.caseFiles.path, 'Hồ sơ công việc', <FolderOpenOutlined />, 'case-files'),
    ],
  ],
  [
    ['archivist'],
    [
      item(up.archive.path, 'Kho lưu trữ', <DatabaseOutlined />, 'archive'),
      item(up.transfers.path, 'Hồ sơ nộp lưu', <ContainerOutlined />, 'transfers'),
    ],
  ],
  [['inspector'], [item(up.inspection.path, 'Thanh tra', <SafetyCertificateOutlined />, 'inspection')]],
];

export function buildNavItems(session: Session): MenuItem[] {
  const has = (...roles: Role[]) => roles.some((r) => session.roles.includes(r));
  const auditItem = item(paths.audit.path, 'Nhật ký hệ thống', <AuditOutlined />, 'audit');

  const items: MenuItem[] = [item(paths.home.path, 'Trang chủ', <HomeOutlined />, 'home')];
  // A person with several roles sees an entry they share (Văn bản đi) once.
  const seen = new Set<unknown>();
  for (const [roles, roleItems] of ROLE_ITEMS) {
    if (!has(...roles)) continue;
    for (const entry of roleItems) {
      if (seen.has(entry?.key)) continue;
      seen.add(entry?.key);
      items.push(entry);
    }
  }
  // The administrator finds the log under "Quản trị"; listing it twice would only confuse.
  if (has('agency_head', 'deputy_head', 'inspector') && !has('admin')) items.push(auditItem);

  if (has('admin')) {
    items.push({
      type: 'group',
      key: 'admin',
      label: <span data-testid="nav-admin-group">Quản trị</span>,
      children: [
        item(paths.admin.agencies.path, 'Cơ quan, đơn vị', <ApartmentOutlined />, 'admin-agencies'),
        item(paths.admin.users.path, 'Người dùng', <TeamOutlined />, 'admin-users'),
        item(paths.admin.calendar.path, 'Lịch làm việc', <CalendarOutlined />, 'admin-calendar'),
        item(paths.admin.jobs.path, 'Hàng đợi công việc', <ScheduleOutlined />, 'admin-jobs'),
        auditItem,
      ],
    });
  }

  items.push(
    { type: 'divider', key: 'personal-divider' },
    item(paths.agency.getHref(session.agency.id), 'Cơ quan của tôi', <BankOutlined />, 'my-agency'),
    item(paths.mySignature.path, 'Chữ ký số của tôi', <SignatureOutlined />, 'my-signature'),
    item(paths.changePassword.path, 'Đổi mật khẩu', <KeyOutlined />, 'change-password'),
  );
  return items;
}

/** The menu entry for a location: the longest matching link, with "/" matching only itself. */
export function selectedNavKey(pathname: string, items: MenuItem[]): string | undefined {
  const keys: string[] = [];
  const collect = (list: MenuItem[]) => {
    for (const entry of list) {
      if (!entry) continue;
      if ('children' in entry && entry.children) collect(entry.children as MenuItem[]);
      else if (typeof entry.key === 'string') keys.push(entry.key);
    }
  };
  collect(items);
  return keys
    .filter((key) => (key === '/' ? pathname === '/' : pathname === key || pathname.startsWith(`${key}/`)))
    .sort((a, b) => b.length - a.length)[0];
}
