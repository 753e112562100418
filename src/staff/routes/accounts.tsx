import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { exec, first } from '../../storage/operation.js';
import { addStaffUser, listStaffUsers, newUserSchema, roleSchema, UsernameTakenError } from '../accounts.js';
import { auditOp, auditPage } from '../audit.js';
import { hashPassword } from '../auth/password.js';
import { deleteUserSessions } from '../auth/sessions.js';
import { field, intParam, requireRole, type StaffDeps, type StaffEnv } from '../context.js';
import { formatTime } from '../format.js';
import { Csrf, Layout } from '../views/layout.js';

export function accountRoutes(deps: StaffDeps) {
  const app = new Hono<StaffEnv>();

  app.get('/staff/users', async (c) => {
    const s = requireRole(c, 'admin');
    const users = await deps.store.read(listStaffUsers());
    return c.html(
      <Layout title="Accounts" session={s} flash={c.req.query('msg')}>
        <h1>Staff accounts</h1>
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th>User</th>
                <th>Role</th>
                <th>State</th>
                <th>Change</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr>
                  <td>
                    {u.username} <span class="meta">{u.displayName}</span>
                  </td>
                  <td>{u.role}</td>
                  <td>{u.disabled ? <span class="badge bad">disabled</span> : 'active'}</td>
                  <td>
                    <form method="post" action={`/staff/users/${u.id}`} class="filters">
                      <Csrf token={s.csrfToken} />
                      <select name="role">
                        {roleSchema.options.map((r) => (
                          <option value={r} selected={u.role === r}>
                            {r}
                          </option>
                        ))}
                      </select>
                      <select name="disabled">
                        <option value="0">active</option>
                        <option value="1" selected={u.disabled}>
                          disabled
                        </option>
                      </select>
                      <input
                        name="password"
                        type="password"
                        placeholder="new password (optional)"
                        autocomplete="new-password"
                      />
                      <button type="submit">Save</button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h2>New account</h2>
        <form method="post" action="/staff/users" class="filters">
          <Csrf token={s.csrfToken} />
          <label>
            Username
            <input name="username" required />
          </label>
          <label>
            Name
            <input name="displayName" />
          </label>
          <label>
            Role
            <select name="role">
              {roleSchema.options.map((r) => (
                <option value={r}>{r}</option>
              ))}
            </select>
          </label>
          <label>
            Password (10+ characters)
            <input name="password" type="password" required minlength={10} autocomplete="new-password" />
          </label>
          <button type="submit">Create</button>
        </form>
      </Layout>,
    );
  });

  app.post('/staff/users', async (c) => {
    const s = requireRole(c, 'admin');
    const parsed = newUserSchema.safeParse({
      username: await field(c, 'username'),
      role: await field(c, 'role'),
      password: await field(c, 'password'),
      displayName: (await field(c, 'displayName')) || undefined,
    });
    if (!parsed.success)
      throw new HTTPException(400, { message: parsed.error.issues.map((i) => i.message).join('; ') });
    const now = deps.now();
    try {
      const id = await addStaffUser(deps.store, parsed.data, now);
      await deps.store.read(
        auditOp({
          userId: s.user.id,
          action: 'account.create',
          targetType: 'staff_user',
          targetId: id,
          detail: { username: parsed.data.username, role: parsed.data.role },
          now,
        }),
      );
    } catch (err) {
      if (err instanceof UsernameTakenError) throw new HTTPException(409, { message: err.message });
      throw err;
    }
    return c.redirect(`/staff/users?msg=${encodeURIComponent('Account created.')}`, 303);
  });

  app.post('/staff/users/:id', async (c) => {
    const s = requireRole(c, 'admin');
    const id = intParam(c, 'id');
    const role = roleSchema.safeParse(await field(c, 'role'));
    if (!role.success) return c.text('bad role', 400);
    const disabled = (await field(c, 'disabled')) === '1';
    const password = await field(c, 'password');
    if (password && password.length < 10)
      throw new HTTPException(400, { message: 'password: at least 10 characters' });
    if (id === s.user.id && (disabled || role.data !== 'admin')) {
      throw new HTTPException(400, { message: 'you cannot demote or disable your own account' });
    }
    const passwordHash = password ? await hashPassword(password) : undefined;
    const now = deps.now();
    await deps.store.transaction(function* (q) {
      const { db, t } = q;
      const before = yield* first(db.select().from(t.staffUsers).where(eq(t.staffUsers.id, id)));
      if (!before) throw new HTTPException(404, { message: 'no such account' });
      yield* exec(
        db
          .update(t.staffUsers)
          .set({ role: role.data, disabled, ...(passwordHash ? { passwordHash } : {}) })
          .where(eq(t.staffUsers.id, id)),
      );
      // a changed role, password or a disabled account takes effect now, not when the session expires
      if (disabled || passwordHash || before.role !== role.data) yield* deleteUserSessions(id)(q);
      yield* auditOp({
        userId: s.user.id,
        action: 'account.update',
        targetType: 'staff_user',
        targetId: id,
        detail: {
          role: [before.role, role.data],
          disabled: [before.disabled, disabled],
          passwordChanged: !!passwordHash,
        },
        now,
      })(q);
    });
    return c.redirect(`/staff/users?msg=${encodeURIComponent('Account saved.')}`, 303);
  });

  app.get('/staff/audit', async (c) => {
    const s = requireRole(c, 'admin');
    const before = Number(c.req.query('before')) || Number.MAX_SAFE_INTEGER;
    const action = c.req.query('action')?.trim() || null;
    const rows = await deps.store.read(auditPage(before, action));
    const last = rows.at(-1);
    return c.html(
      <Layout title="Audit log" session={s}>
        <h1>Audit log</h1>
        <form class="filters" method="get">
          <label>
            Action starts with
            <input name="action" value={action ?? ''} placeholder="transcript., case., login" />
          </label>
          <button type="submit">Filter</button>
        </form>
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th>When</th>
                <th>Who</th>
                <th>Action</th>
                <th>Target</th>
                <th>Detail</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>{formatTime(r.createdAt)}</td>
                  <td>{r.user ?? '—'}</td>
                  <td>{r.action}</td>
                  <td>
                    {r.targetType} {r.targetId}
                  </td>
                  <td>
                    <code>{r.detail}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {rows.length === 100 && last && (
          <p>
            <a
              href={`/staff/audit?before=${last.id}${action ? `&action=${encodeURIComponent(action)}` : ''}`}
            >
              older →
            </a>
          </p>
        )}
      </Layout>,
    );
  });

  return app;
}
