import { useState } from 'react';
import { PageHeader } from '@/components/page-header';
import type { IncomingDocument } from '../api/types';
import { RegisterForm } from '../components/register-form';
import { RegisteredResult } from '../components/registered-result';

export default function RegisterIncomingRoute() {
  const [saved, setSaved] = useState<IncomingDocument>();
  // A new key mounts a blank form with focus back on its first field.
  const [round, setRound] = useState(0);

  return (
    <>
      <PageHeader title="Đăng ký văn bản đến" description="Số đến được cấp tự động, liên tiếp trong năm, khi lưu." />
      {saved ? (
        <RegisteredResult
          doc={saved}
          onNext={() => {
            setSaved(undefined);
            setRound((n) => n + 1);
          }}
        />
      ) : (
        <RegisterForm key={round} onSaved={setSaved} />
      )}
    </>
  );
}
