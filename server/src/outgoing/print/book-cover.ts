/**
 * The cover of an outgoing register (NĐ 30 Phụ lục IV): the template's lines, stating the first and
 * last entries the volume holds, and a series of its own (a council's, say) named under the title.
 */
import type { AgencyHeading, CoverText } from '../../infra/print/form-pdf.js';
import { coverLines, coverSpan, type CoverEnd, type PrintRange } from '../../infra/print/register-cover.js';

export interface BookScope {
  year: number;
  range: PrintRange;
  volume?: number;
  /** Null for the agency's default series. */
  seriesName: string | null;
}

/** The cover for the PDF, and its lines after the year as the sheet sets them (fewer, wider). */
export function bookCover(heading: AgencyHeading, title: string, scope: BookScope, ends: { first?: CoverEnd; last?: CoverEnd }): { cover: CoverText; sheetDetails: string[] } {
  const lines = coverLines(coverSpan(scope.year, ends, scope.range, scope.volume));
  const series = scope.seriesName ? [`Sổ riêng: ${scope.seriesName}`] : [];
  return {
    cover: { heading, title, year: lines.year, details: [...series, lines.dates, lines.numbers, lines.volume] },
    sheetDetails: [...series, `${lines.dates}; ${lines.numbers}`, lines.volume],
  };
}

/** How a series is named in a file's title. */
export const seriesSuffix = (scope: BookScope) => (scope.seriesName ? ` (${scope.seriesName})` : '');
