import type { HarvestRun } from '@hop-luu/harvest-runs';
import type { QualityField } from '@hop-luu/quality';
import type { AlertIncident, IncidentKind } from './alert-incident.entity';

export type AlertEvent = 'opened' | 'resolved';

/** What a message is made from. */
export interface AlertFacts {
  readonly incident: AlertIncident;
  readonly event: AlertEvent;
  readonly source: {
    readonly id: string;
    readonly libraryName: string;
    readonly ownerId: string | null;
  };
  /** The run that opened (or ended) a run incident, for its figures and error. */
  readonly run?: Pick<HarvestRun, 'errorCode' | 'errorMessage' | 'recordsSeen' | 'recordsFailed'>;
  /** CONSOLE_PUBLIC_URL, without a trailing slash. */
  readonly consoleUrl: string;
}

export interface AlertMail {
  readonly subject: string;
  readonly text: string;
}

const TITLES: Record<IncidentKind, { vi: string; en: string }> = {
  RUN_FAILED: { vi: 'Thu hoạch thất bại', en: 'Harvest failed' },
  RUN_PARTIAL: { vi: 'Thu hoạch chưa trọn vẹn', en: 'Harvest partly failed' },
  STALE: { vi: 'Nguồn lâu không được cập nhật', en: 'Source is stale' },
  QUALITY_DROP: { vi: 'Chất lượng dữ liệu giảm mạnh', en: 'Data quality dropped' },
};

/** The console page that explains the alert: the run that opened or ended it, else the source. */
export function alertLink(facts: Pick<AlertFacts, 'incident' | 'event' | 'consoleUrl'>): string {
  const { incident, event, consoleUrl } = facts;
  const runId = event === 'opened' ? incident.firstRunId : incident.resolvedByRunId;
  return runId
    ? `${consoleUrl}/runs/${runId}`
    : `${consoleUrl}/sources/${encodeURIComponent(incident.sourceId)}`;
}

const vietnamTime = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  dateStyle: 'short',
  timeStyle: 'short',
});

/** "14:05 3/12/2026 (giờ Việt Nam)" and "2026-12-03 07:05 UTC". */
function when(date: Date): { vi: string; en: string } {
  return {
    vi: `${vietnamTime.format(date)} (giờ Việt Nam)`,
    en: `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  };
}

function whatHappened(facts: AlertFacts): { vi: string[]; en: string[] } {
  const { incident, source, run } = facts;
  const name = `${source.libraryName} (${source.id})`;
  const at = when(incident.openedAt);
  switch (incident.kind) {
    case 'RUN_FAILED':
      return {
        vi: [
          `Lần thu hoạch nguồn ${name} bị lỗi lúc ${at.vi} và không hoàn thành.`,
          `Mã lỗi: ${incident.errorCode ?? 'không rõ'}${run?.errorMessage ? ` — ${run.errorMessage}` : ''}`,
        ],
        en: [
          `The harvest of ${name} failed at ${at.en} and did not finish.`,
          `Error code: ${incident.errorCode ?? 'unknown'}${run?.errorMessage ? ` — ${run.errorMessage}` : ''}`,
        ],
      };
    case 'RUN_PARTIAL':
      return {
        vi: [
          `Lần thu hoạch nguồn ${name} đã xong lúc ${at.vi}, nhưng ${run?.recordsFailed ?? '?'} trên ${run?.recordsSeen ?? '?'} biểu ghi không xử lý được.`,
        ],
        en: [
          `The harvest of ${name} finished at ${at.en}, but ${run?.recordsFailed ?? '?'} of ${run?.recordsSeen ?? '?'} records could not be processed.`,
        ],
      };
    case 'QUALITY_DROP':
      return qualityDropText(name, incident);
    default:
      return {
        vi: [`Nguồn ${name}: ${TITLES[incident.kind].vi.toLowerCase()} (từ ${at.vi}).`],
        en: [`${name}: ${incident.summary}`],
      };
  }
}

const FIELD_NAMES: Record<QualityField, { vi: string; en: string }> = {
  TITLE: { vi: 'nhan đề', en: 'a title' },
  CREATOR: { vi: 'tác giả', en: 'a creator' },
  YEAR: { vi: 'năm xuất bản', en: 'a year' },
  ISBN_ISSN: { vi: 'ISBN/ISSN hợp lệ', en: 'a valid ISBN/ISSN' },
  SUBJECT: { vi: 'chủ đề', en: 'a subject' },
  LANGUAGE: { vi: 'ngôn ngữ', en: 'a language' },
};

function qualityDropText(name: string, incident: AlertIncident): { vi: string[]; en: string[] } {
  const drop = incident.details;
  if (!drop) return { vi: [`Nguồn ${name}: ${incident.summary}`], en: [incident.summary] };
  const field = FIELD_NAMES[drop.field];
  const from = `${Math.round(drop.before * 100)}%`;
  const to = `${Math.round(drop.after * 100)}%`;
  return {
    vi: [
      `Tỷ lệ biểu ghi có ${field.vi} của nguồn ${name} giảm mạnh từ ${from} xuống ${to} trong báo cáo chất lượng mới nhất.`,
    ],
    en: [
      `The share of records with ${field.en} from ${name} fell sharply from ${from} to ${to} in the latest data-quality report.`,
    ],
  };
}

function whatEnded(facts: AlertFacts): { vi: string[]; en: string[] } {
  const { incident, source } = facts;
  const name = `${source.libraryName} (${source.id})`;
  const opened = when(incident.openedAt);
  const ended = when(incident.resolvedAt ?? new Date());
  const title = TITLES[incident.kind];
  return {
    vi: [
      `Sự cố «${title.vi}» của nguồn ${name}, bắt đầu lúc ${opened.vi}, đã kết thúc lúc ${ended.vi}.`,
    ],
    en: [`The "${title.en}" incident of ${name}, open since ${opened.en}, ended at ${ended.en}.`],
  };
}

/** One e-mail: Vietnamese first, the English part below, both with the console link. */
export function alertMail(facts: AlertFacts): AlertMail {
  const title = TITLES[facts.incident.kind];
  const body = facts.event === 'opened' ? whatHappened(facts) : whatEnded(facts);
  const link = alertLink(facts);
  const prefix =
    facts.event === 'opened'
      ? `${title.vi} / ${title.en}`
      : `Đã khắc phục / Recovered: ${title.vi} / ${title.en}`;
  return {
    subject: `[Hợp Lưu] ${prefix}: ${facts.source.libraryName}`,
    text: [
      ...body.vi,
      `Xem giải thích và cách xử lý: ${link}`,
      'Mỗi sự cố chỉ có một thư khi bắt đầu và một thư khi kết thúc.',
      '',
      '— English —',
      ...body.en,
      `What it means and what to do: ${link}`,
      'You get one message when an incident opens and one when it ends.',
      '',
    ].join('\n'),
  };
}

/** The JSON a webhook receives (the signature covers exactly this body). */
export function webhookPayload(facts: AlertFacts): Record<string, unknown> {
  const { incident, event, source } = facts;
  return {
    event: event === 'opened' ? 'incident.opened' : 'incident.resolved',
    incident: {
      id: incident.id,
      kind: incident.kind,
      sourceId: source.id,
      sourceName: source.libraryName,
      openedAt: incident.openedAt.toISOString(),
      resolvedAt: incident.resolvedAt?.toISOString() ?? null,
      firstRunId: incident.firstRunId,
      resolvedByRunId: incident.resolvedByRunId,
      errorCode: incident.errorCode,
      summary: incident.summary,
    },
    link: alertLink(facts),
  };
}

/** The daily digest: one line per incident opened or ended in the last day. */
export function digestMail(lines: readonly { facts: AlertFacts }[], day: string): AlertMail {
  const line = ({ facts }: { facts: AlertFacts }, lang: 'vi' | 'en'): string => {
    const title = TITLES[facts.incident.kind][lang];
    const state =
      facts.incident.resolvedAt === null
        ? lang === 'vi'
          ? 'đang mở'
          : 'open'
        : lang === 'vi'
          ? 'đã kết thúc'
          : 'ended';
    return `- ${facts.source.libraryName} (${facts.source.id}): ${title}, ${state} — ${alertLink(facts)}`;
  };
  return {
    subject: `[Hợp Lưu] Tóm tắt cảnh báo ngày ${day} / Daily alert digest (${lines.length})`,
    text: [
      `Các sự cố mở hoặc kết thúc trong 24 giờ qua (${lines.length}):`,
      ...lines.map((l) => line(l, 'vi')),
      '',
      '— English —',
      `Incidents opened or ended in the last 24 hours (${lines.length}):`,
      ...lines.map((l) => line(l, 'en')),
      '',
    ].join('\n'),
  };
}
