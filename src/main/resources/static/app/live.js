// Live jobs over one event stream: loss points in order and without gaps (the history up to
// the iteration the first progress event names, then what the stream sends), progress,
// status and sample-grid events.
import { follow, getJson } from './api.js';

/**
 * @param ids the jobs
 * @param on {points(jobId, points), job(view, isStatusChange), snapshot(jobId, snapshot, quality), error(problem)}
 * @returns stop()
 */
export function followJobs(ids, on) {
  const loaded = new Map(); // id -> 'asked' | 'loaded'
  const early = new Map(ids.map((id) => [id, []]));
  const path = ids.length === 1 ? `/jobs/${ids[0]}/events` : `/events?jobs=${ids.join(',')}`;
  return follow(path, async (name, data) => {
    if (name === 'progress' || name === 'status') {
      on.job(data, name === 'status');
      if (!loaded.has(data.id)) {
        loaded.set(data.id, 'asked');
        try {
          const history = await getJson(`/jobs/${data.id}/losses?to=${data.progress.iteration}`);
          on.points(data.id, history.points);
        } finally {
          on.points(data.id, early.get(data.id).splice(0));
          loaded.set(data.id, 'loaded');
        }
      }
    } else if (name === 'losses') {
      if (loaded.get(data.jobId) === 'loaded') on.points(data.jobId, data.points);
      else early.get(data.jobId).push(...data.points);
    } else if (name === 'snapshot') {
      on.snapshot(data.job, data.snapshot, data.quality);
    } else if (name === 'error' && on.error) {
      on.error(data);
    }
  });
}
