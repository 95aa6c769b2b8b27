import { paths } from '@/config/paths';
import type { Role } from '@/config/roles';
import { FIGURES } from './use-figures';

export interface RoleCard {
  key: string;
  roles: Role[];
  title: string;
  duties: string[];
  /** Labels of the card's counts; those without a live figure yet show "—". */
  figures: string[];
  links: { label: string; href: string }[];
}

const up = paths.upcoming;
const inc = paths.incoming;
const out = paths.outgoing;

/** What each role is responsible for under the Regulation, phrased as that person's daily work. */
export const ROLE_CARDS: RoleCard[] = [
  {
    key: 'clerk',
    roles: ['clerk'],
    title: 'Công tác văn thư',
    duties: ['Tiếp nhận, đăng ký văn bản đến', 'Cấp số, phát hành văn bản đi', 'Quản lý sổ văn bản và con dấu'],
    figures: [FIGURES.numbersIssued, FIGURES.late, 'Văn bản đi chờ phát hành'],
    links: [
      { label: 'Văn bản đến', href: inc.list.getHref() },
      { label: 'Văn bản đi', href: out.list.getHref() },
      { label: 'Sổ văn bản', href: paths.registers.getHref() },
    ],
  },
  {
    key: 'leader',
    roles: ['agency_head', 'deputy_head'],
    title: 'Lãnh đạo cơ quan',
    duties: ['Cho ý kiến chỉ đạo giải quyết văn bản đến', 'Ký ban hành văn bản đi', 'Theo dõi nhật ký hoạt động của cơ quan'],
    figures: [FIGURES.awaitingDirection, 'Văn bản chờ ký'],
    links: [
      { label: 'Văn bản chờ chỉ đạo', href: inc.awaitingDirection.getHref() },
      { label: 'Văn bản chờ ký', href: out.awaitingSignature.getHref() },
      { label: 'Nhật ký hệ thống', href: paths.audit.getHref() },
    ],
  },
  {
    key: 'unit_head',
    roles: ['unit_head'],
    title: 'Lãnh đạo đơn vị',
    duties: ['Phân công chuyên viên giải quyết văn bản', 'Duyệt dự thảo văn bản của đơn vị'],
    figures: [FIGURES.unitToAssign, 'Dự thảo chờ duyệt'],
    links: [
      { label: 'Văn bản của đơn vị', href: inc.unitDocuments.getHref() },
      { label: 'Dự thảo chờ duyệt', href: out.draftsToReview.getHref() },
    ],
  },
  {
    key: 'staff',
    roles: ['staff'],
    title: 'Chuyên viên',
    duties: ['Giải quyết văn bản được giao', 'Soạn thảo dự thảo văn bản', 'Lập hồ sơ công việc'],
    figures: [FIGURES.myOpen, FIGURES.myDue],
    links: [
      { label: 'Việc của tôi', href: inc.myTasks.getHref() },
      { label: 'Hồ sơ công việc', href: up.caseFiles.getHref() },
    ],
  },
  {
    key: 'archivist',
    roles: ['archivist'],
    title: 'Lưu trữ',
    duties: ['Tiếp nhận hồ sơ nộp lưu', 'Bảo quản, tra cứu tài liệu lưu trữ'],
    figures: ['Hồ sơ chờ tiếp nhận', 'Hồ sơ trong kho'],
    links: [
      { label: 'Kho lưu trữ', href: up.archive.getHref() },
      { label: 'Hồ sơ nộp lưu', href: up.transfers.getHref() },
    ],
  },
  {
    key: 'inspector',
    roles: ['inspector'],
    title: 'Thanh tra',
    duties: ['Thanh tra, kiểm tra công tác văn thư, lưu trữ trong toàn tỉnh', 'Tra cứu nhật ký hệ thống của mọi cơ quan'],
    figures: ['Cuộc thanh tra đang thực hiện'],
    links: [
      { label: 'Thanh tra', href: up.inspection.getHref() },
      { label: 'Nhật ký hệ thống', href: paths.audit.getHref() },
    ],
  },
  {
    key: 'admin',
    roles: ['admin'],
    title: 'Quản trị hệ thống',
    duties: ['Quản lý danh mục cơ quan, đơn vị', 'Quản lý tài khoản người dùng và vai trò', 'Khai báo lịch làm việc, ngày nghỉ', 'Kiểm tra tính toàn vẹn của nhật ký'],
    figures: [],
    links: [
      { label: 'Cơ quan, đơn vị', href: paths.admin.agencies.getHref() },
      { label: 'Người dùng', href: paths.admin.users.getHref() },
      { label: 'Lịch làm việc', href: paths.admin.calendar.getHref() },
      { label: 'Nhật ký hệ thống', href: paths.audit.getHref() },
    ],
  },
];
