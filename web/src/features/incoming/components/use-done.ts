import { App } from 'antd';

/** Success handler for a dialog's action: confirms in a toast, then closes the dialog. */
export function useDone(onDone: () => void) {
  const { message } = App.useApp();
  return (text: string) => () => {
    void message.success(text);
    onDone();
  };
}
