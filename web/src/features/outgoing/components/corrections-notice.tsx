import { Alert, Flex } from 'antd';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import type { OutgoingDetail } from '../api/types';

/** Which issued document this one replaces or amends, and which later documents replaced or amended it. */
export function CorrectionsNotice({ doc }: { doc: OutgoingDetail }) {
  const links = [...(doc.corrects ? [doc.corrects] : []), ...doc.correctedBy];
  if (links.length === 0) return null;
  const replaced = doc.correctedBy.some((c) => c.kind === 'replace' && !c.recalledAt);
  return (
    <Alert
      type={replaced ? 'warning' : 'info'}
      showIcon
      data-testid="corrections-notice"
      title={
        <Flex vertical gap={2}>
          {links.map((c) => (
            <Link key={c.id} to={paths.outgoing.detail.getHref(c.id)}>
              {c.label}
            </Link>
          ))}
        </Flex>
      }
    />
  );
}
