import { App, Button, Empty, Flex, Form, Input, Typography } from 'antd';
import { CommentOutlined } from '@ant-design/icons';
import { errorMessage } from '@/lib/api';
import { formatDateTime } from '@/features/incoming/components/format';
import { useAddComment } from '../api/outgoing';
import type { OutgoingComment } from '../api/types';

interface Props {
  documentId: string;
  comments: OutgoingComment[];
  personName: (id: string | null | undefined) => string;
}

/** Góp ý on the draft, each tied to the version it was about; anyone of the agency may add one. */
export function CommentsCard({ documentId, comments, personName }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ body: string }>();
  const add = useAddComment();

  const send = ({ body }: { body: string }) => {
    if (add.isPending) return;
    add.mutate(
      { id: documentId, body: body.trim() },
      { onSuccess: () => form.resetFields(), onError: (error) => void message.error(errorMessage(error)) },
    );
  };

  return (
    <Flex vertical gap={12} data-testid="outgoing-comments">
      {comments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có ý kiến nào" />
      ) : (
        comments.map((c) => (
          <div key={c.id}>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {personName(c.authorId)} · {formatDateTime(c.createdAt)} · phiên bản {c.version}
            </Typography.Text>
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-line' }}>{c.body}</Typography.Paragraph>
          </div>
        ))
      )}
      <Form form={form} layout="vertical" onFinish={send}>
        <Form.Item name="body" label="Ý kiến góp ý" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập ý kiến' }, { max: 4000, message: 'Tối đa 4000 ký tự' }]} style={{ marginBottom: 8 }}>
          <Input.TextArea maxLength={4000} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Button htmlType="submit" icon={<CommentOutlined />} loading={add.isPending}>
          Gửi ý kiến
        </Button>
      </Form>
    </Flex>
  );
}
