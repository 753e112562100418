import { Csrf } from './layout.js';

/**
 * Outside the 24-hour window a free-form reply cannot be delivered: the officer picks one
 * of the approved templates instead, and writes what goes into its one parameter.
 */
export function TemplateReplyForm({ conversationId, csrf }: { conversationId: number; csrf: string }) {
  return (
    <form method="post" action={`/staff/conversations/${conversationId}/template`} class="template-reply">
      <Csrf token={csrf} />
      <label>
        Approved template{' '}
        <select name="purpose">
          <option value="status_update">status update</option>
          <option value="reminder">reminder</option>
        </select>
      </label>
      <textarea name="text" required maxlength={1000} placeholder="What the template says to the citizen" />
      <button type="submit">Send template on WhatsApp</button>
    </form>
  );
}
