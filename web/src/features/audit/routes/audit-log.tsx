import { useState } from 'react';
import { Alert, Button, Card, Flex, Tabs, Typography } from 'antd';
import { PageHeader } from '@/components/page-header';
import { errorMessage } from '@/lib/api';
import { hasRole, useCurrentSession } from '@/lib/auth';
import { useAgencies } from '@/lib/directory';
import { useAuditLog, type AuditFilters } from '../api/audit';
import { AuditFiltersForm } from '../components/audit-filters-form';
import { AuditTable } from '../components/audit-table';
import { VerifyButton } from '../components/verify-button';
import { SecurityEventsPanel } from '../components/security-events-panel';

export default function AuditLogRoute() {
  const session = useCurrentSession();
  const wide = hasRole(session, 'admin', 'inspector');
  const [filters, setFilters] = useState<AuditFilters>({});
  const log = useAuditLog(filters);
  const agencies = useAgencies();
  const entries = log.data?.pages.flat() ?? [];

  return (
    <>
      <PageHeader
        title="Nhật ký hệ thống"
        description={wide ? 'Mọi thao tác trong hệ thống, mới nhất trước.' : `Thao tác trong ${session.agency.name}, mới nhất trước.`}
      />
      <Card>
        <Tabs
          items={[
            {
              key: 'log',
              label: 'Nhật ký thao tác',
              children: (
                <>
                  {hasRole(session, 'admin') && <VerifyButton />}
                  <AuditFiltersForm wide={wide} onChange={setFilters} />
                  {log.error ? (
                    <Alert type="error" showIcon title={errorMessage(log.error)} />
                  ) : (
                    <>
                      <AuditTable entries={entries} agencies={agencies.data} loading={log.isPending} />
                      <Flex justify="center" align="center" gap={16} style={{ marginTop: 16 }}>
                        <Typography.Text type="secondary">Đang hiển thị {entries.length} bản ghi</Typography.Text>
                        {log.hasNextPage && (
                          <Button onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
                            Xem thêm
                          </Button>
                        )}
                      </Flex>
                    </>
                  )}
                </>
              ),
            },
            { key: 'security', label: 'Sự kiện an ninh', children: <SecurityEventsPanel wide={wide} agencies={agencies.data} /> },
          ]}
        />
      </Card>
    </>
  );
}
