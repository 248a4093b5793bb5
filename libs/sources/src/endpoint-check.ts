import type { PreviewRecord } from './endpoint-preview';
import type { SourceError } from './source.errors';
import type { IdentifyFacts } from './sources.service';

/** The steps of a live endpoint check, in the order they run. */
export const CHECK_STEPS = ['ADDRESS', 'IDENTIFY', 'FORMAT', 'PREVIEW'] as const;
export type CheckStep = (typeof CHECK_STEPS)[number];

/** What one step found. */
export interface StepResult {
  readonly step: CheckStep;
  readonly ok: boolean;
  /** Why it is not ok, as a code (e.g. SOURCE_ADDRESS_NOT_ALLOWED, UNMAPPED_FORMAT); null when ok. */
  readonly code: string | null;
  /** What was found, in plain words. */
  readonly message: string;
  /** More of what was found (addresses, formats offered…), or null. */
  readonly details: string | null;
  /** When set, the endpoint cannot be registered: registration throws this. Not shown. */
  readonly refusal?: SourceError;
}

/** What the endpoint to check is. */
export interface EndpointCheckRequest {
  readonly baseUrl: string;
  readonly metadataPrefix: string;
  readonly sets?: readonly string[];
  /** Records to preview (0: no PREVIEW step, as in registration). */
  readonly previewRecords: number;
}

/**
 * The result of a live check: the steps run (it stops at the first step that refuses the
 * endpoint, so later steps are absent), and what they found.
 */
export interface EndpointCheck {
  readonly steps: StepResult[];
  readonly identify: IdentifyFacts | null;
  /** metadataPrefixes the endpoint offers. */
  readonly formats: string[];
  /** A prefix it offers that we map (oai_dc first) when the chosen one is unmapped. */
  readonly suggestedMetadataPrefix: string | null;
  readonly preview: PreviewRecord[];
}

/** The refusal of the first step that refused the endpoint, if any. */
export function refusalOf(check: EndpointCheck): SourceError | undefined {
  return check.steps.find((step) => step.refusal)?.refusal;
}
