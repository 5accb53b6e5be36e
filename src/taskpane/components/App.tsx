import { useState, type ReactNode } from 'react';
import { makeStyles, MessageBar, MessageBarBody, Spinner, Tab, TabList, tokens } from '@fluentui/react-components';
import type { PaneController } from '../controller';
import { GeneratePanel } from './GeneratePanel';
import { ValidatePanel } from './ValidatePanel';
import { ImportPanel } from './ImportPanel';
import { ConsolidatePanel } from './ConsolidatePanel';

const useStyles = makeStyles({
  pane: { padding: tokens.spacingHorizontalM, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, fontFamily: 'inherit' },
});

type TabId = 'generate' | 'validate' | 'import' | 'consolidate';

export function App({ pane, toolbar }: { pane: PaneController; toolbar?: ReactNode }) {
  const [tab, setTab] = useState<TabId>('generate');
  const styles = useStyles();
  return (
    <main className={styles.pane}>
      {toolbar}
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)}>
        <Tab value="generate">生成表格</Tab>
        <Tab value="validate">一键校验</Tab>
        <Tab value="import">导入报送</Tab>
        <Tab value="consolidate">汇总</Tab>
      </TabList>
      {pane.busy && <Spinner size="tiny" label={pane.busy} />}
      {pane.notice && !pane.notice.at && (
        <MessageBar intent={pane.notice.intent}>
          <MessageBarBody>{pane.notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {tab === 'generate' && <GeneratePanel pane={pane} />}
      {tab === 'validate' && <ValidatePanel pane={pane} />}
      {tab === 'import' && <ImportPanel pane={pane} />}
      {tab === 'consolidate' && <ConsolidatePanel pane={pane} />}
    </main>
  );
}
