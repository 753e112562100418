import type { Child } from 'hono/jsx';
import type { StaffSession } from '../auth/sessions.js';
import { hasRole } from '../auth/sessions.js';
import { styles } from './styles.js';

export const Csrf = ({ token }: { token: string }) => <input type="hidden" name="_csrf" value={token} />;

export function Layout(props: { title: string; session?: StaffSession; flash?: string; children: Child }) {
  const s = props.session;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>{`${props.title} · Sahayak staff`}</title>
        {/* a constant of this file, not data: safe unescaped (escaping would break the quoted font names) */}
        <style dangerouslySetInnerHTML={{ __html: styles }} />
      </head>
      <body>
        <header class="top">
          <a class="brand" href="/staff">
            सहायक <span>staff</span>
          </a>
          {s && (
            <nav>
              <a href="/staff">Dashboard</a>
              <a href="/staff/conversations">Transcripts</a>
              <a href="/staff/applications">Applications</a>
              <a href="/staff/complaints">Complaints</a>
              <a href="/staff/services">Services</a>
              <a href="/staff/handoffs">Handoffs</a>
              {hasRole(s.user, 'admin') && <a href="/staff/users">Accounts</a>}
              {hasRole(s.user, 'admin') && <a href="/staff/audit">Audit log</a>}
              <form method="post" action="/staff/logout" class="inline">
                <Csrf token={s.csrfToken} />
                <button type="submit" class="link">
                  Log out {s.user.username} ({s.user.role})
                </button>
              </form>
            </nav>
          )}
        </header>
        <main>
          {props.flash && <p class="flash">{props.flash}</p>}
          {props.children}
        </main>
      </body>
    </html>
  );
}
