import { Descriptions, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { IncomingDocument } from '../api/types';
import { formatDate, formatDateTime } from './format';
import { signatureLabel, SIGNATURE_COLORS, sourceLabel } from './labels';
import { StatusTag, UrgencyTag } from './tags';

const orDash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v);

/** The entry as NĐ30 Phụ lục VI names its fields, in the order of the sổ đăng ký văn bản đến. */
export function DocumentInfo({ doc, registeredByName }: { doc: IncomingDocument; registeredByName: string }) {
  const signer = [doc.signerPosition, doc.signerName].filter(Boolean).join(' ');
  return (
    <Descriptions
      column={{ xs: 1, md: 2 }}
      size="small"
      data-testid="document-info"
      items={[
        { key: 'number', label: 'Số đến', children: <Typography.Text strong>{doc.arrivalNumber}</Typography.Text> },
        { key: 'arrival', label: 'Ngày đến', children: `${formatDate(doc.arrivalDate)}, lúc ${dayjs(doc.arrivedAt).format('HH:mm')}` },
        { key: 'issuer', label: 'Cơ quan, tổ chức ban hành', children: doc.issuerCode ? `${doc.issuerName} (${doc.issuerCode})` : doc.issuerName },
        { key: 'type', label: 'Tên loại văn bản', children: doc.typeName },
        { key: 'codeNumber', label: 'Số văn bản', children: orDash(doc.codeNumber) },
        { key: 'codeNotation', label: 'Ký hiệu', children: orDash(doc.codeNotation) },
        { key: 'issued', label: 'Ngày, tháng, năm văn bản', children: formatDate(doc.issuedDate) },
        { key: 'signer', label: 'Người ký', children: orDash(signer) },
        { key: 'subject', label: 'Trích yếu nội dung', span: 'filled', children: doc.subject },
        { key: 'urgency', label: 'Độ khẩn', children: <UrgencyTag urgency={doc.urgency} label={doc.urgencyLabel} /> },
        { key: 'urgentDeadline', label: 'Giờ hẹn', children: formatDateTime(doc.urgentDeadline) },
        { key: 'due', label: 'Thời hạn giải quyết', children: formatDate(doc.dueDate) },
        { key: 'pages', label: 'Số trang', children: orDash(doc.pageAmount) },
        { key: 'language', label: 'Ngôn ngữ', children: doc.language },
        { key: 'identifier', label: 'Mã định danh văn bản', children: orDash(doc.documentIdentifier) },
        { key: 'toPlaces', label: 'Nơi nhận', children: orDash(doc.toPlaces) },
        { key: 'source', label: 'Nguồn', children: sourceLabel(doc.source) },
        {
          key: 'signature',
          label: 'Chữ ký số',
          children: <Tag color={SIGNATURE_COLORS[doc.signatureCheck]} data-testid="signature-check">{signatureLabel(doc.signatureCheck)}</Tag>,
        },
        { key: 'status', label: 'Trạng thái', children: <StatusTag status={doc.status} /> },
        { key: 'reply', label: 'Văn bản trả lời', children: orDash(doc.replyNotation) },
        { key: 'registered', label: 'Người đăng ký', children: `${registeredByName}, ${formatDateTime(doc.registeredAt)}` },
        { key: 'description', label: 'Ghi chú', span: 'filled', children: orDash(doc.description) },
      ]}
    />
  );
}
