/*
 * The preview host: will show the real pane beside an in-memory workbook, for development and
 * demos. It runs in any browser without Office, so it must never load Office.js or the network.
 */
import { FluentProvider, Text, Title1, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';

function Preview() {
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 16 }}>
        <Title1 as="h1">CE Ledger preview</Title1>
        <Text as="p">The pane and an in-memory workbook will appear here.</Text>
      </main>
    </FluentProvider>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('preview.html has no #root element');
createRoot(container).render(<Preview />);
