import { Result } from 'antd';
import { isApiError } from '@/lib/api';
import { LinkButton } from './link-button';

/** A malformed id is refused with 400: for the reader it is the same "no such document" as a 404. */
export const isNotFound = (error: unknown) => isApiError(error, 404) || isApiError(error, 400);

/** The page for a document that does not exist or belongs to another agency (the server answers both alike). */
export function NotFoundResult({ title, backHref, backText }: { title: string; backHref: string; backText: string }) {
  return (
    <Result
      status="404"
      title={title}
      subTitle="Văn bản không tồn tại hoặc không thuộc cơ quan của bạn."
      extra={
        <LinkButton type="primary" to={backHref}>
          {backText}
        </LinkButton>
      }
    />
  );
}
