import { useState } from 'react';
import { Alert, Button, Card } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PageHeader } from '@/components/page-header';
import { errorMessage } from '@/lib/api';
import { useAgencies } from '@/lib/directory';
import type { Agency } from '@/types/api';
import { AgencyFormModal } from '../components/agency-form-modal';
import { AgencyTreeTable } from '../components/agency-tree-table';

/** The province's directory of agencies, as a tree following the reporting line. */
export default function AgenciesAdminRoute() {
  const agencies = useAgencies();
  // undefined: no dialog; null: creating; an agency: editing it.
  const [editing, setEditing] = useState<Agency | null | undefined>(undefined);

  return (
    <>
      <PageHeader
        title="Cơ quan, đơn vị"
        description="Danh mục cơ quan trong hệ thống. Chọn tên cơ quan để quản lý các đơn vị bên trong."
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            Thêm cơ quan
          </Button>
        }
      />
      <Card>
        {agencies.error ? (
          <Alert type="error" showIcon title={errorMessage(agencies.error)} />
        ) : agencies.data ? (
          <AgencyTreeTable agencies={agencies.data} onEdit={setEditing} />
        ) : (
          <Card loading variant="borderless" />
        )}
      </Card>
      {editing !== undefined && <AgencyFormModal agency={editing ?? undefined} onDone={() => setEditing(undefined)} />}
    </>
  );
}
