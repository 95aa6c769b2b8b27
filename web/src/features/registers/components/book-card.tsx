import { useState } from 'react';
import { App, Button, Card, DatePicker, Flex, Form, InputNumber, Select, Typography } from 'antd';
import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { errorMessage } from '@/lib/api';
import { downloadFile } from '@/lib/download';
import { toIsoDate } from '@/features/incoming/components/format';
import type { Book } from './books';

interface Values {
  year?: number;
  dates?: [Dayjs | null, Dayjs | null] | null;
  fromNumber?: number | null;
  toNumber?: number | null;
  series?: string;
  volume?: number | null;
}

type Format = 'pdf' | 'xlsx';

/** One book: its range, then PDF to print and bind or XLSX to adjust; the server's refusal is shown as said. */
export function BookCard({ book, seriesOptions }: { book: Book; seriesOptions: { value: string; label: string }[] }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState<Format>();
  const period = book.range === 'period';

  const download = async (format: Format) => {
    const v = await form.validateFields();
    const [from, to] = v.dates ?? [];
    const query = period
      ? { fromDate: toIsoDate(from ?? undefined), toDate: toIsoDate(to ?? undefined) }
      : { year: v.year, fromDate: toIsoDate(from ?? undefined), toDate: toIsoDate(to ?? undefined), fromNumber: v.fromNumber, toNumber: v.toNumber, series: v.series, volume: v.volume };
    setBusy(format);
    try {
      await downloadFile(`${book.path}.${format}`, query, `${book.key}.${format}`);
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(undefined);
    }
  };

  const thisYear = dayjs().year();
  return (
    <Card title={book.title} size="small" data-testid={`book-${book.key}`}>
      <Typography.Paragraph type="secondary">{book.description}</Typography.Paragraph>
      <Form<Values> form={form} layout="inline" initialValues={{ year: thisYear, series: '', dates: period ? [dayjs().startOf('month'), dayjs()] : null }} style={{ rowGap: 8 }}>
        {!period && (
          <Form.Item label="Năm" name="year">
            <InputNumber aria-label="Năm" min={2000} max={thisYear + 1} style={{ width: 90 }} />
          </Form.Item>
        )}
        {book.series && seriesOptions.length > 1 && (
          <Form.Item label="Sổ" name="series">
            <Select options={seriesOptions} style={{ minWidth: 200 }} />
          </Form.Item>
        )}
        <Form.Item label={period ? 'Kỳ báo cáo' : 'Từ ngày – đến ngày'} name="dates" rules={period ? [{ required: true, message: 'Chọn kỳ báo cáo' }] : []}>
          <DatePicker.RangePicker format="DD/MM/YYYY" allowEmpty={[true, true]} />
        </Form.Item>
        {book.numbers && (
          <>
            <Form.Item label="Từ số" name="fromNumber">
              <InputNumber aria-label="Từ số" min={1} style={{ width: 90 }} />
            </Form.Item>
            <Form.Item label="Đến số" name="toNumber">
              <InputNumber aria-label="Đến số" min={1} style={{ width: 90 }} />
            </Form.Item>
          </>
        )}
        {!period && (
          <Form.Item label="Quyển số" name="volume">
            <InputNumber aria-label="Quyển số" min={1} max={999} style={{ width: 80 }} />
          </Form.Item>
        )}
      </Form>
      <Flex gap={8} style={{ marginTop: 12 }}>
        <Button type="primary" icon={<PrinterOutlined />} loading={busy === 'pdf'} onClick={() => void download('pdf')}>
          In (PDF)
        </Button>
        <Button icon={<FileExcelOutlined />} loading={busy === 'xlsx'} onClick={() => void download('xlsx')}>
          Xuất Excel
        </Button>
      </Flex>
    </Card>
  );
}
