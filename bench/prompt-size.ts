import { encode } from 'gpt-tokenizer';
import type { EngineInput, PendingAction } from '../src/agent/engine.js';
import { loadSystemPrompt } from '../src/agent/openai/load-prompt.js';
import { createOpenAIEngine } from '../src/agent/openai/openai-engine.js';
import { ROUTER_TOOL } from '../src/agent/openai/tool-routing.js';
import { services } from '../src/services/registry.js';
import { type FakeRequestBody, startFakeOpenAIServer } from '../src/testing/fake-openai-server.js';
import { sampleBirthApplication } from '../src/testing/sample-birth-application.js';
import { allTools } from '../tools/index.js';
import { toolJsonSchema } from '../tools/tool-json-schema.js';

/** The pending call of the confirmation case: a whole birth application, the largest form. */
const pendingBirth: PendingAction = {
  tool: 'apply_birth_certificate',
  args: sampleBirthApplication,
  inboundId: 1,
  createdAt: Date.now(),
};

interface RequestTokens {
  case: string;
  tools: string[];
  systemPromptTokens: number;
  toolSchemaTokens: number;
  totalTokens: number;
}

function tokensOf(label: string, body: FakeRequestBody): RequestTokens {
  const system = String(body.messages?.[0]?.content ?? '');
  const systemPromptTokens = encode(system).length;
  const toolSchemaTokens = encode(JSON.stringify(body.tools ?? [])).length;
  return {
    case: label,
    tools: (body.tools ?? []).map((t) => t.function.name),
    systemPromptTokens,
    toolSchemaTokens,
    totalTokens: systemPromptTokens + toolSchemaTokens,
  };
}

/**
 * Tokens the model reads before the conversation starts, in the requests the openai engine
 * really sends (captured at the local fake OpenAI server): the rendered system prompt and
 * the `tools` array (o200k encoding, gpt-4o's; other models differ by a few percent; the
 * JSON text of the tools is a close proxy for how providers count them). The engine sends
 * the general tools, the open service's form tool and `open_service`; so each case below is
 * one kind of request, the headline is the largest, and `allToolsUnrouted` is what every
 * request carried before routing (and still carries with `routeTools: false`).
 */
export async function benchPromptSize({ variant = 'default' }: { variant?: string } = {}) {
  const fake = await startFakeOpenAIServer({ handler: () => ({ reply: 'ok' }) });
  try {
    const engine = (routeTools: boolean) =>
      createOpenAIEngine({
        baseUrl: fake.url,
        model: 'prompt-size',
        timeoutMs: 5_000,
        maxRetries: 0,
        systemPrompt: loadSystemPrompt({ variant }),
        toolJsonSchema,
        routeTools,
      });
    const now = new Date();
    const input = (over: Partial<EngineInput>): EngineInput => ({
      citizen: { waId: '919812345678', name: null, lang: 'hinglish', languageChosen: false },
      inbound: { kind: 'text', text: 'beti ka janm praman patra banwana hai' },
      inboundId: 2,
      lang: 'hinglish',
      history: [],
      toolCalls: [],
      engineState: null,
      pending: null,
      now,
      tools: allTools,
      ...over,
    });
    const open = (tool: string) => ({ openTool: tool, at: now.getTime() });
    const measure = async (label: string, over: Partial<EngineInput>, routeTools = true) => {
      const before = fake.requests.length;
      await engine(routeTools).decide(input(over));
      return fake.requests
        .slice(before)
        .map((body, i, all) => tokensOf(all.length > 1 ? `${label} #${i + 1}` : label, body));
    };

    const says = (text: string): Partial<EngineInput> => ({ inbound: { kind: 'text', text } });
    const noService = await measure('no service open', says('namaste ji'));
    const named = await measure(
      'the message names a service (birth)',
      says('beti ka janm praman patra banwana hai'),
    );
    fake.push({ toolCall: { name: ROUTER_TOOL, arguments: { tool: 'apply_birth_certificate' } } });
    const opening = await measure('open_service (birth)', says('beti hui hai, uska registration karna hai'));
    const perService: RequestTokens[] = [];
    for (const { toolName } of services) {
      perService.push(
        ...(await measure(`${toolName} open`, { ...says('Sitapur'), engineState: open(toolName) })),
      );
    }
    const [pending] = await measure('confirmation pending (birth)', {
      ...says('haan'),
      engineState: open(pendingBirth.tool),
      pending: pendingBirth,
    });
    const [allToolsUnrouted] = await measure('all tools, unrouted', {}, false);
    const [allToolsPending] = await measure(
      'all tools, unrouted, confirmation pending',
      { pending: pendingBirth },
      false,
    );

    const requests = [...noService, ...named, ...opening, ...perService];
    const largest = requests.reduce((a, b) => (b.totalTokens > a.totalTokens ? b : a));
    return {
      variant,
      /** the largest request without a confirmation pending */
      case: largest.case,
      systemPromptTokens: largest.systemPromptTokens,
      toolSchemaTokens: largest.toolSchemaTokens,
      totalTokens: largest.totalTokens,
      /** the pending call rendered into the prompt, its service's tool in the request */
      withPendingConfirmation: {
        systemPromptTokens: pending.systemPromptTokens,
        toolSchemaTokens: pending.toolSchemaTokens,
        totalTokens: pending.totalTokens,
      },
      requests: [...requests, pending],
      allToolsUnrouted,
      allToolsPending,
      target: 1_500,
      met: Math.max(largest.totalTokens, pending.totalTokens) < 1_500,
    };
  } finally {
    await fake.close();
  }
}

// `npx tsx bench/prompt-size.ts [variant]` measures this part alone
if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await benchPromptSize({ variant: process.argv[2] ?? 'default' });
  console.table(
    [...result.requests, result.allToolsUnrouted, result.allToolsPending].map(({ tools: _t, ...r }) => r),
  );
  console.log(
    `largest: ${result.totalTokens} (${result.case}); confirmation pending: ${result.withPendingConfirmation.totalTokens}; target < ${result.target}: ${result.met ? 'met' : 'not met'}`,
  );
}
