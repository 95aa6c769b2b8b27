import { Button, Form, Input, Select } from 'antd';
import { UnorderedListOutlined } from '@ant-design/icons';
import { useCurrentSession } from '@/lib/auth';
import { agencyOptions, useAgencies, useAgency } from '@/lib/directory';
import { required } from '@/lib/validation';
import type { OutgoingCatalog } from '../api/types';
import { toPlacesText, type ComposeValues } from './compose-values';

/**
 * Where the document goes: agencies of the system receive it electronically; other names go
 * through the national exchange. "Nơi nhận" is the text printed on the document itself.
 */
export function ComposeRecipientFields({ catalog }: { catalog: OutgoingCatalog | undefined }) {
  const session = useCurrentSession();
  const form = Form.useFormInstance<ComposeValues>();
  const agencies = useAgencies();
  const own = useAgency(session.agency.id);
  const options = agencyOptions(agencies.data).filter((o) => o.value !== session.agency.id);
  const paperOptions = Object.entries(catalog?.paperReasons ?? {}).map(([key, text]) => ({ value: key, label: `${key}) ${text}` }));

  const fillToPlaces = () => {
    const byId = new Map((agencies.data ?? []).map((a) => [a.id, a.name]));
    const ids: string[] = form.getFieldValue('recipientAgencyIds') ?? [];
    const external: string[] = form.getFieldValue('externalRecipients') ?? [];
    const unitId: string | undefined = form.getFieldValue('draftingUnitId');
    const unit = own.data?.units.find((u) => u.id === unitId);
    form.setFieldValue('toPlaces', toPlacesText([...ids.map((id) => byId.get(id) ?? ''), ...external].filter(Boolean), unit?.abbreviation));
    void form.validateFields(['toPlaces']);
  };

  return (
    <>
      <Form.Item label="Cơ quan nhận" name="recipientAgencyIds" extra="Cơ quan trong hệ thống nhận văn bản điện tử ngay khi phát hành.">
        <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={options} loading={agencies.isPending} placeholder="Chọn cơ quan nhận" />
      </Form.Item>
      <Form.Item
        label="Tên cơ quan ngoài hệ thống"
        name="externalRecipients"
        extra="Gõ tên rồi nhấn Enter; văn bản được gửi qua trục liên thông."
        rules={[{ validator: async (_r, names: string[] | undefined) => { if (names?.some((n) => n.trim().length < 2)) throw new Error('Tên nơi nhận tối thiểu 2 ký tự'); } }]}
      >
        <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[';']} placeholder="Ví dụ: Bộ Khoa học và Công nghệ" aria-label="Tên cơ quan ngoài hệ thống" />
      </Form.Item>
      <Form.Item
        label="Nơi nhận"
        name="toPlaces"
        tooltip="Như in ở cuối văn bản"
        rules={[required('Vui lòng nhập nơi nhận in trên văn bản'), { min: 2, message: 'Tối thiểu 2 ký tự' }, { max: 2000, message: 'Tối đa 2000 ký tự' }]}
        extra={
          <Button type="link" size="small" icon={<UnorderedListOutlined />} onClick={fillToPlaces} style={{ paddingInline: 0 }}>
            Lập từ các nơi nhận đã chọn
          </Button>
        }
      >
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 3, maxRows: 10 }} placeholder={'- Như trên;\n- Lưu: VT, VP.'} />
      </Form.Item>
      <Form.Item label="Lý do gửi kèm bản giấy" name="paperReason" extra="Để trống nếu chỉ gửi văn bản điện tử.">
        <Select allowClear options={paperOptions} loading={!catalog} placeholder="Không gửi bản giấy" optionRender={(o) => <div style={{ whiteSpace: 'normal' }}>{o.label}</div>} />
      </Form.Item>
    </>
  );
}
