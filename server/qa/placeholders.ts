import type { KnowledgeData } from '../knowledge/load';
import type { ANSWER_PLACEHOLDERS } from '../knowledge/schemas/answer-base';

export type AnswerPlaceholder = (typeof ANSWER_PLACEHOLDERS)[number];

/** The value each answer-base {placeholder} is filled with, from facts.json and regions.json. */
export function placeholderValues(data: KnowledgeData): Record<AnswerPlaceholder, string | number> {
  const f = data.facts;
  const r = data.regions;
  return {
    unit: f.contact.unit,
    phone: f.contact.phone,
    perYear: f.applications.perYear,
    deadline: f.deadlines[0]?.date ?? '',
    platform: f.platform.name,
    platformUrl: f.platform.url,
    videoFormat: f.submission.video.format,
    videoMaxMB: f.submission.video.maxSizeMB,
    minResolution: f.submission.video.minResolution,
    duration: f.submission.video.duration,
    videoSeconds: f.submission.video.seconds ?? '',
    videoToleranceSeconds: f.submission.video.toleranceSeconds ?? '',
    narration: f.submission.video.narration,
    photosMin: f.submission.photos.min,
    quotaAll: r.groups.map((g) => `${g.label}不多于${g.max}家`).join('；'),
    overQuota: r.overQuota,
  };
}
