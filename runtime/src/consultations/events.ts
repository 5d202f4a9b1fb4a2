/** Log events of consultations that stay inside the administration: public tracking leaves them out. */
export const internalConsultationEvents: ReadonlySet<string> = new Set([
  'openConsultation',
  'answerConsultation',
  'completeConsultation',
])
