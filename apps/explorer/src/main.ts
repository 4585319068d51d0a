// The explorer's entry: styles, then the app, then whatever the address asks to open.
import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';
import { ExplorerApp } from './app/explorer-app.ts';

const app = new ExplorerApp();
void app.start();
