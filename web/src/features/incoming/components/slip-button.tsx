import { useState } from 'react';
import { App, Button } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { errorMessage } from '@/lib/api';
import { fetchPrinted, slipPath } from '../api/print';
import type { IncomingDocument } from '../api/types';

/**
 * In phiếu giải quyết văn bản đến (NĐ 30 Phụ lục IV mẫu VII): the PDF opens in a new tab, ready to
 * print and travel with the paper. The tab is opened at the click, so pop-up blockers let it
 * through, and shows the PDF once the server has built it; without a tab the PDF is downloaded.
 */
export function SlipButton({ doc }: { doc: IncomingDocument }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const open = async () => {
    const tab = window.open('', '_blank');
    setBusy(true);
    try {
      const url = URL.createObjectURL(await fetchPrinted(slipPath(doc.id)));
      if (tab) {
        tab.opener = null;
        tab.location.href = url;
      } else {
        const link = Object.assign(document.createElement('a'), { href: url, download: `phieu-giai-quyet-van-ban-den-so-${doc.arrivalNumber}.pdf` });
        link.click();
      }
      // The tab or the download manager holds the PDF by now; a minute leaves room for slow machines.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      tab?.close();
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button icon={<PrinterOutlined />} loading={busy} onClick={() => void open()} data-testid="print-slip">
      In phiếu giải quyết
    </Button>
  );
}
