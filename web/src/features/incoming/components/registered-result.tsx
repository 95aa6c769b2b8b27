import { useEffect, useRef, useState } from 'react';
import { Button, Card, Result, Space, Typography } from 'antd';
import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import { paths } from '@/config/paths';
import { LinkButton } from '@/components/link-button';
import type { IncomingDocument } from '../api/types';
import { formatDate, numberAndSymbol } from './format';
import { PresentModal } from './present-modal';

/**
 * The số đến, large: the clerk writes it on the paper original (dấu "Đến"), so it must be read at
 * a glance. "Đăng ký tiếp" has the focus, since registering in batches is the usual work.
 */
export function RegisteredResult({ doc, onNext }: { doc: IncomingDocument; onNext: () => void }) {
  const [presenting, setPresenting] = useState(false);
  const [presented, setPresented] = useState(false);
  const nextRef = useRef<HTMLButtonElement>(null);
  useEffect(() => nextRef.current?.focus(), []);

  return (
    <Card>
      <Result
        status="success"
        title="Đã đăng ký văn bản đến"
        subTitle={
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 16 }}>
              Số đến
            </Typography.Text>
            <div style={{ fontSize: 80, fontWeight: 700, lineHeight: 1.1, color: '#1d4e89' }} data-testid="arrival-number">
              {doc.arrivalNumber}
            </div>
            <Typography.Paragraph type="secondary" style={{ margin: '8px auto 0', maxWidth: 680 }}>
              {doc.typeName} {numberAndSymbol(doc)} của {doc.issuerName} — ngày đến {formatDate(doc.arrivalDate)}
              <br />
              {doc.subject}
            </Typography.Paragraph>
            {presented && <Typography.Text type="success">Đã trình lãnh đạo.</Typography.Text>}
          </div>
        }
        extra={
          <Space wrap>
            <Button ref={nextRef} type="primary" icon={<PlusOutlined />} onClick={onNext} data-testid="register-next">
              Đăng ký tiếp
            </Button>
            {!presented && (
              <Button icon={<SendOutlined />} onClick={() => setPresenting(true)} data-testid="present-after-register">
                Trình lãnh đạo
              </Button>
            )}
            <LinkButton to={paths.incoming.detail.getHref(doc.id)}>Xem văn bản</LinkButton>
          </Space>
        }
      />
      {presenting && (
        <PresentModal
          documentId={doc.id}
          arrivalNumber={doc.arrivalNumber}
          onDone={(done) => {
            setPresenting(false);
            if (done) setPresented(true);
          }}
        />
      )}
    </Card>
  );
}
