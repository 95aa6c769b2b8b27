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
import { queueFilters, useListParams, type Queue } from '../components/use-list-params';

const EMPTY_TEXT: Record<Queue, string> = {
  all: 'Chưa có văn bản đến nào phù hợp',
  toPresent: 'Không có văn bản nào chờ trình lãnh đạo',
  returned: 'Không có văn bản nào bị trả lại',
  late: '',
};

export default function IncomingListRoute() {
  const session = useCurrentSession();
  const [params, setParams] = useListParams();
  const q = useDebouncedValue(params.search.trim());
  const list = useIncomingList({ ...params.filters, q: q || undefined, ...queueFilters(params.queue) }, params.queue !== 'late');
  const late = useLateDocuments(params.filters.year);
  const documents = list.data?.pages.flat();

  const queueOptions = [
    { value: 'all' as Queue, label: 'Tất cả' },
    { value: 'toPresent' as Queue, label: 'Chờ trình', tooltip: 'Văn bản đã đăng ký, chưa trình lãnh đạo' },
    { value: 'returned' as Queue, label: 'Bị trả lại', tooltip: 'Lãnh đạo đã trả lại văn thư, chưa trình lại' },
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
            <PrintButtons
              year={params.filters.year}
              fromNumber={params.filters.fromNumber}
              toNumber={params.filters.toNumber}
              fromDate={params.filters.fromDate}
              toDate={params.filters.toDate}
            />
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
        <IncomingFiltersBar value={params} onChange={setParams} yearOnly={params.queue === 'late'} hideStatus={params.queue === 'toPresent' || params.queue === 'returned'} />
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
            <IncomingTable documents={documents} loading={list.isPending} emptyText={EMPTY_TEXT[params.queue]} />
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
