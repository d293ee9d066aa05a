/** Renderer entry: make sure `window.forewarn` exists, build the store on it, render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getForewarn } from './bridge';
import { installBrowserBridgeIfAbsent } from './browser-bridge';
import { createAppStore } from './store/app-store';
import { AppProvider } from './store/context';
import './styles.css';

installBrowserBridgeIfAbsent();
const api = getForewarn();
const store = createAppStore(api);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <AppProvider store={store} api={api}>
      <App />
    </AppProvider>
  </StrictMode>,
);
