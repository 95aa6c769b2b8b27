import { useCurrentSession } from '@/lib/auth';
import { useAgencyDirectory } from '@/lib/directory';
import { useIncomingDocuments } from '../api/incoming';
import { useMyTasks } from '../api/routing';

/**
 * My tasks with the documents they concern. The server lists bare document ids, so each document
 * is fetched once (and cached for its page); a queue is a few dozen at most.
 */
export function useTaskQueue() {
  const session = useCurrentSession();
  const tasks = useMyTasks();
  const directory = useAgencyDirectory(session.agency.id);
  const ids = [
    ...new Set([...(tasks.data?.awaitingDirection ?? []), ...(tasks.data?.assignments ?? []).map((a) => a.documentId), ...(tasks.data?.followUp ?? []).map((a) => a.documentId)]),
  ];
  const docs = useIncomingDocuments(ids);
  return { session, tasks, directory, docs, loading: tasks.isPending || docs.isPending };
}
