// A stage's jobs of one kind, as the stage sees them: run one (or join the one already queued under the same
// content key) and get its result, or a JobFailedError carrying the in-process message. Loaded only with a queue.
import { acquireCoordinator } from './coordinator.ts';
import { JobFailedError } from './errors.ts';
import type { JobKind } from './kinds.ts';
import { clearStaleTemp } from './stale-temp.ts';

export interface RemoteJobs {
  run<R>(id: string, data: object, label: string): Promise<R>;
  release(): Promise<void>;
}

/** `tmpRoot`: the stage's temp folder in the shared store, cleared of what killed workers left there. */
export async function openRemoteJobs(kind: JobKind, url: string, progress: boolean, log: (line: string) => void, tmpRoot?: string): Promise<RemoteJobs> {
  const { jobs, release } = await acquireCoordinator(url, { progress, log });
  if (tmpRoot) clearStaleTemp(tmpRoot);
  return {
    async run<R>(id: string, data: object, label: string): Promise<R> {
      const outcome = await jobs.submit<R>(kind, id, data, label);
      if (!outcome.ok) throw new JobFailedError(outcome.message);
      return outcome.result;
    },
    release,
  };
}
