import { useState } from 'react';
import { Alert, Button, Card, Flex, Input, Select } from 'antd';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { errorMessage } from '@/lib/api';
import { useCurrentSession } from '@/lib/auth';
import { agencyOptions, useAgencies, useAgency, useUsers } from '@/lib/directory';
import { foldVietnamese as fold } from '@/lib/names';
import type { User } from '@/types/api';
import { ResetPasswordModal } from '../components/reset-password-modal';
import { UserFormModal } from '../components/user-form-modal';
import { UsersTable } from '../components/users-table';

export default function UsersAdminRoute() {
  const session = useCurrentSession();
  // The chosen agency lives in the URL so a filtered list can be bookmarked or shared.
  const [params, setParams] = useSearchParams();
  const agencyId = params.get('coQuan') ?? session.agency.id;
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<User | null | undefined>(undefined);
  const [resetting, setResetting] = useState<User | undefined>(undefined);

  const agencies = useAgencies();
  const agency = useAgency(agencyId);
  const users = useUsers(agencyId);

  const needle = fold(search.trim());
  const shown = needle ? users.data?.filter((u) => fold(`${u.fullName} ${u.username} ${u.positionTitle ?? ''}`).includes(needle)) : users.data;

  return (
    <>
      <PageHeader
        title="Người dùng"
        description="Tài khoản của cán bộ, công chức theo từng cơ quan."
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="add-user">
            Thêm người dùng
          </Button>
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Select
            aria-label="Lọc theo cơ quan"
            style={{ minWidth: 320, flex: '1 1 320px', maxWidth: 520 }}
            value={agencyId}
            showSearch={{ optionFilterProp: 'label' }}
            options={agencyOptions(agencies.data, true)}
            loading={agencies.isPending}
            onChange={(id: string) => setParams(id === session.agency.id ? {} : { coQuan: id })}
            data-testid="agency-filter"
          />
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder="Tìm theo họ tên, tên đăng nhập, chức vụ"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ flex: '1 1 260px', maxWidth: 400 }}
          />
        </Flex>
        {users.error ? (
          <Alert type="error" showIcon title={errorMessage(users.error)} />
        ) : (
          <UsersTable
            users={shown}
            units={agency.data?.units ?? []}
            loading={users.isPending}
            currentUserId={session.user.id}
            onEdit={setEditing}
            onResetPassword={setResetting}
          />
        )}
      </Card>
      {editing !== undefined && <UserFormModal user={editing ?? undefined} defaultAgencyId={agencyId} onDone={() => setEditing(undefined)} />}
      {resetting && <ResetPasswordModal user={resetting} onDone={() => setResetting(undefined)} />}
    </>
  );
}
