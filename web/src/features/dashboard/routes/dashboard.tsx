import { Card, Col, Row, Space, Statistic, Tag, Typography } from 'antd';
import { roleLabel } from '@/config/roles';
import { hasRole, useCurrentSession } from '@/lib/auth';
import { useAgencies } from '@/lib/directory';
import { ROLE_CARDS } from '../components/role-cards';
import { RoleCardView } from '../components/role-card-view';
import { useFigures } from '../components/use-figures';

function AgencyCount() {
  const agencies = useAgencies();
  const active = agencies.data?.filter((a) => !a.disabled).length;
  return (
    <Col span={12}>
      <Statistic title="Cơ quan đang hoạt động" value={active ?? '—'} loading={agencies.isPending} />
    </Col>
  );
}

export default function DashboardRoute() {
  const session = useCurrentSession();
  const cards = ROLE_CARDS.filter((card) => hasRole(session, ...card.roles));
  const figures = useFigures(session);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Xin chào, {session.user.fullName}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 12px' }}>
          {[session.user.positionTitle, session.unit?.name, session.agency.name].filter(Boolean).join(' — ')}
        </Typography.Paragraph>
        <Space size={[4, 4]} wrap>
          {session.roles.map((role) => (
            <Tag key={role} color="blue">
              {roleLabel(role)}
            </Tag>
          ))}
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        {cards.map((card) => (
          <Col key={card.key} xs={24} lg={12} xxl={8}>
            <RoleCardView card={card} figures={figures} extraFigures={card.key === 'admin' ? <AgencyCount /> : undefined} />
          </Col>
        ))}
      </Row>
    </Space>
  );
}
