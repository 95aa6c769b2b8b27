import type { Role } from '../infra/auth/actor.js';

/**
 * The demo province. Names and codes of real Thái Nguyên bodies are used for realism; codes other
 * than the province's own (000.00.00.H55) are illustrative, not the official list.
 */
export interface DemoAgency {
  key: string;
  parent?: string;
  code: string;
  adminCode: string;
  name: string;
  abbreviation: string;
  address: string;
  units: { key: string; name: string; abbreviation: string }[];
  users: { username: string; fullName: string; positionTitle: string; unit?: string; roles: Role[] }[];
}

export const DEMO_PASSWORD = 'demo';

export const DEMO_PROVINCE: DemoAgency[] = [
  {
    key: 'ubnd',
    code: '000.00.00.H55',
    adminCode: 'H55',
    name: 'Ủy ban nhân dân tỉnh Thái Nguyên',
    abbreviation: 'UBND',
    address: 'Số 18 đường Nha Trang, phường Phan Đình Phùng, tỉnh Thái Nguyên',
    units: [{ key: 'ld', name: 'Lãnh đạo UBND tỉnh', abbreviation: 'LĐ' }],
    users: [
      { username: 'vanthu.ubnd', fullName: 'Hoàng Thị Thu', positionTitle: 'Văn thư', roles: ['clerk'] },
      { username: 'chutich.ubnd', fullName: 'Trịnh Việt Hùng', positionTitle: 'Chủ tịch', unit: 'ld', roles: ['agency_head'] },
      { username: 'phochutich.ubnd', fullName: 'Đặng Xuân Trường', positionTitle: 'Phó Chủ tịch', unit: 'ld', roles: ['deputy_head'] },
    ],
  },
  {
    key: 'vp',
    parent: 'ubnd',
    code: '000.00.01.H55',
    adminCode: 'H55.01',
    name: 'Văn phòng Ủy ban nhân dân tỉnh Thái Nguyên',
    abbreviation: 'VP',
    address: 'Số 18 đường Nha Trang, phường Phan Đình Phùng, tỉnh Thái Nguyên',
    units: [
      { key: 'hctc', name: 'Phòng Hành chính - Tổ chức', abbreviation: 'HCTC' },
      { key: 'th', name: 'Phòng Tổng hợp', abbreviation: 'TH' },
    ],
    users: [
      { username: 'vanthu.vp', fullName: 'Lê Thị Hạnh', positionTitle: 'Văn thư', unit: 'hctc', roles: ['clerk'] },
      { username: 'chanhvanphong.vp', fullName: 'Nguyễn Quang Huy', positionTitle: 'Chánh Văn phòng', roles: ['agency_head'] },
      { username: 'chuyenvien.vp', fullName: 'Phạm Minh Tuấn', positionTitle: 'Chuyên viên', unit: 'th', roles: ['staff'] },
    ],
  },
  {
    key: 'snv',
    parent: 'ubnd',
    code: '000.00.05.H55',
    adminCode: 'H55.05',
    name: 'Sở Nội vụ tỉnh Thái Nguyên',
    abbreviation: 'SNV',
    address: 'Số 8 đường Hoàng Văn Thụ, phường Phan Đình Phùng, tỉnh Thái Nguyên',
    units: [
      { key: 'vp', name: 'Văn phòng Sở', abbreviation: 'VP' },
      { key: 'tcbc', name: 'Phòng Tổ chức, biên chế', abbreviation: 'TCBC' },
      { key: 'vtlt', name: 'Phòng Văn thư - Lưu trữ', abbreviation: 'VTLT' },
      { key: 'ttr', name: 'Thanh tra Sở', abbreviation: 'TTR' },
    ],
    users: [
      { username: 'admin', fullName: 'Quản trị hệ thống', positionTitle: 'Chuyên viên công nghệ thông tin', unit: 'vp', roles: ['admin'] },
      { username: 'vanthu.snv', fullName: 'Nguyễn Thị Lan', positionTitle: 'Văn thư', unit: 'vp', roles: ['clerk'] },
      { username: 'giamdoc.snv', fullName: 'Trần Văn Minh', positionTitle: 'Giám đốc', roles: ['agency_head'] },
      { username: 'phogiamdoc.snv', fullName: 'Vũ Thị Hồng', positionTitle: 'Phó Giám đốc', roles: ['deputy_head'] },
      { username: 'truongphong.snv', fullName: 'Lê Văn Hải', positionTitle: 'Trưởng phòng', unit: 'vtlt', roles: ['unit_head'] },
      { username: 'chuyenvien.snv', fullName: 'Phạm Thị Mai', positionTitle: 'Chuyên viên', unit: 'vtlt', roles: ['staff'] },
      { username: 'chuyenvien2.snv', fullName: 'Đỗ Văn Nam', positionTitle: 'Chuyên viên', unit: 'tcbc', roles: ['staff'] },
      { username: 'luutru.snv', fullName: 'Bùi Thị Ngọc', positionTitle: 'Lưu trữ viên', unit: 'vtlt', roles: ['archivist'] },
      { username: 'thanhtra.snv', fullName: 'Ngô Đức Thắng', positionTitle: 'Thanh tra viên', unit: 'ttr', roles: ['inspector'] },
    ],
  },
  {
    key: 'skhcn',
    parent: 'ubnd',
    code: '000.00.12.H55',
    adminCode: 'H55.12',
    name: 'Sở Khoa học và Công nghệ tỉnh Thái Nguyên',
    abbreviation: 'SKHCN',
    address: 'Số 513 đường Lương Ngọc Quyến, phường Phan Đình Phùng, tỉnh Thái Nguyên',
    units: [
      { key: 'vp', name: 'Văn phòng Sở', abbreviation: 'VP' },
      { key: 'qlkh', name: 'Phòng Quản lý khoa học', abbreviation: 'QLKH' },
    ],
    users: [
      { username: 'vanthu.skhcn', fullName: 'Dương Thị Thảo', positionTitle: 'Văn thư', unit: 'vp', roles: ['clerk'] },
      { username: 'giamdoc.skhcn', fullName: 'Hà Văn Long', positionTitle: 'Giám đốc', roles: ['agency_head'] },
      { username: 'chuyenvien.skhcn', fullName: 'Triệu Thị Hoa', positionTitle: 'Chuyên viên', unit: 'qlkh', roles: ['staff'] },
    ],
  },
  {
    key: 'stc',
    parent: 'ubnd',
    code: '000.00.08.H55',
    adminCode: 'H55.08',
    name: 'Sở Tài chính tỉnh Thái Nguyên',
    abbreviation: 'STC',
    address: 'Số 2 đường Hoàng Văn Thụ, phường Phan Đình Phùng, tỉnh Thái Nguyên',
    units: [
      { key: 'vp', name: 'Văn phòng Sở', abbreviation: 'VP' },
      { key: 'ns', name: 'Phòng Quản lý ngân sách', abbreviation: 'NS' },
    ],
    users: [
      { username: 'vanthu.stc', fullName: 'Ma Thị Liên', positionTitle: 'Văn thư', unit: 'vp', roles: ['clerk'] },
      { username: 'giamdoc.stc', fullName: 'Lương Văn Tài', positionTitle: 'Giám đốc', roles: ['agency_head'] },
      { username: 'truongphong.stc', fullName: 'Chu Thị Bích', positionTitle: 'Trưởng phòng', unit: 'ns', roles: ['unit_head'] },
    ],
  },
  {
    key: 'pdp',
    parent: 'ubnd',
    code: '000.00.31.H55',
    adminCode: 'H55.31',
    name: 'Ủy ban nhân dân phường Phan Đình Phùng',
    abbreviation: 'UBND',
    address: 'Phường Phan Đình Phùng, tỉnh Thái Nguyên',
    units: [{ key: 'vp', name: 'Văn phòng HĐND và UBND phường', abbreviation: 'VP' }],
    users: [
      { username: 'vanthu.pdp', fullName: 'Đinh Thị Yến', positionTitle: 'Văn thư', unit: 'vp', roles: ['clerk'] },
      { username: 'chutich.pdp', fullName: 'Lý Văn Bình', positionTitle: 'Chủ tịch', roles: ['agency_head'] },
    ],
  },
  {
    key: 'phubinh',
    parent: 'ubnd',
    code: '000.00.62.H55',
    adminCode: 'H55.62',
    name: 'Ủy ban nhân dân xã Phú Bình',
    abbreviation: 'UBND',
    address: 'Xã Phú Bình, tỉnh Thái Nguyên',
    units: [{ key: 'vp', name: 'Văn phòng HĐND và UBND xã', abbreviation: 'VP' }],
    users: [
      { username: 'vanthu.phubinh', fullName: 'Nông Thị Hằng', positionTitle: 'Văn thư', unit: 'vp', roles: ['clerk'] },
      { username: 'chutich.phubinh', fullName: 'Hoàng Văn Sơn', positionTitle: 'Chủ tịch', roles: ['agency_head'] },
    ],
  },
];
