/** The bundle-size and first-render baseline: React and one Fluent UI button, built like the pane. */
import { createRoot } from 'react-dom/client';
import { Button, FluentProvider, webLightTheme } from '@fluentui/react-components';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <FluentProvider theme={webLightTheme}>
    <Button appearance="primary" data-testid="baseline-button">
      Baseline
    </Button>
  </FluentProvider>,
);
