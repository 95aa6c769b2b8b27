import { App, Button, Upload, type UploadFile, type UploadProps } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { errorMessage } from '@/lib/api';
import { uploadFile, type StoredFile } from '@/lib/files';

interface Props {
  /** Given by Form.Item. */
  fileList?: UploadFile<StoredFile>[];
  onChange?: (files: UploadFile<StoredFile>[]) => void;
  pdfOnly?: boolean;
  multiple?: boolean;
  buttonText: string;
  testId?: string;
}

const isPdf = (file: File) => file.type === 'application/pdf' || file.name.toLowerCase().endsWith('.pdf');

/**
 * Sends each chosen file to /api/files at once, so registering later only passes ids. The server
 * checks the real format from the content; the PDF check here only spares a pointless upload.
 */
export function FileUpload({ fileList, onChange, pdfOnly, multiple, buttonText, testId }: Props) {
  const { message } = App.useApp();

  const customRequest: UploadProps<StoredFile>['customRequest'] = ({ file, onSuccess, onError }) => {
    uploadFile(file as File)
      .then((stored) => onSuccess?.(stored))
      .catch((error: unknown) => {
        message.error(`${(file as File).name}: ${errorMessage(error)}`);
        onError?.(error as Error);
      });
  };

  const beforeUpload = (file: File) => {
    if (pdfOnly && !isPdf(file)) {
      message.error('Tệp văn bản chính phải là tệp PDF.');
      return Upload.LIST_IGNORE;
    }
    return true;
  };

  // The row of a refused file says why when hovered, in the server's words.
  const handleChange: UploadProps<StoredFile>['onChange'] = ({ fileList: next }) =>
    onChange?.(next.map((f) => (f.status === 'error' && f.error ? { ...f, response: errorMessage(f.error) as unknown as StoredFile } : f)));

  return (
    <div data-testid={testId}>
      <Upload<StoredFile>
        fileList={fileList}
        onChange={handleChange}
        customRequest={customRequest}
        beforeUpload={beforeUpload}
        accept={pdfOnly ? '.pdf,application/pdf' : undefined}
        multiple={multiple}
        maxCount={multiple ? 50 : 1}
      >
        {/* The button is the tab stop; Enter or Space on it opens the file dialog. */}
        <Button icon={<UploadOutlined />}>
          {buttonText}
        </Button>
      </Upload>
    </div>
  );
}

/** Blocks registering while a file is still on its way or was refused. */
export const uploadsSettled = async (_rule: unknown, files: UploadFile[] | undefined) => {
  if (files?.some((f) => f.status === 'uploading')) throw new Error('Tệp đang được tải lên, vui lòng chờ trong giây lát');
  if (files?.some((f) => f.status === 'error')) throw new Error('Có tệp tải lên không thành công; hãy xóa tệp đó rồi chọn lại');
};
