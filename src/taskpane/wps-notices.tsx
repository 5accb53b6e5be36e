/** What the WPS pane says about its host: opened outside WPS, or a WPS build that lacks part of the model. */
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens } from '@fluentui/react-components';

const WPS_UNAVAILABLE_TITLE = '未在 WPS 表格中打开，年报助手无法操作工作簿';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalM },
  text: { marginTop: tokens.spacingVerticalXS },
});

export function WpsUnavailable() {
  const styles = useStyles();
  return (
    <main className={styles.page}>
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{WPS_UNAVAILABLE_TITLE}</MessageBarTitle>
          <Text block className={styles.text}>
            这一页是 WPS 加载项的任务窗格，要在 WPS 表格中点“年报助手”选项卡的“打开任务窗格”打开。在浏览器中使用请打开同一地址下的网页版（index.html 所在的 dist/web）。
          </Text>
        </MessageBarBody>
      </MessageBar>
    </main>
  );
}

/** Shown above the pane when this WPS lacks something: the pane still works, without that part. */
export function MissingFeatures({ features }: { features: string[] }) {
  if (features.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>此版本的 WPS 缺少以下功能，年报助手照常工作，只是不使用它们</MessageBarTitle>
        {features.map((f) => (
          <Text block key={f}>
            · {f}
          </Text>
        ))}
        <Text block>升级到 WPS 2019 的较新版本或 WPS 2023 即可使用全部功能。</Text>
      </MessageBarBody>
    </MessageBar>
  );
}
