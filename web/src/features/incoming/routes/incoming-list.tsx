import { Alert, Badge, Button, Card, Flex, Segmented, Typography } from 'antd';
import { CloudDownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { paths } from '@/config/paths';
import { LinkButton } from '@/components/link-button';
import { PageHeader } from '@/components/page-header';
import { errorMessage } from '@/lib/api';
import { hasRole, useCurrentSession } from '@/lib/auth';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { useIncomingList, useLateDocuments } from '../api/incoming';
import { IncomingFiltersBar } from '../components/incoming-filters';
import { IncomingTable } from '../components/incoming-table';
import { LateTable } from '../components/late-table';
import { PrintButtons } from '../components/print-buttons';
import { useListParams, type Queue } from '../components/use-list-params';

/** Queues the list API cannot serve yet: it does not return each document's routing state. */
const NEEDS_ROUTING_STATE = 'Chưa có: danh sách văn bản đến của máy chủ chưa cho biết trạng thái trình, chỉ đạo của từng văn bản.';

export default function IncomingListRoute() {
  const session = useCurrentSession();
  const [params, setParams] = useListParams();
  const q = useDebouncedValue(params.search.trim());
  const list = useIncomingList({ ...params.filters, q: q || undefined }, params.queue === 'all');
  const late = useLateDocuments(params.filters.year);
  const documents = list.data?.pages.flat();

  const queueOptions = [
    { value: 'all' as Queue, label: 'Tất cả' },
    { value: 'toPresent' as Queue, label: 'Chờ trình', disabled: true, tooltip: NEEDS_ROUTING_STATE },
    { value: 'returned' as Queue, label: 'Bị trả lại', disabled: true, tooltip: NEEDS_ROUTING_STATE },
    {
      value: 'late' as Queue,
      label: (
        <span>
          Đăng ký, trình muộn <Badge count={late.data?.length ?? 0} size="small" />
        </span>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="Văn bản đến"
        description={`Sổ đăng ký văn bản đến của ${session.agency.name}, số đến mới nhất trước.`}
        extra={
          <>
            {hasRole(session, 'clerk') && (
              <LinkButton icon={<CloudDownloadOutlined />} to={paths.incoming.inbox.getHref()} data-testid="incoming-inbox">
                Văn bản điện tử nhận được
              </LinkButton>
            )}
            {hasRole(session, 'clerk') && (
              <LinkButton type="primary" icon={<PlusOutlined />} to={paths.incoming.register.getHref()} data-testid="register-incoming">
                Đăng ký văn bản đến
              </LinkButton>
            )}
            <PrintButtons year={params.filters.year} fromNumber={params.filters.fromNumber} toNumber={params.filters.toNumber} />
          </>
        }
      />
      <Card>
        <Segmented<Queue>
          options={queueOptions}
          value={params.queue}
          onChange={(queue) => setParams({ queue })}
          style={{ marginBottom: 16 }}
          data-testid="incoming-queues"
        />
        <IncomingFiltersBar value={params} onChange={setParams} yearOnly={params.queue === 'late'} />
        {params.queue === 'late' ? (
          late.error ? (
            <Alert type="error" showIcon title={errorMessage(late.error)} />
          ) : late.data === null ? (
            <Alert type="info" showIcon title="Máy chủ chưa hỗ trợ báo cáo văn bản đăng ký, trình muộn." />
          ) : (
            <LateTable documents={late.data} loading={late.isPending} />
          )
        ) : list.error ? (
          <Alert type="error" showIcon title={errorMessage(list.error)} />
        ) : (
          <>
            <IncomingTable documents={documents} loading={list.isPending} />
            <Flex justify="center" align="center" gap={16} style={{ marginTop: 16 }}>
              <Typography.Text type="secondary">{documents ? `Đang hiển thị ${documents.length} văn bản` : ''}</Typography.Text>
              {list.hasNextPage && (
                <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                  Xem thêm
                </Button>
              )}
            </Flex>
          </>
        )}
      </Card>
    </>
  );
}
