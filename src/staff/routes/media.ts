import { Hono } from 'hono';
import { mediaIdOfMessage, mediaResponse } from '../../media/media-view.js';
import { intParam, type StaffDeps, type StaffEnv } from '../context.js';

/**
 * `/staff/media/:id` and `/staff/media/message/:messageId`: a citizen's stored photo,
 * document or voice note, behind the console's login (the guard runs first); every view is
 * audited by mediaResponse.
 */
export function mediaRoutes(deps: StaffDeps) {
  const app = new Hono<StaffEnv>();
  const store = deps.mediaStore;
  app.get('/staff/media/message/:messageId', async (c) => {
    const messageId = intParam(c, 'messageId');
    const id = store ? await deps.store.read(mediaIdOfMessage(messageId)) : undefined;
    if (!store || id === undefined) return c.json({ error: 'not_found' }, 404);
    return mediaResponse(deps.store, store, {
      id,
      userId: c.get('session').user.id,
      via: 'console',
      now: deps.now(),
    });
  });
  app.get('/staff/media/:id', (c) => {
    const id = intParam(c, 'id');
    if (!store) return c.json({ error: 'not_found' }, 404);
    return mediaResponse(deps.store, store, {
      id,
      userId: c.get('session').user.id,
      via: 'console',
      now: deps.now(),
    });
  });
  return app;
}
