import { Agent, request } from 'node:http';
import type { Delivery } from './deliveries.js';

export interface OpenLoopResult {
  /** performance.now() when the first delivery was offered */
  start: number;
  /** every first offer's wall time (performance.timeOrigin based), by wamid */
  sentAt: Map<string, number>;
  /** wamids the server answered with 200 */
  acked: Set<string>;
  offered: number;
  /** not offered: `maxInflight` requests were already unanswered (overload) */
  shed: number;
  /** deliveries posted a second time, as Meta's retries are */
  resent: number;
  /** posts answered with a status other than 200, or that failed */
  failed: number;
  /** each post's time to its answer */
  ackMs: number[];
}

/**
 * Open-loop load: `planned` deliveries are offered at `rate` per second for `durationS`
 * whatever the server's pace (a closed loop would slow down with the server and hide
 * queueing), one in a hundred posted twice as Meta's retries are, spread over `urls` in turn.
 * Resolves when the offering has ended and every post has been answered.
 */
export async function offerOpenLoop({
  urls,
  planned,
  rate,
  durationS,
}: {
  urls: string[];
  planned: Delivery[];
  rate: number;
  durationS: number;
}): Promise<OpenLoopResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const sentAt = new Map<string, number>();
  const acked = new Set<string>();
  const ackMs: number[] = [];
  let failed = 0;
  let inflight = 0;
  let resent = 0;
  // Beyond this many unanswered requests the client stops offering (Meta too backs off and
  // retries later): counted as shed, so an overloaded server cannot stretch the run forever.
  const maxInflight = Math.max(500, rate);
  let shed = 0;
  let spread = 0;
  const post = (d: Delivery) =>
    new Promise<void>((resolve) => {
      inflight++;
      const t0 = performance.now();
      const req = request(
        urls[spread++ % urls.length],
        { method: 'POST', agent, headers: { ...d.headers, 'content-length': Buffer.byteLength(d.body) } },
        (res) => {
          res.resume();
          res.on('end', () => {
            inflight--;
            ackMs.push(performance.now() - t0);
            if (res.statusCode === 200) acked.add(d.wamid);
            else failed++;
            resolve();
          });
        },
      );
      req.on('error', () => {
        inflight--;
        failed++;
        resolve();
      });
      req.end(d.body);
    });

  const start = performance.now();
  const wall = () => performance.now() + performance.timeOrigin;
  let offered = 0;
  let cursor = 0;
  let last: Delivery | undefined;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const elapsed = (performance.now() - start) / 1000;
      if (elapsed >= durationS) return resolve();
      const due = Math.floor(elapsed * rate);
      while (offered + shed < due && cursor < planned.length) {
        if (inflight >= maxInflight) {
          shed++;
          continue;
        }
        // one delivery in a hundred comes twice, as Meta's retries do: it must have one effect
        if (last && offered % 100 === 50) {
          resent++;
          void post(last);
        }
        const d = planned[cursor++];
        sentAt.set(d.wamid, wall());
        void post(d);
        last = d;
        offered++;
      }
      setTimeout(tick, 2);
    };
    tick();
  });
  while (inflight > 0) await new Promise((r) => setTimeout(r, 10));
  agent.destroy();
  return { start, sentAt, acked, offered, shed, resent, failed, ackMs };
}
