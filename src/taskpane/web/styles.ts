/** The web page's frame: the toolbar above, the tasks beside (or above, when narrow) the sheet. */
import { makeStyles, tokens } from '@fluentui/react-components';

/** From this width the tasks and the sheet sit side by side. */
const SIDE_BY_SIDE = '@media (min-width: 960px)';

export const usePageStyles = makeStyles({
  page: { minHeight: '100vh', boxSizing: 'border-box' },
  head: { padding: '12px 12px 0', display: 'flex', flexDirection: 'column', gap: '6px' },
  bar: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
  work: { display: 'flex', flexDirection: 'column', [SIDE_BY_SIDE]: { flexDirection: 'row', alignItems: 'flex-start' } },
  tasks: { minWidth: 0, [SIDE_BY_SIDE]: { flex: '0 0 400px', maxWidth: '400px' } },
  view: {
    minWidth: 0,
    padding: '0 12px 12px',
    // The sheet stays in view while the tasks scroll; the grid takes the window's height.
    [SIDE_BY_SIDE]: { flex: '1 1 auto', position: 'sticky', top: 0, paddingTop: '12px', '--nb-grid-height': 'calc(100vh - 90px)' },
  },
  empty: { border: `2px dashed ${tokens.colorNeutralStroke1}`, borderRadius: '6px', padding: '24px 12px', textAlign: 'center', color: tokens.colorNeutralForeground3 },
  drop: {
    position: 'fixed',
    inset: 0,
    zIndex: 1000,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    pointerEvents: 'none',
    backgroundColor: 'rgba(15, 108, 189, 0.10)',
    border: `3px dashed ${tokens.colorBrandStroke1}`,
    fontSize: '20px',
    color: tokens.colorBrandForeground1,
  },
  hidden: { display: 'none' },
});
