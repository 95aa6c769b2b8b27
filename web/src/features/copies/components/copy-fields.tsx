import { Flex, InputNumber, Segmented, Typography } from 'antd';
import { COPY_FORMS, type CopyForm, type PageRange } from '../api/copies';

interface Props {
  form: CopyForm;
  onForm: (form: CopyForm) => void;
  pages: PageRange | undefined;
  onPages: (pages: PageRange | undefined) => void;
}

/** Hình thức sao, and for a trích sao the pages it keeps (NĐ 30 Điều 25). */
export function CopyFields({ form, onForm, pages, onPages }: Props) {
  const range = pages ?? { from: 1, to: 1 };
  return (
    <Flex vertical gap={8}>
      <Typography.Text strong>Hình thức sao</Typography.Text>
      <Segmented<CopyForm>
        options={COPY_FORMS}
        value={form}
        onChange={(f) => {
          onForm(f);
          onPages(f === 'TRÍCH SAO' ? range : undefined);
        }}
        data-testid="copy-form"
      />
      {form === 'TRÍCH SAO' && (
        <Flex gap={8} align="center">
          <Typography.Text>Từ trang</Typography.Text>
          <InputNumber aria-label="Từ trang" min={1} value={range.from} onChange={(v) => onPages({ ...range, from: v ?? 1 })} />
          <Typography.Text>đến trang</Typography.Text>
          <InputNumber aria-label="Đến trang" min={1} value={range.to} onChange={(v) => onPages({ ...range, to: v ?? 1 })} />
        </Flex>
      )}
    </Flex>
  );
}
