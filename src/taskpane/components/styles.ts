/** The panels' shared layout, in Fluent's spacing and colour tokens: no size or colour written out twice. */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useLayout = makeStyles({
  /** A panel: its parts one under another. */
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  panelTight: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalMNudge },
  /** A few controls that belong together, one under another. */
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalSNudge },
  /** Buttons or fields side by side. */
  row: { display: 'flex', gap: tokens.spacingHorizontalS },
  rowTight: { display: 'flex', gap: tokens.spacingHorizontalSNudge },
  wrap: { flexWrap: 'wrap' },
  centered: { alignItems: 'center' },
  below: { marginTop: tokens.spacingVerticalXS },
  list: { margin: 0, padding: 0, listStyle: 'none' },
  /** One entry of a list, ruled off from the next. */
  entry: { padding: `${tokens.spacingVerticalS} 0`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  /** Why something could not be read or done. */
  problem: { color: tokens.colorStatusDangerForeground1 },
  /** A question asked in place before a change is made (with `group`). */
  confirm: { padding: tokens.spacingHorizontalS, border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteMarigoldBorder2}` },
  /** Office and year side by side: the office takes the room the year leaves. */
  officeField: { flex: '1 1 160px' },
  yearField: { width: '96px', flexShrink: 0 },
  yearInput: { width: '100%', minWidth: 0 },
  hidden: { display: 'none' },
});
