import type { ReactNode } from 'react';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { ApiError, isApiError } from '@/lib/api';
import { sessionQueryKey } from '@/lib/auth';

dayjs.locale('vi');

function createQueryClient(): QueryClient {
  // A 401 from any call means the session ended (expired, revoked, password changed elsewhere):
  // forgetting the session makes the shell send the person to the login page.
  const onError = (error: unknown) => {
    if (isApiError(error, 401)) client.setQueryData(sessionQueryKey, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Client errors (404, 403…) will not change on retry; network blips and 5xx might.
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
  return client;
}

const queryClient = createQueryClient();

const theme = {
  token: { colorPrimary: '#1d4e89', colorLink: '#1d5fa8', borderRadius: 6, fontSize: 14 },
  components: { Layout: { headerBg: '#ffffff', siderBg: '#0f2a4a' }, Menu: { darkItemBg: '#0f2a4a', darkSubMenuItemBg: '#0b2140' } },
};

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider locale={viVN} theme={theme}>
      <AntApp>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
