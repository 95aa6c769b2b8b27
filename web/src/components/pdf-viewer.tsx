import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Flex, Spin, Typography } from 'antd';
import { ZoomInOutlined, ZoomOutOutlined } from '@ant-design/icons';
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

const SCALES = [0.75, 1, 1.25, 1.5, 2];

/**
 * A PDF shown with pdf.js, the same on every browser (the built-in viewers differ, and some
 * download instead). Pages are drawn when they scroll into view, so a long document opens at once.
 * Loaded lazily by `LazyPdfViewer`: pdf.js is large and most pages never show a PDF.
 */
export default function PdfViewer({ url, title }: { url: string; title: string }) {
  const [doc, setDoc] = useState<PDFDocumentProxy>();
  const [error, setError] = useState<string>();
  const [scaleIndex, setScaleIndex] = useState(2);

  useEffect(() => {
    let live = true; // destroying the task below rejects its promise: that is no error to show
    setDoc(undefined);
    setError(undefined);
    const task = getDocument({ url, isEvalSupported: false }); // the page's CSP allows no eval
    task.promise.then(
      (d) => live && setDoc(d),
      (err: Error) => live && setError(err.name === 'PasswordException' ? 'Tệp PDF có mật khẩu, không xem trước được.' : 'Không đọc được tệp PDF để xem trước.'),
    );
    return () => {
      live = false;
      void task.destroy();
    };
  }, [url]);

  if (error) return <Alert type="warning" showIcon title={error} />;
  if (!doc) return <Spin style={{ display: 'block', margin: 24 }} />;
  const scale = SCALES[scaleIndex];
  return (
    <div role="document" aria-label={title} data-testid="pdf-viewer" style={{ border: '1px solid #e8ebf0', borderRadius: 6 }}>
      <Flex align="center" gap={8} style={{ padding: '4px 8px', borderBottom: '1px solid #e8ebf0' }}>
        <Typography.Text type="secondary">{doc.numPages} trang</Typography.Text>
        <Button size="small" icon={<ZoomOutOutlined />} aria-label="Thu nhỏ" disabled={scaleIndex === 0} onClick={() => setScaleIndex(scaleIndex - 1)} style={{ marginLeft: 'auto' }} />
        <Typography.Text>{Math.round(scale * 100)}%</Typography.Text>
        <Button size="small" icon={<ZoomInOutlined />} aria-label="Phóng to" disabled={scaleIndex === SCALES.length - 1} onClick={() => setScaleIndex(scaleIndex + 1)} />
      </Flex>
      <div style={{ height: 720, overflow: 'auto', background: '#f3f4f6', padding: 12 }}>
        {Array.from({ length: doc.numPages }, (_, i) => (
          <PdfPage key={i} doc={doc} pageNumber={i + 1} scale={scale} />
        ))}
      </div>
    </div>
  );
}

function PdfPage({ doc, pageNumber, scale }: { doc: PDFDocumentProxy; pageNumber: number; scale: number }) {
  const holder = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [page, setPage] = useState<PDFPageProxy>();
  const [visible, setVisible] = useState(false);

  useEffect(() => {
    let live = true;
    doc.getPage(pageNumber).then(
      (p) => live && setPage(p),
      () => undefined, // the document was closed meanwhile
    );
    return () => {
      live = false;
    };
  }, [doc, pageNumber]);

  useEffect(() => {
    const observer = new IntersectionObserver(([entry]) => entry.isIntersecting && setVisible(true), { rootMargin: '400px' });
    if (holder.current) observer.observe(holder.current);
    return () => observer.disconnect();
  }, []);

  const viewport = page?.getViewport({ scale });
  useEffect(() => {
    if (!page || !viewport || !visible || !canvas.current) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.current.width = Math.floor(viewport.width * ratio);
    canvas.current.height = Math.floor(viewport.height * ratio);
    const task = page.render({ canvas: canvas.current, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
    task.promise.catch(() => undefined); // cancelled by a new scale or by leaving the page
    return () => task.cancel();
  }, [page, viewport?.width, visible]); // eslint-disable-line react-hooks/exhaustive-deps

  const width = viewport?.width ?? 595 * scale;
  const height = viewport?.height ?? 842 * scale;
  return (
    <div ref={holder} style={{ width, height, margin: '0 auto 12px', background: '#fff', boxShadow: '0 1px 3px rgba(0,0,0,.15)' }}>
      <canvas ref={canvas} aria-label={`Trang ${pageNumber}`} style={{ width, height, display: 'block' }} />
    </div>
  );
}
