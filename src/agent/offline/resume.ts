import { serviceById } from '../../services/registry.js';
import { done, type Outcome, type Turn } from './outcome.js';
import { resumeForm } from './service-form.js';

const LEAD: Record<string, string> = {
  birth_certificate: 'resume.birth',
  hospital_complaint: 'resume.complaint',
};

/** Back to the form after an interruption ("Now, back to your application:" and its question), else the menu. */
export function resume(turn: Turn, withLead = true): Outcome {
  const form = turn.state.form;
  const service = form ? serviceById(form.service) : undefined;
  if (!form || !service) return done(turn, { prompt: turn.say.menu() });
  if (withLead) {
    const key = LEAD[service.id];
    turn.notes.push(
      key ? turn.say.t(key) : turn.say.t('form.resume', { service: turn.say.serviceName(service.names) }),
    );
  }
  return resumeForm(turn, service, form);
}
