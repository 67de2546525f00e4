// Live jobs over one event stream: loss points in order and without gaps or repeats (the
// history up to the iteration each job had reached, fetched beside a stream that starts after
// that iteration), progress, status and sample-grid events.
import { follow, getJson } from './api.js';

/**
 * @param views the jobs as GET /jobs/{id} gave them
 * @param on {points(jobId, points), job(view, isStatusChange), snapshot(jobId, snapshot, quality), error(problem)}
 * @returns stop()
 */
export function followJobs(views, on) {
  const ids = views.map((v) => v.id);
  const early = new Map(ids.map((id) => [id, []]));
  const loaded = new Set();
  // The stream's cursor (job:iteration:epoch:status) starts after the iterations the history
  // reaches, with every grid and the status still to be sent.
  const start = views.map((v) => `${v.id}:${v.progress.iteration}:0:`).join(',');
  for (const v of views) {
    getJson(`/jobs/${v.id}/losses?to=${v.progress.iteration}`)
      .then((history) => on.points(v.id, history.points))
      .catch((e) => on.error && on.error(e))
      .finally(() => {
        on.points(v.id, early.get(v.id).splice(0));
        loaded.add(v.id);
      });
  }
  const path = ids.length === 1 ? `/jobs/${ids[0]}/events` : `/events?jobs=${ids.join(',')}`;
  return follow(path, (name, data) => {
    if (name === 'progress' || name === 'status') {
      on.job(data, name === 'status');
    } else if (name === 'losses') {
      if (loaded.has(data.jobId)) on.points(data.jobId, data.points);
      else early.get(data.jobId).push(...data.points);
    } else if (name === 'snapshot') {
      on.snapshot(data.job, data.snapshot, data.quality);
    } else if (name === 'error' && on.error) {
      on.error(data);
    }
  }, start);
}
