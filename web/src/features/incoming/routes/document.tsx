import { Alert, Card, Col, Row, Space } from 'antd';
import { useParams } from 'react-router';
import { paths } from '@/config/paths';
import { FullPageSpinner } from '@/components/full-page-spinner';
import { isNotFound, NotFoundResult } from '@/components/not-found-result';
import { PageHeader } from '@/components/page-header';
import { errorMessage } from '@/lib/api';
import { useCurrentSession } from '@/lib/auth';
import { useAgencyDirectory } from '@/lib/directory';
import { useIncoming } from '../api/incoming';
import { useRouting, useTimeline } from '../api/routing';
import { DocumentActions } from '../components/document-actions';
import { DocumentFiles } from '../components/document-files';
import { DocumentInfo } from '../components/document-info';
import { formatDateTime } from '../components/format';
import { RecallNotice } from '../components/recall-notice';
import { ReturnedNotice } from '../components/returned-notice';
import { RoutingPanel } from '../components/routing-panel';
import { SlipButton } from '../components/slip-button';
import { StatusTag, UrgencyTag } from '../components/tags';
import { TimelineCard } from '../components/timeline-card';
import { VerificationPanel } from '@/features/signing/components/verification-panel';
import { CopiesCard } from '@/features/copies/components/copies-card';

/** One incoming document: its entry, files, direction and assignments, and every step so far. */
export default function IncomingDocumentRoute() {
  const { id } = useParams<{ id: string }>();
  const session = useCurrentSession();
  const doc = useIncoming(id);
  const routing = useRouting(id);
  const timeline = useTimeline(id);
  const directory = useAgencyDirectory(session.agency.id);

  if (doc.isPending) return <FullPageSpinner />;
  if (isNotFound(doc.error)) return <NotFoundResult title="Không tìm thấy văn bản đến" backHref={paths.incoming.list.getHref()} backText="Về danh sách văn bản đến" />;
  if (doc.error) return <Alert type="error" showIcon title={errorMessage(doc.error)} />;

  const d = doc.data;
  const mainFileId = d.files.find((f) => f.role === 'main')?.fileId;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader
        title={
          <Space wrap>
            <span data-testid="document-title">Văn bản đến số {d.arrivalNumber}</span>
            {d.urgency > 0 && <UrgencyTag urgency={d.urgency} label={d.urgencyLabel} />}
            {d.status === 'cancelled' && <StatusTag status={d.status} />}
          </Space>
        }
        description={d.subject}
        extra={
          <>
            <DocumentActions doc={d} routing={routing.data} />
            <SlipButton doc={d} />
          </>
        }
      />
      <RecallNotice doc={d} />
      {d.status === 'cancelled' && (
        <Alert type="warning" showIcon title={`Đã hủy đăng ký lúc ${formatDateTime(d.cancelledAt)}`} description={d.cancelReason ? `Lý do: ${d.cancelReason}` : undefined} />
      )}
      <ReturnedNotice routing={routing.data} events={timeline.data} directory={directory} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title="Thông tin văn bản">
              <DocumentInfo doc={d} registeredByName={directory.personName(d.registeredBy)} />
            </Card>
            <Card title="Tệp văn bản">
              <DocumentFiles files={d.files} />
            </Card>
            {mainFileId && <CopiesCard incomingId={d.id} paper={d.source === 'paper'} open={d.status === 'registered' && !d.recall} />}
            {mainFileId && d.signatureCheck !== 'not_applicable' && (
              <Card title="Chữ ký số">
                <VerificationPanel fileId={mainFileId} />
              </Card>
            )}
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Card title="Quá trình xử lý">
            {timeline.error ? <Alert type="error" showIcon title={errorMessage(timeline.error)} /> : timeline.data ? <TimelineCard events={timeline.data} directory={directory} /> : <Card loading variant="borderless" />}
          </Card>
        </Col>
      </Row>
      <Card title="Chỉ đạo, phân công xử lý">
        {routing.error ? <Alert type="error" showIcon title={errorMessage(routing.error)} /> : routing.data ? <RoutingPanel routing={routing.data} directory={directory} frozen={!!d.recall} /> : <Card loading variant="borderless" />}
      </Card>
    </Space>
  );
}
