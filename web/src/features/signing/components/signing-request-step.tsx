import { Button, Descriptions, Flex, Input, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { SigningRequest } from '@/types/api';
import { downloadSigningRequest } from './signing-answer';

interface Props {
  requestName: string;
  prepared: SigningRequest;
  answer: string;
  onAnswer: (text: string) => void;
}

const AGENT_COMMAND = 'npx tsx server/src/signing/agent/cli.ts --p12 my.p12 --request request.json --output response.json';

/** What the agent must sign, the command that signs it, and where its answer goes. */
export function SigningRequestStep({ requestName, prepared, answer, onAnswer }: Props) {
  return (
    <>
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'subject', label: 'Chứng thư', children: prepared.certificate.subject },
          { key: 'serial', label: 'Số hiệu', children: prepared.certificate.serialNumber },
          ...(prepared.items && prepared.items.length > 1
            ? prepared.items.map((item, i) => ({
                key: `item-${i}`,
                label: `Tệp ${i + 1}: ${item.title}`,
                children: (
                  <Typography.Text code style={{ wordBreak: 'break-all', fontSize: 12 }} data-testid={`signing-item-${i}`}>
                    {item.digest}
                  </Typography.Text>
                ),
              }))
            : []),
          {
            key: 'digest',
            label: 'Mã băm (SHA-256)',
            children: (
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="signing-digest">
                {prepared.digest}
              </Typography.Text>
            ),
          },
        ]}
      />
      <div>
        <Button icon={<DownloadOutlined />} onClick={() => downloadSigningRequest(prepared, requestName)}>
          Tải yêu cầu ký
        </Button>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          Chạy công cụ ký trên máy của bạn với tệp yêu cầu vừa tải (mật khẩu lấy từ biến môi trường VANTHU_P12_PASSWORD, hoặc dùng token USB theo hướng dẫn trong README). Công cụ in ra mã băm; hãy đối chiếu với mã băm ở trên trước khi ký.
        </Typography.Paragraph>
        <Typography.Text code copyable style={{ fontSize: 12 }}>
          {AGENT_COMMAND}
        </Typography.Text>
      </div>
      <div>
        <Typography.Text strong>Kết quả ký</Typography.Text>
        <Input.TextArea
          aria-label="Kết quả ký"
          value={answer}
          onChange={(e) => onAnswer(e.target.value)}
          autoSize={{ minRows: 4, maxRows: 8 }}
          placeholder='Dán nội dung tệp response.json: {"signature": "…", "certificateChain": ["…"]}'
          style={{ marginTop: 4, fontFamily: 'monospace', fontSize: 12 }}
          data-testid="signing-answer"
        />
        <Flex style={{ marginTop: 8 }}>
          <Upload
            accept=".json,application/json"
            showUploadList={false}
            beforeUpload={(file) => {
              void file.text().then(onAnswer);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>Chọn tệp kết quả ký</Button>
          </Upload>
        </Flex>
      </div>
    </>
  );
}
