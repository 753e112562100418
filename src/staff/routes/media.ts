import { Hono } from 'hono';
import { mediaResponse } from '../../media/media-view.js';
import { intParam, type StaffDeps, type StaffEnv } from '../context.js';

/**
 * `/staff/media/:id` and `/staff/media/message/:messageId`: a citizen's stored photo,
 * document or voice note, behind the console's login (the guard runs first); every view is
 * audited by mediaResponse.
 */
export function mediaRoutes(deps: StaffDeps) {
  const app = new Hono<StaffEnv>();
  const store = deps.mediaStore;
  app.get('/staff/media/message/:messageId', (c) => {
    const messageId = intParam(c, 'messageId');
    const row = deps.db.$client.prepare('select id from media_files where message_id = ?').get(messageId) as
      | { id: number }
      | undefined;
    if (!store || !row) return c.json({ error: 'not_found' }, 404);
    return mediaResponse(deps.db, store, {
      id: row.id,
      userId: c.get('session').user.id,
      via: 'console',
      now: deps.now(),
    });
  });
  app.get('/staff/media/:id', (c) => {
    const id = intParam(c, 'id');
    if (!store) return c.json({ error: 'not_found' }, 404);
    return mediaResponse(deps.db, store, {
      id,
      userId: c.get('session').user.id,
      via: 'console',
      now: deps.now(),
    });
  });
  return app;
}
