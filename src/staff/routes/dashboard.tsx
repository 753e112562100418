import { Hono } from 'hono';
import type { StaffDeps, StaffEnv } from '../context.js';
import { dashboardStats } from '../dashboard-stats.js';
import { DailyBars, Gauge, HBars } from '../views/charts.js';
import { Layout } from '../views/layout.js';

const LANG_NAMES: Record<string, string> = { hi: 'हिंदी (hi)', en: 'English', hinglish: 'Hinglish' };

export function dashboardRoutes(deps: StaffDeps) {
  const app = new Hono<StaffEnv>();
  app.get('/staff', async (c) => {
    const s = await deps.store.read(dashboardStats(deps.now()));
    return c.html(
      <Layout title="Dashboard" session={c.get('session')}>
        <h1>Dashboard · last 14 days</h1>
        <div class="grid">
          <div class="card">
            <Gauge
              title="Completion rate"
              value={s.completionRate}
              detail={`conversations that started a service and submitted it (${s.conversations} conversations)`}
            />
          </div>
          <div class="card">
            <Gauge title="Fallback to offline engine" value={s.fallbackRate} detail={`of ${s.turns} turns`} />
          </div>
          <div class="card">
            <div class="meta">Overdue cases</div>
            <div
              style="font-size:1.8rem;font-weight:700"
              class={s.overdue.applications + s.overdue.complaints ? 'error' : ''}
            >
              {s.overdue.applications + s.overdue.complaints}
            </div>
            <div class="meta">
              <a href="/staff/applications?overdue=1">{s.overdue.applications} applications</a> ·{' '}
              <a href="/staff/complaints?overdue=1">{s.overdue.complaints} complaints</a> ·{' '}
              <a href="/staff/handoffs">{s.handoffsWaiting} waiting for a person</a>
            </div>
          </div>
        </div>
        <div class="card">
          <h2>Messages and conversations per day</h2>
          <DailyBars
            title="Messages and conversations per day"
            days={s.days}
            series={[
              { name: 'messages', values: s.messagesPerDay },
              { name: 'conversations', values: s.conversationsPerDay },
            ]}
          />
        </div>
        <div class="grid">
          <div class="card">
            <h2>Languages</h2>
            <HBars
              title="Languages"
              items={s.languages.map((l) => ({ ...l, label: LANG_NAMES[l.label] ?? l.label }))}
            />
          </div>
          <div class="card">
            <h2>Services used</h2>
            <HBars title="Services used" items={s.services} />
          </div>
          <div class="card">
            <h2>Cases submitted per service</h2>
            <HBars title="Cases submitted per service" items={s.casesPerService} />
          </div>
          <div class="card">
            <h2>Open applications by state</h2>
            <HBars title="Open applications" items={s.openApplications} />
          </div>
          <div class="card">
            <h2>Open complaints by state</h2>
            <HBars title="Open complaints" items={s.openComplaints} />
          </div>
        </div>
      </Layout>,
    );
  });
  return app;
}
