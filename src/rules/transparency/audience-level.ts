import { z } from 'zod';
import { defineRule } from '../define.js';
import type { Position } from '../../types.js';
import { blocksWhere, firstAccepted, stated } from './util.js';

/** An intended audience: a grade band, a school level or a role. */
const AUDIENCE_RE = new RegExp(
  [
    String.raw`\bgrades?\s{0,3}(?:pre-?k|k|\d{1,2})\b`,
    String.raw`\b(?:pre-?k|p|k)\s{0,2}[-–]\s{0,2}\d{1,2}\b`,
    String.raw`\b\d{1,2}(?:st|nd|rd|th)[\s-]{1,3}grade`,
    String.raw`\b(?:elementary|middle|high|secondary|primary)[\s-]school\b`,
    String.raw`\b(?:early childhood|preschool|pre-kindergarten|kindergarten|postsecondary)\b`,
    String.raw`\b(?:intended|designed|suitable|appropriate|created|written) for\b`,
    String.raw`\b(?:school leaders?|principals?|assistant principals?|paraprofessionals?|paraeducators?|instructional coaches|coaches|administrators?|librarians?|media specialists?|school counselors?|counselors?|specialists|pre-?service teachers?|student teachers?|teacher candidates?|mentor teachers?|special education teachers?|special educators?|ESL teachers?|ELL teachers?|(?:math|mathematics|science|ELA|English|reading|literacy|history|social studies|art|music|PE|CTE|STEM) (?:teachers?|educators?))\b`,
  ].join('|'),
  'i',
);
/** A level of expertise: "introductory", "intermediate", "advanced level", "Level 2". */
const LEVEL_RE = new RegExp(
  [
    String.raw`\b(?:introductory|beginner|foundational|intermediate)\b`,
    String.raw`\b(?:beginning|basic|advanced|expert|entry|novice|emerging|developing|proficient|master|mastery|accomplished)[\s-](?:level|tier|stage)\b`,
    String.raw`\blevel\s{0,3}(?:[1-5]|I{1,3}|IV)\b`,
    String.raw`\bfor (?:novice|beginning|experienced|veteran|early[\s-]career|new|seasoned|accomplished) (?:teachers|educators|leaders|principals)\b`,
  ].join('|'),
  'i',
);

const SCOPES = new Set(['title', 'description', 'about', 'other', 'audience', 'prerequisites', 'tags', 'level', 'competency']);

export default defineRule({
  id: 'audience-level',
  aspect: 'transparency',
  description: 'The intended audience (grade band, role or subject) and the level of expertise (introductory to advanced) are stated.',
  summary: 'audience or level not stated',
  rationale:
    'Educators choose, and districts recommend, micro-credentials by who they are for and how advanced they are; micro-credentials are offered at various levels of expertise, so a recogniser comparing two offerings needs both.',
  source: 'New America 2022 (MCs "offered at various levels of expertise"); Digital Promise explore filters by audience (S6); MPOS standards: "educator" covers teachers, paraprofessionals, support staff, leaders (S4); Credential Engine CTDL audienceLevelType (S12).',
  fix: 'State both, e.g. "Audience: K-5 classroom teachers" and "Level: introductory" (or front matter `audience: ["K-5", "classroom teachers"]`, `level: introductory`).',
  anchor: 'audience',
  params: z.strictObject({}),
  examples: {
    pass: '## About\n- Audience: grades 6-8 mathematics teachers\n- Level: intermediate',
    fail: '## Competency\nEducator uses wait time after questions to increase student response.',
  },
  check(doc) {
    const d = doc.data;
    const blocks = blocksWhere(doc, { scopes: SCOPES });
    const audienceAt: string | Position | null = stated(d.audience) ? 'audience' : firstAccepted(blocks, AUDIENCE_RE)?.pos ?? null;
    const levelAt: string | Position | null = stated(d.level) ? 'level' : firstAccepted(blocks, LEVEL_RE)?.pos ?? null;
    if (audienceAt !== null && levelAt !== null) return [];
    if (audienceAt === null && levelAt === null) {
      return [{ message: 'neither the intended audience (grade band, role, subject) nor the level of expertise is stated' }];
    }
    if (audienceAt === null) {
      return [
        {
          message: 'the level is stated but not the intended audience (grade band, role or subject)',
          at: levelAt!,
          credit: 0.5,
          fix: 'Add who the micro-credential is for, e.g. "Audience: K-5 classroom teachers" or `audience: ["6-8", "science teachers"]`.',
        },
      ];
    }
    return [
      {
        message: 'the intended audience is stated but not the level of expertise (introductory, intermediate, advanced)',
        at: audienceAt,
        credit: 0.5,
        fix: 'Add the level of expertise, e.g. "Level: introductory" or `level: advanced`.',
      },
    ];
  },
});
