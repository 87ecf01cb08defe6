/**
 * The drafts `mcaudit init` writes: every section, short guidance on what a strong answer
 * holds (Markdown: in HTML comments, which the loader skips), and "[Describe …]"
 * placeholders that the rules treat as blank until they are filled in.
 */

/** A Markdown draft (front matter and sections). */
export const MARKDOWN_TEMPLATE = `---
# A new micro-credential draft written by \`mcaudit init\`. Replace every "[...]" and run
# \`mcaudit lint <this file>\` until it passes. Guidance is in <!-- comments -->, which mcaudit ignores.
id: "[Enter an identifier, e.g. ORG-FA-101]"
title: "[Name the micro-credential after its one competency]"
version: "[Enter a version, e.g. 1.0]"
updated: "[Enter the date of this version, e.g. 2026-01-15]"
provider:
  name: "[Name the issuing organisation]"
  url: "[Enter the provider's web address]"
  email: "[Enter a contact e-mail address]"
audience: "[Describe who it is for: role, grade band, subject]"
level: "[Enter a level, e.g. Foundational, Proficient or Advanced]"
estimatedHours: "[Enter the hours an educator needs, e.g. 12]"
stack: "[Name the stack or series it belongs to, if any]"
alignment:
  - framework: "[Name the standards framework, e.g. InTASC]"
    code: "[Enter the standard's code]"
    name: "[Enter the standard's wording]"
recognition: "[State the credit it earns, e.g. clock hours, renewal units or course credit, and who accepts it]"
cost: "[State the cost to the educator, or that it is free]"
badge: "[Describe the digital badge: standard (e.g. Open Badges 3.0) and where it is issued]"
publicUrl: "[Enter the public page that shows the competency and criteria]"
evidenceVisibility: "[State who can see submitted evidence, e.g. only the earner and assessors]"
expires: "[State whether and when the credential expires]"
---

# [Name the micro-credential]

## Competency

<!-- One discrete, observable skill an educator does with learners: "Educator uses … to …".
     Not a domain ("classroom management") and not knowledge ("understands …"). -->

[Describe the one competency as an educator action with its purpose for learners]

## Key Method

<!-- The research-based method that shows the competency, in two to four sentences: what the
     educator does, with whom, and what students do. -->

[Describe the key method]

## Method Components

<!-- The three to six steps of the method, each one observable. -->

1. [Describe the first component]
2. [Describe the second component]
3. [Describe the third component]

## Supporting Research & Rationale

<!-- Why the method works, with full citations (authors, year, title, journal or publisher,
     DOI or link). At least two, at least one from the last ten years. -->

[Describe the research base in two or three sentences]

- [Enter a full citation with a DOI or link]
- [Enter a full citation with a DOI or link]

## Resources

<!-- Evidence-based resources and practice supports (templates, examples, coaching, a
     community), each with a link and its cost, each tied to a method component. -->

- [Add a resource: its title and link, what it is for, which component, and its cost]
- [Add a practice support: a template, video example, coach or community, with its link]

## Submission Guidelines & Evaluation Criteria

<!-- What the educator submits: context, real artifacts of practice with learners, evidence
     of student impact, and a reflection. Give quantities and word limits. -->

### Part 1. Overview Questions

[List the context questions, with a word limit]

### Part 2. Work Examples/Artifacts

- [Describe an artifact of practice, e.g. a lesson plan, with the number required]
- [Describe a classroom artifact, e.g. a short unedited video, with its length]
- [Describe student work samples at different mastery levels, with the number required]

### Part 3. Reflection

[Write the reflection prompt: impact on students, with reference to the evidence, and next steps; give a word limit]

## Privacy

<!-- How to protect students in video and student work: consent, names, faces. -->

[Describe how educators protect student privacy in their evidence]

## Scoring Guide

<!-- One row per part of the evidence; observable descriptors at three or four levels. -->

| Criterion | Exemplary | Proficient | Developing |
|---|---|---|---|
| [Name a criterion] | [Describe exemplary work] | [Describe proficient work] | [Describe developing work] |

**Passing rule:** [State the passing rule, e.g. Proficient or higher on every criterion]

## Assessment Process

<!-- Who assesses and how they are trained and calibrated, blind review, feedback,
     resubmission, and how long a decision takes. -->

- Assessors: [Describe who assesses and their training]
- Calibration: [Describe how assessors are calibrated]
- Blind review: [Describe how submissions are anonymised]
- Feedback: [Describe the feedback an educator receives]
- Resubmission: [Describe how and how often an educator can resubmit]
- Turnaround: [State the days until a decision]
`;

/** A JSON draft: the same fields; the guidance is in the placeholders. */
export const JSON_TEMPLATE = `${JSON.stringify(
  {
    id: '[Enter an identifier, e.g. ORG-FA-101]',
    title: '[Name the micro-credential after its one competency]',
    version: '[Enter a version, e.g. 1.0]',
    updated: '[Enter the date of this version, e.g. 2026-01-15]',
    provider: { name: '[Name the issuing organisation]', url: "[Enter the provider's web address]", email: '[Enter a contact e-mail address]' },
    audience: '[Describe who it is for: role, grade band, subject]',
    level: '[Enter a level, e.g. Foundational, Proficient or Advanced]',
    estimatedHours: '[Enter the hours an educator needs, e.g. 12]',
    stack: '[Name the stack or series it belongs to, if any]',
    competency: '[Describe one discrete, observable educator action with its purpose for learners: "Educator uses … to …"]',
    keyMethod: '[Describe the research-based method in two to four sentences: what the educator does, with whom, and what students do]',
    methodComponents: ['[Describe the first observable step]', '[Describe the second observable step]', '[Describe the third observable step]'],
    research: [
      { citation: '[Enter a full citation: authors, year, title, journal or publisher]', year: '[Enter the year]', url: '[Enter the DOI or link]' },
      { citation: '[Enter a full citation from the last ten years]', year: '[Enter the year]', url: '[Enter the DOI or link]' },
    ],
    resources: [
      { title: '[Name an evidence-based resource]', url: '[Enter its link]', cost: '[State its cost]', description: '[Describe what it is for and which component it supports]' },
      { title: '[Name a practice support: a template, video example, coach or community]', url: '[Enter its link]', cost: '[State its cost]' },
    ],
    evidence: [
      { part: 'overview', description: '[List the context questions, with a word limit]' },
      { part: 'artifact', type: '[Enter the artifact type, e.g. lesson plan]', description: '[Describe an artifact of practice with learners]', quantity: '[Enter the number required]' },
      { part: 'artifact', type: '[Enter the type, e.g. student work samples]', description: '[Describe student work at different mastery levels]', quantity: '[Enter the number required]' },
      { part: 'reflection', description: '[Write the reflection prompt: impact on students, with reference to the evidence, and next steps; give a word limit]' },
    ],
    rubric: {
      criteria: [{ name: '[Name a criterion]', levels: [{ name: 'Proficient', descriptor: '[Describe proficient work]' }] }],
      passingRule: '[State the passing rule, e.g. Proficient or higher on every criterion]',
    },
    assessment: {
      assessors: '[Describe who assesses and their training]',
      calibration: '[Describe how assessors are calibrated]',
      blindReview: '[Describe how submissions are anonymised]',
      feedback: '[Describe the feedback an educator receives]',
      resubmission: '[Describe how and how often an educator can resubmit]',
      turnaroundDays: '[Enter the days until a decision]',
    },
    alignment: [{ framework: '[Name the standards framework, e.g. InTASC]', code: "[Enter the standard's code]", name: "[Enter the standard's wording]" }],
    recognition: '[State the credit it earns and who accepts it]',
    cost: '[State the cost to the educator, or that it is free]',
    badge: '[Describe the digital badge: standard and where it is issued]',
    publicUrl: '[Enter the public page that shows the competency and criteria]',
    evidenceVisibility: '[State who can see submitted evidence]',
    expires: '[State whether and when the credential expires]',
  },
  null,
  2,
)}\n`;
