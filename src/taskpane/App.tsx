import { FluentProvider, Text, Title1, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    minHeight: '100vh',
    boxSizing: 'border-box',
  },
});

/** The task pane. Kept host-free so the preview page can render it without Office. */
export function App() {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root}>
        <Title1 as="h1">CE Ledger</Title1>
        <Text>Track continuing-education credits and see where your recertification stands.</Text>
      </main>
    </FluentProvider>
  );
}
