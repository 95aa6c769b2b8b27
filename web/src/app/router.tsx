import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { paths, UPCOMING_TITLES, type UpcomingKey } from '@/config/paths';
import type { Role } from '@/config/roles';
import { FullPageSpinner } from '@/components/full-page-spinner';
import { AppShell } from './layout/app-shell';
import { RequireRoles } from './layout/require-roles';
import { RouteError } from './routes/route-error';
import { NotFoundRoute } from './routes/not-found';
import { UnderConstruction } from './routes/under-construction';

/** Route modules load on demand; each exports its screen as the default. */
const page = (load: () => Promise<{ default: ComponentType }>) => async () => ({ Component: (await load()).default });

const AUDIT_READERS: Role[] = ['admin', 'inspector', 'agency_head', 'deputy_head'];
const DRAFTERS: Role[] = ['staff', 'unit_head', 'clerk', 'deputy_head', 'agency_head'];

const upcomingRoutes = (Object.keys(paths.upcoming) as UpcomingKey[]).map((key) => ({
  path: paths.upcoming[key].path,
  element: <UnderConstruction title={UPCOMING_TITLES[key]} />,
}));

export const router = createBrowserRouter([
  {
    path: paths.login.path,
    lazy: page(() => import('@/features/auth/routes/login')),
    HydrateFallback: FullPageSpinner,
    errorElement: <RouteError />,
  },
  {
    path: paths.home.path,
    element: <AppShell />,
    HydrateFallback: FullPageSpinner,
    errorElement: <RouteError />,
    children: [
      { index: true, lazy: page(() => import('@/features/dashboard/routes/dashboard')) },
      { path: paths.agency.path, lazy: page(() => import('@/features/agencies/routes/agency')) },
      { path: paths.changePassword.path, lazy: page(() => import('@/features/auth/routes/change-password')) },
      { path: paths.mySignature.path, lazy: page(() => import('@/features/signing/routes/my-signature')) },
      { path: paths.registers.path, lazy: page(() => import('@/features/registers/routes/registers')) },
      { path: paths.incoming.list.path, lazy: page(() => import('@/features/incoming/routes/incoming-list')) },
      {
        element: <RequireRoles roles={['clerk']} />,
        children: [
          { path: paths.incoming.register.path, lazy: page(() => import('@/features/incoming/routes/register')) },
          { path: paths.incoming.inbox.path, lazy: page(() => import('@/features/incoming/routes/inbox')) },
        ],
      },
      { path: paths.incoming.detail.path, lazy: page(() => import('@/features/incoming/routes/document')) },
      { path: paths.incoming.awaitingDirection.path, lazy: page(() => import('@/features/incoming/routes/awaiting-direction')) },
      { path: paths.incoming.unitDocuments.path, lazy: page(() => import('@/features/incoming/routes/unit-documents')) },
      { path: paths.incoming.myTasks.path, lazy: page(() => import('@/features/incoming/routes/my-tasks')) },
      { path: paths.outgoing.list.path, lazy: page(() => import('@/features/outgoing/routes/outgoing-list')) },
      {
        element: <RequireRoles roles={DRAFTERS} />,
        children: [{ path: paths.outgoing.compose.path, lazy: page(() => import('@/features/outgoing/routes/compose')) }],
      },
      { path: paths.outgoing.detail.path, lazy: page(() => import('@/features/outgoing/routes/document')) },
      { path: paths.outgoing.awaitingSignature.path, lazy: page(() => import('@/features/outgoing/routes/awaiting-signature')) },
      { path: paths.outgoing.draftsToReview.path, lazy: page(() => import('@/features/outgoing/routes/drafts-to-review')) },
      {
        element: <RequireRoles roles={AUDIT_READERS} />,
        children: [{ path: paths.audit.path, lazy: page(() => import('@/features/audit/routes/audit-log')) }],
      },
      {
        element: <RequireRoles roles={['admin']} />,
        children: [
          { path: paths.admin.agencies.path, lazy: page(() => import('@/features/agencies/routes/agencies-admin')) },
          { path: paths.admin.users.path, lazy: page(() => import('@/features/users/routes/users-admin')) },
          { path: paths.admin.calendar.path, lazy: page(() => import('@/features/calendar/routes/calendar')) },
          { path: paths.admin.jobs.path, lazy: page(() => import('@/features/jobs/routes/jobs')) },
        ],
      },
      ...upcomingRoutes,
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);
