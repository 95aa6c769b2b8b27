import { Descriptions, Typography } from 'antd';
import { formatDate, formatDateTime } from '@/features/incoming/components/format';
import type { OutgoingCatalog, OutgoingDetail } from '../api/types';
import { OutgoingStateTag, OutgoingUrgencyTag } from './tags';

const orDash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v);

interface Props {
  doc: OutgoingDetail;
  catalog: OutgoingCatalog | undefined;
  personName: (id: string | null | undefined) => string;
  unitName: (id: string | null | undefined) => string;
}

/** The document's fields in the order of the sổ đăng ký văn bản đi (NĐ 30 Phụ lục VI). */
export function OutgoingInfo({ doc, catalog, personName, unitName }: Props) {
  const signer = `${doc.signerAuthority ? `${doc.signerAuthority} ` : ''}${doc.signerPosition} — ${personName(doc.signerId)}`;
  const paper = doc.paperReason ? `${doc.paperReason}) ${catalog?.paperReasons[doc.paperReason] ?? ''}` : 'Không (chỉ gửi văn bản điện tử)';
  return (
    <Descriptions
      column={{ xs: 1, md: 2 }}
      size="small"
      data-testid="outgoing-info"
      items={[
        { key: 'number', label: 'Số, ký hiệu', children: <Typography.Text strong data-testid="number-and-notation">{orDash(doc.numberAndNotation)}</Typography.Text> },
        { key: 'issued', label: 'Ngày ban hành', children: formatDate(doc.issuedDate) },
        { key: 'type', label: 'Loại văn bản', children: doc.typeName },
        { key: 'state', label: 'Trạng thái', children: <OutgoingStateTag state={doc.state} label={doc.stateLabel} /> },
        { key: 'summary', label: 'Trích yếu nội dung', span: 'filled', children: doc.summary },
        { key: 'urgency', label: 'Độ khẩn', children: <OutgoingUrgencyTag urgency={doc.urgency} /> },
        { key: 'deadline', label: 'Hạn trả lời', children: formatDate(doc.replyDeadline) },
        { key: 'unit', label: 'Đơn vị soạn thảo', children: unitName(doc.draftingUnitId) },
        { key: 'drafter', label: 'Người soạn thảo', children: personName(doc.drafterId) },
        { key: 'signer', label: 'Người ký', span: 'filled', children: signer },
        { key: 'toPlaces', label: 'Nơi nhận', span: 'filled', children: <span style={{ whiteSpace: 'pre-line' }}>{doc.toPlaces}</span> },
        { key: 'paper', label: 'Gửi kèm bản giấy', span: 'filled', children: paper },
        { key: 'version', label: 'Phiên bản hiện tại', children: doc.currentVersion },
        { key: 'approved', label: 'Phiên bản đã duyệt', children: orDash(doc.approvedVersion) },
        { key: 'created', label: 'Tạo lúc', children: formatDateTime(doc.createdAt) },
        { key: 'updated', label: 'Cập nhật lúc', children: formatDateTime(doc.updatedAt) },
      ]}
    />
  );
}
