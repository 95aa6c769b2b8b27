import { App, Button, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { roleLabel } from '@/config/roles';
import { errorMessage } from '@/lib/api';
import { compareVietnameseNames } from '@/lib/names';
import type { Unit, User } from '@/types/api';
import { useLoginLocks, useUnlockLogin, useUpdateUser, type LoginLock } from '../api/users';

interface Props {
  users: User[] | undefined;
  units: Unit[];
  loading: boolean;
  currentUserId: string;
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
}

export function UsersTable({ users, units, loading, currentUserId, onEdit, onResetPassword }: Props) {
  const update = useUpdateUser();
  const locks = useLoginLocks();
  const unlockLogin = useUnlockLogin();
  const { modal, message } = App.useApp();
  const locksOf = (username: string): LoginLock[] => (locks.data ?? []).filter((l) => l.username === username);

  const unlock = (user: User) =>
    unlockLogin
      .mutateAsync(user.id)
      .then(() => void message.success(`Đã gỡ tạm khóa đăng nhập của ${user.username}; người dùng được thông báo.`))
      .catch((error: unknown) => void message.error(errorMessage(error)));
  const unitName = new Map(units.map((u) => [u.id, u.name]));

  const toggle = (user: User) => {
    const locking = !user.disabled;
    modal.confirm({
      title: locking ? `Khóa tài khoản ${user.username}?` : `Mở khóa tài khoản ${user.username}?`,
      content: locking ? 'Người dùng sẽ bị đăng xuất và không đăng nhập được cho đến khi mở khóa.' : undefined,
      okText: locking ? 'Khóa tài khoản' : 'Mở khóa',
      okButtonProps: { danger: locking },
      cancelText: 'Hủy',
      onOk: () =>
        update
          .mutateAsync({ id: user.id, patch: { disabled: locking } })
          .then(() => void message.success(locking ? 'Đã khóa tài khoản.' : 'Đã mở khóa tài khoản.'))
          .catch((error: unknown) => void message.error(errorMessage(error))),
    });
  };

  const columns: TableColumnsType<User> = [
    {
      title: 'Họ và tên',
      dataIndex: 'fullName',
      width: 190,
      defaultSortOrder: 'ascend',
      sorter: (a, b) => compareVietnameseNames(a.fullName, b.fullName),
      render: (name: string, user) => (
        <>
          <Typography.Text strong={!user.disabled} delete={user.disabled}>
            {name}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {user.username}
          </Typography.Text>
        </>
      ),
    },
    { title: 'Chức vụ', dataIndex: 'positionTitle', width: 150, render: (v: string | null) => v ?? '—' },
    { title: 'Đơn vị', dataIndex: 'unitId', width: 170, render: (id: string | null) => (id ? (unitName.get(id) ?? '—') : '—') },
    {
      title: 'Vai trò',
      dataIndex: 'roles',
      render: (roles: string[]) => (
        <Space size={[4, 4]} wrap>
          {roles.map((r) => (
            <Tag key={r} color={r === 'admin' ? 'red' : 'blue'}>
              {roleLabel(r)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: 'Trạng thái',
      dataIndex: 'disabled',
      width: 150,
      render: (d: boolean, user) => {
        const held = locksOf(user.username);
        return (
          <Space size={[4, 4]} wrap>
            {d ? <Tag>Đã khóa</Tag> : <Tag color="green">Hoạt động</Tag>}
            {held.length > 0 && (
              <Tooltip
                title={held
                  .map((l) => (l.kind === 'locked' ? `Khóa đăng nhập từ ${l.ip} đến ${dayjs(l.until).format('HH:mm DD/MM')}` : `Máy lạ phải chờ giữa các lần thử (đến ${dayjs(l.until).format('HH:mm DD/MM')})`))
                  .join('; ')}
              >
                <Tag color="volcano" data-testid={`login-lock-${user.username}`}>
                  Tạm khóa đăng nhập
                </Tag>
              </Tooltip>
            )}
          </Space>
        );
      },
    },
    {
      title: 'Thao tác',
      key: 'actions',
      width: 300,
      fixed: 'right',
      render: (_: unknown, user) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => onEdit(user)}>
            Sửa
          </Button>
          <Button type="link" size="small" onClick={() => onResetPassword(user)}>
            Đặt lại mật khẩu
          </Button>
          {locksOf(user.username).length > 0 && (
            <Button type="link" size="small" loading={unlockLogin.isPending && unlockLogin.variables === user.id} onClick={() => void unlock(user)} data-testid={`unlock-login-${user.username}`}>
              Gỡ tạm khóa đăng nhập
            </Button>
          )}
          {/* Locking oneself out would leave nobody to undo it. */}
          {user.id !== currentUserId && (
            <Button type="link" size="small" danger={!user.disabled} onClick={() => toggle(user)}>
              {user.disabled ? 'Mở khóa' : 'Khóa'}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Table<User>
      rowKey="id"
      columns={columns}
      dataSource={users}
      loading={loading}
      pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => `${total} người dùng` }}
      scroll={{ x: 1140 }}
      data-testid="users-table"
    />
  );
}
