import { useState } from 'react';
import { SigningDialog } from '@/features/signing/components/signing-dialog';
import { useDigitisedSigning, type CopyForm, type PageRange } from '../api/copies';
import { CopyFields } from './copy-fields';

/** Q-11.2b: the scan of a paper document becomes its electronic copy by the agency's signature with the copy stamp. */
export function DigitisedCopyDialog({ incomingId, onClose }: { incomingId: string; onClose: () => void }) {
  const [form, setForm] = useState<CopyForm>('SAO Y');
  const [pages, setPages] = useState<PageRange>();
  const { prepare, complete } = useDigitisedSigning(incomingId, form, pages);
  return (
    <SigningDialog
      title="Ký số bản sao từ văn bản giấy"
      owner="agency"
      prepare={prepare}
      complete={complete}
      successText="Đã ký số bản sao."
      requestName={`yeu-cau-ky-ban-sao-${incomingId.slice(0, 8)}.json`}
      before={<CopyFields form={form} onForm={setForm} pages={pages} onPages={setPages} />}
      onClose={onClose}
    />
  );
}
