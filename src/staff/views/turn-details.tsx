import type { AnnotationRow, TurnRow } from '../conversation-queries.js';
import { Csrf } from './layout.js';

type ToolCall = {
  name?: string;
  arguments?: unknown;
  parsedArguments?: unknown;
  result?: unknown;
  status?: string;
  validationError?: unknown;
};
type Step = {
  engine?: string;
  model?: string;
  toolCalls?: ToolCall[];
  latencyMs?: number;
  usage?: {
    promptTokens?: number;
    completionTokens?: number;
    prompt_tokens?: number;
    completion_tokens?: number;
  };
  text?: string;
  /** fields the engine set or changed from the message, with the words it took */
  reads?: { service?: string; field?: string; value?: unknown; words?: string; change?: string }[];
};

function parseSteps(raw: string): Step[] {
  try {
    const v = JSON.parse(raw);
    return Array.isArray(v) ? (v as Step[]) : [];
  } catch {
    return [];
  }
}

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v, null, 2));

function Usage({ u }: { u: Step['usage'] }) {
  if (!u) return null;
  const p = u.promptTokens ?? u.prompt_tokens;
  const c = u.completionTokens ?? u.completion_tokens;
  return (
    <span>
      {' '}
      · tokens {p ?? '?'} in / {c ?? '?'} out
    </span>
  );
}

/** One turn's engine steps (collapsed by default) and the reviewers' verdicts on it. */
export function TurnDetails(props: { turn: TurnRow; annotations: AnnotationRow[]; csrf: string }) {
  const t = props.turn;
  const steps = parseSteps(t.steps);
  const toolCount = steps.reduce((n, s) => n + (s.toolCalls?.length ?? 0), 0);
  return (
    <div class="turn" id={`turn-${t.id}`}>
      <details>
        <summary>
          Turn {t.id}: {t.engine}
          {t.model && ` (${t.model})`}
          {t.fellBack ? (
            <span class="badge bad"> fell back{t.fallbackReason && `: ${t.fallbackReason}`}</span>
          ) : (
            ''
          )}{' '}
          · {t.intent ?? 'no intent'} · {t.language ?? '?'} · {t.latencyMs} ms ·{' '}
          {t.promptTokens + t.completionTokens} tokens · {steps.length} steps, {toolCount} tool calls
          {props.annotations.map((a) => (
            <span class={`badge ${a.verdict}`}> {a.verdict}</span>
          ))}
        </summary>
        {steps.map((s, i) => (
          <div>
            <b>
              Step {i + 1}: {s.engine ?? t.engine}
              {s.model && ` / ${s.model}`}
            </b>
            <span class="meta">
              {' '}
              {s.latencyMs ?? '?'} ms
              <Usage u={s.usage} />
            </span>
            {(s.reads ?? []).length > 0 && (
              <ul class="reads">
                {(s.reads ?? []).map((r) => (
                  <li>
                    {r.change === 'changed' ? 'changed' : 'set'} <b>{r.field}</b> = {show(r.value)}{' '}
                    <span class="meta">from “{r.words}”</span>
                  </li>
                ))}
              </ul>
            )}
            {(s.toolCalls ?? []).map((tc) => (
              <div>
                tool <b>{tc.name}</b>{' '}
                <span class={tc.status === 'ok' ? 'badge good' : 'badge'}>{tc.status ?? '?'}</span>
                <div class="meta">arguments</div>
                <pre>{show(tc.parsedArguments ?? tc.arguments)}</pre>
                {tc.validationError != null && (
                  <>
                    <div class="error">validation error</div>
                    <pre>{show(tc.validationError)}</pre>
                  </>
                )}
                {tc.result !== undefined && (
                  <>
                    <div class="meta">result</div>
                    <pre>{show(tc.result)}</pre>
                  </>
                )}
              </div>
            ))}
          </div>
        ))}
        {props.annotations.map((a) => (
          <p>
            <span class={`badge ${a.verdict}`}>{a.verdict}</span> {a.label && <b>{a.label}</b>} {a.note}{' '}
            <span class="meta">— {a.author}</span>
          </p>
        ))}
        <form method="post" action={`/staff/turns/${t.id}/annotations`} class="filters">
          <Csrf token={props.csrf} />
          <label>
            Verdict
            <select name="verdict">
              <option value="good">good</option>
              <option value="bad">bad</option>
            </select>
          </label>
          <label>
            Label
            <input name="label" placeholder="e.g. wrong_language" />
          </label>
          <label>
            Note
            <input name="note" />
          </label>
          <button type="submit">Annotate</button>
        </form>
      </details>
    </div>
  );
}
