/** Shown in the pane when office.js did not load, so the clerk sees why and what to do, not a blank pane. */
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens } from '@fluentui/react-components';

export const OFFICE_UNAVAILABLE_TITLE = '未能加载 Office 脚本（office.js），年报助手无法启动';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalM },
  text: { marginTop: tokens.spacingVerticalXS },
});

export function OfficeUnavailable({ fromCdn }: { fromCdn: boolean }) {
  const styles = useStyles();
  return (
    <main className={styles.page}>
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{OFFICE_UNAVAILABLE_TITLE}</MessageBarTitle>
          {fromCdn ? (
            <Text block className={styles.text}>
              任务窗格要从微软的网站（appsforoffice.microsoft.com）加载 office.js，本机未能访问该网站（内网中常见）。请管理员改用自带 office.js 的构建：
              <code>OFFICE_JS=local ADDIN_URL=https://内网服务器/nianbao npm run build</code>，重新部署后再打开（见使用说明“在内网部署”）。
            </Text>
          ) : (
            <Text block className={styles.text}>
              本加载项自带的 office.js（office 文件夹）未能加载，部署可能不完整。请管理员按使用说明“在内网部署”重新复制 dist/web 下的全部文件。
            </Text>
          )}
          <Text block className={styles.text}>
            在此之前，可以在浏览器中打开网页版（同一地址下的 index.html）继续工作。
          </Text>
        </MessageBarBody>
      </MessageBar>
    </main>
  );
}
