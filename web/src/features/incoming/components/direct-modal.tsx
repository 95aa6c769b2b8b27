import { Col, DatePicker, Flex, Form, Input, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '@/components/form-modal';
import { useCurrentSession } from '@/lib/auth';
import { useAgencyDirectory } from '@/lib/directory';
import { useDirect } from '../api/routing';
import type { IncomingDocument, Routing } from '../api/types';
import { beforeToday } from './format';
import { fromTargetKey, targetKey, targetName, targetOptionGroups } from './target-options';
import { useDone } from './use-done';

interface Values {
  lead: string;
  leadDeadline?: Dayjs;
  coordinating?: string[];
  coordinatingDeadlines?: Record<string, Dayjs | undefined>;
  inform?: string[];
  deadline?: Dayjs;
  followUpUserId?: string;
  comment?: string;
}

const day = (d: Dayjs | undefined) => d?.format('YYYY-MM-DD');

/**
 * Cho ý kiến chỉ đạo on one screen (Q-11.3a–c): one lead, coordinating units with their own
 * deadlines, units informed, an overall deadline, a follow-up person and the written direction.
 * Giving direction again replaces the earlier one, so the current one is filled in.
 */
export function DirectModal({ doc, routing, onDone }: { doc: IncomingDocument; routing: Routing | undefined; onDone: () => void }) {
  const session = useCurrentSession();
  const [form] = Form.useForm<Values>();
  const directory = useAgencyDirectory(session.agency.id);
  const direct = useDirect();
  const done = useDone(onDone);
  const groups = targetOptionGroups(directory);

  const lead = Form.useWatch('lead', form);
  const coordinating = Form.useWatch('coordinating', form) ?? [];
  const inform = Form.useWatch('inform', form) ?? [];
  // Each unit or person can take one role only: choices made above leave the lists below.
  const without = (taken: (string | undefined)[]) =>
    groups.map((group) => ({ ...group, options: group.options.filter((o) => !taken.includes(o.value)) }));

  const submit = (v: Values) =>
    direct.mutate(
      {
        id: doc.id,
        input: {
          lead: { ...fromTargetKey(v.lead), deadline: day(v.leadDeadline) },
          coordinating: (v.coordinating ?? []).map((k) => ({ ...fromTargetKey(k), deadline: day(v.coordinatingDeadlines?.[k]) })),
          inform: (v.inform ?? []).map((k) => fromTargetKey(k)),
          deadline: day(v.deadline),
          followUpUserId: v.followUpUserId,
          comment: v.comment?.trim() || undefined,
        },
      },
      { onSuccess: done(`Đã cho ý kiến chỉ đạo văn bản đến số ${doc.arrivalNumber}.`) },
    );

  const live = (routing?.assignments ?? []).filter((a) => !a.parentId && (a.state === 'open' || a.state === 'in_progress'));
  const current = live.find((a) => a.role === 'lead');
  const coordinatingNow = live.filter((a) => a.role === 'coordinate');
  const initialValues: Partial<Values> = current
    ? {
        lead: targetKey(current),
        leadDeadline: current.deadline ? dayjs(current.deadline) : undefined,
        coordinating: coordinatingNow.map(targetKey),
        coordinatingDeadlines: Object.fromEntries(coordinatingNow.map((a) => [targetKey(a), a.deadline ? dayjs(a.deadline) : undefined])),
        inform: live.filter((a) => a.role === 'inform').map(targetKey),
        comment: routing?.comment ?? undefined,
        followUpUserId: routing?.followUpUserId ?? undefined,
      }
    : {};

  const people = directory.people.filter((u) => !u.disabled).map((u) => ({ value: u.id, label: [u.fullName, u.positionTitle].filter(Boolean).join(' — ') }));

  return (
    <FormModal<Values>
      title={`Cho ý kiến chỉ đạo: văn bản đến số ${doc.arrivalNumber}`}
      form={form}
      width={760}
      initialValues={initialValues}
      submitText="Chỉ đạo"
      pending={direct.isPending}
      error={direct.error}
      onSubmit={submit}
      onCancel={onDone}
    >
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 16 }}>
        {doc.subject}
      </Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} md={16}>
          <Form.Item label="Đơn vị, cá nhân chủ trì" name="lead" rules={[{ required: true, message: 'Vui lòng chọn đơn vị hoặc người chủ trì' }]}>
            <Select options={without([...coordinating, ...inform])} showSearch={{ optionFilterProp: 'label' }} placeholder="Chọn đơn vị hoặc người" autoFocus />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="Hạn xử lý của chủ trì" name="leadDeadline">
            <DatePicker format="DD/MM/YYYY" disabledDate={beforeToday} placeholder="Theo thời hạn chung" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="Đơn vị, cá nhân phối hợp" name="coordinating">
        <Select mode="multiple" options={without([lead, ...inform])} showSearch={{ optionFilterProp: 'label' }} placeholder="Không có" />
      </Form.Item>
      {coordinating.length > 0 && (
        <Flex vertical gap={8} style={{ margin: '-8px 0 16px 16px' }}>
          {coordinating.map((key) => (
            <Flex key={key} align="center" gap={8} wrap>
              <Typography.Text style={{ flex: '1 1 240px' }}>Hạn phối hợp: {targetName(key, directory)}</Typography.Text>
              <Form.Item name={['coordinatingDeadlines', key]} noStyle>
                <DatePicker
                  format="DD/MM/YYYY"
                  disabledDate={beforeToday}
                  placeholder="Theo thời hạn chung"
                  aria-label={`Hạn phối hợp của ${targetName(key, directory)}`}
                  style={{ width: 200 }}
                />
              </Form.Item>
            </Flex>
          ))}
        </Flex>
      )}
      <Form.Item label="Đơn vị, cá nhân để biết" name="inform">
        <Select mode="multiple" options={without([lead, ...coordinating])} showSearch={{ optionFilterProp: 'label' }} placeholder="Không có" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label="Thời hạn giải quyết chung" name="deadline" extra="Áp dụng cho chủ trì, phối hợp chưa có hạn riêng.">
            <DatePicker format="DD/MM/YYYY" disabledDate={beforeToday} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item label="Người theo dõi, đôn đốc" name="followUpUserId">
            <Select allowClear options={people} showSearch={{ optionFilterProp: 'label' }} placeholder="Không chỉ định" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="Ý kiến chỉ đạo" name="comment" rules={[{ max: 2000, message: 'Tối đa 2000 ký tự' }]}>
        <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 3, maxRows: 8 }} placeholder="Ví dụ: Giao Phòng Văn thư - Lưu trữ chủ trì tham mưu văn bản trả lời." />
      </Form.Item>
    </FormModal>
  );
}
