import { useState } from 'react';
import { Alert, Button, Card, Result, Space } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { paths } from '@/config/paths';
import { FullPageSpinner } from '@/components/full-page-spinner';
import { LinkButton } from '@/components/link-button';
import { PageHeader } from '@/components/page-header';
import { errorMessage, isApiError } from '@/lib/api';
import { hasRole, useCurrentSession } from '@/lib/auth';
import { useAgency, useUsers } from '@/lib/directory';
import type { Unit } from '@/types/api';
import { AgencyFormModal } from '../components/agency-form-modal';
import { AgencyInfo } from '../components/agency-info';
import { PeopleTable } from '../components/people-table';
import { UnitFormModal } from '../components/unit-form-modal';
import { UnitsTable } from '../components/units-table';
import { SealCard } from '@/features/signing/components/seal-card';

/** One agency: its details, units and people. Editable by the system administrator only. */
export default function AgencyRoute() {
  const { id } = useParams<{ id: string }>();
  const session = useCurrentSession();
  const isAdmin = hasRole(session, 'admin');
  const agency = useAgency(id);
  // Not asked until the agency answered, so a refused agency does not cause a second refusal.
  const people = useUsers(id, !!agency.data);
  const [editingAgency, setEditingAgency] = useState(false);
  const [editingUnit, setEditingUnit] = useState<Unit | null | undefined>(undefined);

  if (agency.isPending) return <FullPageSpinner />;
  if (isApiError(agency.error, 404)) {
    return (
      <Result
        status="404"
        title="Không tìm thấy cơ quan"
        subTitle="Không tìm thấy cơ quan hoặc bạn không có quyền truy cập."
        extra={
          <LinkButton type="primary" to={paths.agency.getHref(session.agency.id)}>Về cơ quan của tôi</LinkButton>
        }
        data-testid="agency-not-found"
      />
    );
  }
  if (agency.error) return <Alert type="error" showIcon title={errorMessage(agency.error)} />;

  const detail = agency.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader
        title={detail.name}
        description={detail.id === session.agency.id ? 'Cơ quan của tôi' : undefined}
        extra={
          isAdmin && (
            <Button icon={<EditOutlined />} onClick={() => setEditingAgency(true)}>
              Sửa thông tin
            </Button>
          )
        }
      />
      <Card title="Thông tin cơ quan">
        <AgencyInfo agency={detail} />
      </Card>
      <Card
        title={`Đơn vị (${detail.units.length})`}
        extra={
          isAdmin && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditingUnit(null)}>
              Thêm đơn vị
            </Button>
          )
        }
      >
        <UnitsTable units={detail.units} people={people.data} onEdit={isAdmin ? setEditingUnit : undefined} />
      </Card>
      <Card title={`Cán bộ, công chức${people.data ? ` (${people.data.length})` : ''}`}>
        {people.error ? <Alert type="error" showIcon title={errorMessage(people.error)} /> : <PeopleTable people={people.data} units={detail.units} loading={people.isPending} />}
      </Card>
      {isAdmin && <SealCard agencyId={detail.id} isOwnAgency={detail.id === session.agency.id} />}
      {editingAgency && <AgencyFormModal agency={detail} onDone={() => setEditingAgency(false)} />}
      {editingUnit !== undefined && <UnitFormModal agencyId={detail.id} unit={editingUnit ?? undefined} onDone={() => setEditingUnit(undefined)} />}
    </Space>
  );
}
