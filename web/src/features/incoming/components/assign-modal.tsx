import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '@/components/form-modal';
import { useCurrentSession } from '@/lib/auth';
import { useAgencyDirectory } from '@/lib/directory';
import { compareVietnameseNames } from '@/lib/names';
import { useAssignStaff } from '../api/routing';
import type { Assignment } from '../api/types';
import { beforeToday, formatDate, toIsoDate } from './format';
import { useDone } from './use-done';

interface Values {
  userId: string;
  deadline?: Dayjs;
  note?: string;
}

/** The unit head hands the unit's assignment to one of its staff, within the unit's deadline. */
export function AssignModal({ assignment, onDone }: { assignment: Assignment; onDone: () => void }) {
  const session = useCurrentSession();
  const [form] = Form.useForm<Values>();
  const directory = useAgencyDirectory(session.agency.id);
  const assign = useAssignStaff();
  const done = useDone(onDone);
  const staff = directory.people
    .filter((u) => !u.disabled && u.unitId === assignment.unitId && u.id !== session.user.id)
    .sort((a, b) => compareVietnameseNames(a.fullName, b.fullName))
    .map((u) => ({ value: u.id, label: [u.fullName, u.positionTitle].filter(Boolean).join(' — ') }));
  const limit = assignment.deadline ? dayjs(assignment.deadline) : undefined;

  const submit = (v: Values) =>
    assign.mutate(
      { id: assignment.id, userId: v.userId, deadline: toIsoDate(v.deadline), note: v.note?.trim() || undefined },
      { onSuccess: done(`Đã giao cho ${directory.personName(v.userId)}.`) },
    );

  return (
    <FormModal<Values>
      title={`Giao chuyên viên: ${directory.unitName(assignment.unitId)}`}
      form={form}
      submitText="Giao việc"
      pending={assign.isPending}
      error={assign.error}
      onSubmit={submit}
      onCancel={onDone}
    >
      <Form.Item label="Chuyên viên xử lý" name="userId" rules={[{ required: true, message: 'Vui lòng chọn chuyên viên' }]}>
        <Select options={staff} loading={directory.isPending} showSearch={{ optionFilterProp: 'label' }} placeholder="Chọn chuyên viên của đơn vị" autoFocus />
      </Form.Item>
      <Form.Item label="Hạn xử lý" name="deadline" extra={limit ? `Không sau hạn của đơn vị (${formatDate(assignment.deadline)}); để trống để dùng hạn đó.` : undefined}>
        <DatePicker format="DD/MM/YYYY" disabledDate={(d) => beforeToday(d) || (!!limit && d.isAfter(limit, 'day'))} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label="Ghi chú cho chuyên viên" name="note" rules={[{ max: 1000, message: 'Tối đa 1000 ký tự' }]}>
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
    </FormModal>
  );
}
