// web/src/main.tsx: entry point: loads the styles and renders the app into #app.
import { render } from 'preact';
import { App } from './app';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/directory.css';
import './styles/practice.css';

const root = document.getElementById('app');
if (root) render(<App />, root);
