/**
 * Core data types shared by the loader, the rules, scoring and the formatters.
 * Everything here is plain data: no colour, no I/O.
 */
import type { Offering } from './model/offering.js';

/** The five quality aspects of New America (2021), in report order. */
export const ASPECT_IDS = ['grain-size', 'resources', 'evidence', 'assessment', 'transparency'] as const;
export type AspectId = (typeof ASPECT_IDS)[number];

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const DECISIONS = ['approve', 'revise', 'reject'] as const;
export type Decision = (typeof DECISIONS)[number];
/** A decision, or `invalid` for an entry that could not be read as an offering. */
export type Outcome = Decision | 'invalid';

export const LEVEL_LABELS = ['not-evident', 'developing', 'proficient', 'exemplary'] as const;
export type LevelLabel = (typeof LEVEL_LABELS)[number];
export type Level = 0 | 1 | 2 | 3;

/** A place in a source file. Both numbers are 1-based. */
export interface Position {
  line: number;
  column: number;
}

/**
 * A run of document text a rule can search: a paragraph, list item, heading,
 * table row, or a string value from front matter or JSON.
 */
export interface TextBlock {
  text: string;
  /** Where `text` starts (1-based). */
  line: number;
  column: number;
  /** Start column of each further line of `text` (for multi-line blocks), index 1 = second line. */
  columns?: number[];
  /** File line of each line of `text`, when its lines are not consecutive file lines (text decoded from one JSON string). */
  lines?: number[];
  /**
   * What the text belongs to: a canonical field or section key (`competency`, `evidence`,
   * `assessment`, …), `title`, or `other` for unknown sections.
   */
  scope: string;
  /** Data path of the field the text came from or fills, e.g. `evidence.1.description`. */
  path?: string;
  kind: 'heading' | 'paragraph' | 'item' | 'row' | 'field';
}

/** A section of a Markdown body, mapped to a canonical key where its heading is known. */
export interface Section {
  /** Canonical key (`competency`, `evidence`, …) or null for an unknown heading. */
  key: string | null;
  heading: string;
  level: number;
  line: number;
  /** For evidence sections: the part a heading names (overview, artifact, reflection). */
  part?: 'overview' | 'artifact' | 'reflection';
}

/** A loaded, normalised offering as rules see it. */
export interface Doc {
  /** Path relative to the working directory, forward slashes. */
  file: string;
  /** Index within a catalog file, when the file holds several offerings. */
  index?: number;
  /** Format the offering was read from. */
  source: 'markdown' | 'json' | 'openbadges';
  data: Offering;
  blocks: TextBlock[];
  sections: Section[];
  /** Positions of data paths (`assessment.calibration`, `evidence.0`), keys joined by dots. */
  positions: Map<string, Position>;
  /** Where this offering starts in its file (1:1 for a whole file). */
  origin: Position;
  /** Keys present in the input that are not canonical fields. */
  unknownKeys: string[];
  /** For offerings mapped from another format (Open Badges): canonical data path -> JSON path in the file. */
  sourcePaths?: Map<string, string>;
}

/** What a rule's check returns for each problem it sees. */
export interface Hit {
  message: string;
  /** A position, or a data path / section key the engine resolves to one. Defaults to the rule's anchor. */
  at?: Position | string;
  /** The document text the finding refers to (shown in reports). */
  quote?: string;
  /**
   * Share of the rule's points still earned, 0 to 1 (default 0). A partial hit (credit > 0)
   * is reported one severity lower than the rule's configured severity.
   */
  credit?: number;
  /** A fix hint for this hit, when it is more specific than the rule's general fix. */
  fix?: string;
}

/** A finding as reported. */
export interface Finding {
  ruleId: string;
  aspect: AspectId | null;
  severity: Severity;
  message: string;
  fix: string | null;
  /** 1-based, or null when the text has no position (e.g. a file that could not be read). */
  line: number | null;
  column: number | null;
  /** Data path the finding is about, when it is about a field. */
  path: string | null;
  quote?: string;
  /** True when a reviewer waived this finding (`--waivers`): shown, but not counted. */
  waived?: boolean;
  waiver?: WaiverNote;
}

/** Why a finding is waived: the reviewer's entry, as reported. */
export interface WaiverNote {
  reason: string;
  reviewer: string;
  date: string;
}

/** Another offering whose competency statement is near-identical (catalog comparison). */
export interface DuplicateRef {
  file: string;
  index?: number;
  id: string | null;
  title: string | null;
  /** Jaccard similarity of the two statements' word shingles, 0-1, two decimals. */
  similarity: number;
}

export interface AspectResult {
  level: Level;
  label: LevelLabel;
  /** 0-100, rounded to a whole number. */
  score: number;
  earned: number;
  available: number;
  /** True when a blocking rule of this aspect failed (the aspect is then 0). */
  blocked: boolean;
}

export interface OfferingReport {
  file: string;
  index?: number;
  id: string | null;
  title: string | null;
  provider: string | null;
  decision: Outcome;
  /** Weighted overall score 0-100, or null for an invalid entry. */
  score: number | null;
  aspects: Record<AspectId, AspectResult> | null;
  findings: Finding[];
  reasons: string[];
  /**
   * Possible duplicates in the same catalog, when there are any: every one when the offering
   * has at most 5 (MAX_PARTNERS), else 5 of them, exact copies first; its group names them all.
   */
  duplicates?: DuplicateRef[];
  /** With `duplicates`: the offering's group in the report's `duplicateGroups`. */
  duplicateGroup?: number;
}

export interface Summary {
  offerings: number;
  approve: number;
  revise: number;
  reject: number;
  invalid: number;
}
