import type { ReactNode } from 'react';
import { Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { RoleCard } from './role-cards';
import type { Figure } from './use-figures';

export function RoleCardView({ card, figures, extraFigures }: { card: RoleCard; figures?: Record<string, Figure>; extraFigures?: ReactNode }) {
  return (
    <Card title={card.title} style={{ height: '100%' }} data-testid={`dashboard-card-${card.key}`}>
      {(card.figures.length > 0 || extraFigures) && (
        <Row gutter={16} style={{ marginBottom: 16 }}>
          {card.figures.map((label) => (
            <Col key={label} span={card.figures.length >= 3 ? 8 : 12}>
              <Statistic title={label} value={figures?.[label]?.value ?? '—'} loading={figures?.[label]?.loading} />
            </Col>
          ))}
          {extraFigures}
        </Row>
      )}
      <ul style={{ paddingLeft: 20, margin: '0 0 16px' }}>
        {card.duties.map((duty) => (
          <li key={duty}>
            <Typography.Text>{duty}</Typography.Text>
          </li>
        ))}
      </ul>
      <Flex gap={16} wrap>
        {card.links.map((link) => (
          <Link key={link.href + link.label} to={link.href}>
            {link.label} <RightOutlined style={{ fontSize: 10 }} />
          </Link>
        ))}
      </Flex>
    </Card>
  );
}
