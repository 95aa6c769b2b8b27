import { Space, Table, Tag, type TableColumnsType } from 'antd';
import { roleLabel } from '@/config/roles';
import { compareVietnameseNames } from '@/lib/names';
import type { Unit, User } from '@/types/api';

export function PeopleTable({ people, units, loading }: { people: User[] | undefined; units: Unit[]; loading: boolean }) {
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const columns: TableColumnsType<User> = [
    { title: 'Họ và tên', dataIndex: 'fullName', defaultSortOrder: 'ascend', sorter: (a, b) => compareVietnameseNames(a.fullName, b.fullName) },
    { title: 'Chức vụ', dataIndex: 'positionTitle', render: (v: string | null) => v ?? '—' },
    { title: 'Đơn vị', dataIndex: 'unitId', render: (id: string | null) => (id ? (unitName.get(id) ?? '—') : '—') },
    {
      title: 'Vai trò',
      dataIndex: 'roles',
      render: (roles: string[]) => (
        <Space size={[4, 4]} wrap>
          {roles.map((r) => (
            <Tag key={r}>{roleLabel(r)}</Tag>
          ))}
        </Space>
      ),
    },
    { title: 'Liên hệ', key: 'contact', render: (_: unknown, u) => [u.email, u.phone].filter(Boolean).join(' · ') || '—' },
    { title: 'Trạng thái', dataIndex: 'disabled', width: 130, render: (d: boolean) => (d ? <Tag>Đã khóa</Tag> : <Tag color="green">Hoạt động</Tag>) },
  ];
  return (
    <Table<User>
      rowKey="id"
      columns={columns}
      dataSource={people}
      loading={loading}
      size="middle"
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 800 }}
      data-testid="people-table"
    />
  );
}
