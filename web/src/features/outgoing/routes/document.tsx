import { Alert, Card, Col, Row, Space } from 'antd';
import { useParams } from 'react-router';
import { paths } from '@/config/paths';
import { FullPageSpinner } from '@/components/full-page-spinner';
import { isNotFound, NotFoundResult } from '@/components/not-found-result';
import { PageHeader } from '@/components/page-header';
import { errorMessage } from '@/lib/api';
import { useCurrentSession } from '@/lib/auth';
import { useAgencyDirectory } from '@/lib/directory';
import { formatDateTime } from '@/features/incoming/components/format';
import { useOutgoing, useOutgoingCatalog } from '../api/outgoing';
import { CommentsCard } from '../components/comments-card';
import { EventsTimeline } from '../components/events-timeline';
import { OutgoingActions } from '../components/outgoing-actions';
import { OutgoingInfo } from '../components/outgoing-info';
import { RecipientsTable } from '../components/recipients-table';
import { OutgoingStateTag, OutgoingUrgencyTag } from '../components/tags';
import { VersionsCard } from '../components/versions-card';
import { CorrectionsNotice } from '../components/corrections-notice';
import { VerificationPanel } from '@/features/signing/components/verification-panel';

/** One outgoing document: its fields, versions and PDFs, comments, recipients and every step so far. */
export default function OutgoingDocumentRoute() {
  const { id } = useParams<{ id: string }>();
  const session = useCurrentSession();
  const doc = useOutgoing(id);
  const catalog = useOutgoingCatalog();
  const directory = useAgencyDirectory(session.agency.id);

  if (doc.isPending) return <FullPageSpinner />;
  if (isNotFound(doc.error)) return <NotFoundResult title="Không tìm thấy văn bản đi" backHref={paths.outgoing.list.getHref()} backText="Về danh sách văn bản đi" />;
  if (doc.error) return <Alert type="error" showIcon title={errorMessage(doc.error)} />;

  const d = doc.data;
  // The latest signed state of the document: issued, else numbered, else signed by the signer.
  const signedFile = d.issuedFileId ?? d.numberedFileId ?? d.signedFileId;
  const lastReturn = d.state === 'returned' ? d.events.filter((e) => e.kind === 'returned').at(-1) : undefined;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader
        title={
          <Space wrap>
            <span data-testid="document-title">{d.numberAndNotation ? `${d.typeName} số ${d.numberAndNotation}` : `Dự thảo ${d.typeName.toLowerCase()}`}</span>
            <OutgoingStateTag state={d.state} label={d.stateLabel} />
            {d.urgency > 0 && <OutgoingUrgencyTag urgency={d.urgency} />}
          </Space>
        }
        description={d.summary}
        extra={<OutgoingActions doc={d} />}
      />
      {d.state === 'recalled' && (
        <Alert type="error" showIcon title={`Văn bản đã bị thu hồi lúc ${formatDateTime(d.recalledAt)}`} description={d.recallReason ? `Lý do: ${d.recallReason}` : undefined} />
      )}
      <CorrectionsNotice doc={d} />
      {lastReturn && (
        <Alert
          type="warning"
          showIcon
          title={`${directory.personName(lastReturn.actorId)} đã trả lại dự thảo lúc ${formatDateTime(lastReturn.at)}`}
          description={(lastReturn.details as { reason?: string } | null)?.reason}
          data-testid="returned-notice"
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title="Thông tin văn bản">
              <OutgoingInfo doc={d} catalog={catalog.data} personName={directory.personName} unitName={directory.unitName} />
            </Card>
            <Card title="Tệp văn bản và các phiên bản dự thảo">
              <VersionsCard doc={d} personName={directory.personName} />
            </Card>
            {signedFile && (
              <Card title="Chữ ký số">
                <VerificationPanel key={signedFile} fileId={signedFile} />
              </Card>
            )}
            <Card title="Nơi nhận và tình trạng gửi">
              <RecipientsTable recipients={d.recipients} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title="Ý kiến góp ý">
              <CommentsCard documentId={d.id} comments={d.comments} personName={directory.personName} />
            </Card>
            <Card title="Quá trình xử lý">
              <EventsTimeline events={d.events} personName={directory.personName} />
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
