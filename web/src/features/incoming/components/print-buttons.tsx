import { useState } from 'react';
import { App, Button } from 'antd';
import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { errorMessage } from '@/lib/api';
import { downloadFile } from '@/lib/download';
import { isMissingRoute } from '../api/incoming';

interface Props {
  year: number;
  fromNumber?: number;
  toNumber?: number;
  /** Ngày đến bounds, YYYY-MM-DD. */
  fromDate?: string;
  toDate?: string;
}

/** The sổ đăng ký văn bản đến (NĐ30 Phụ lục IV) for the year, number and arrival-date range being viewed. */
export function PrintButtons({ year, fromNumber, toNumber, fromDate, toDate }: Props) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'pdf' | 'xlsx' | undefined>();

  const download = async (format: 'pdf' | 'xlsx') => {
    setBusy(format);
    try {
      await downloadFile(`/api/incoming/register.${format}`, { year, fromNumber, toNumber, fromDate, toDate }, `so-van-ban-den-${year}.${format}`);
    } catch (error) {
      message.error(isMissingRoute(error) ? 'Máy chủ chưa hỗ trợ in sổ đăng ký văn bản đến.' : errorMessage(error));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <>
      <Button icon={<PrinterOutlined />} loading={busy === 'pdf'} onClick={() => void download('pdf')}>
        In sổ (PDF)
      </Button>
      <Button icon={<FileExcelOutlined />} loading={busy === 'xlsx'} onClick={() => void download('xlsx')}>
        Xuất Excel
      </Button>
    </>
  );
}
