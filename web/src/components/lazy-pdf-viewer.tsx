import { lazy, Suspense } from 'react';
import { Spin } from 'antd';

const PdfViewer = lazy(() => import('./pdf-viewer'));

/** The pdf.js viewer, fetched the first time a PDF is shown. */
export function LazyPdfViewer(props: { url: string; title: string }) {
  return (
    <Suspense fallback={<Spin style={{ display: 'block', margin: 24 }} />}>
      <PdfViewer {...props} />
    </Suspense>
  );
}
